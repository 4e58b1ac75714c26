import { useMemo } from 'react';
import type { Lead } from '@shared/domain/leads/lead';
import { leadDisplayName } from '@shared/domain/leads/lead-changes';
import { leadChannels, leadStatuses } from '@shared/domain/leads/lead-process';
import { useI18n } from '../../../i18n/use-i18n';
import { AppLink } from '../../../ui/AppLink';
import type { RecordColumn } from '../../../records/list/columns';
import { RecordListPage } from '../../../records/list/RecordListPage';
import type { RecordsSearch } from '../../../records/list/records-search';
import { QualificationBadge, StatusBadge } from '../shared/LeadBadges';
import { useUserName } from '../../../api/use-users';

const leadPath = (lead: Lead) => `/leads/${encodeURIComponent(lead.id)}`;
const none = <span className="muted">—</span>;

/**
 * The leads list: status, owner, channel and custom field filters, a column chooser with the
 * custom fields marked for lists, newest or oldest first, server-paged, exported as filtered.
 */
export function LeadsPage({ search }: { search: RecordsSearch }) {
  const { t, format } = useI18n();
  const userName = useUserName();

  const columns = useMemo<RecordColumn<Lead>[]>(
    () => [
      {
        id: 'name',
        label: t.leads.columns.name,
        required: true,
        className: 'cell-name',
        cell: (lead) => (
          <>
            <AppLink href={leadPath(lead)} testId="lead-link">
              {leadDisplayName(lead)}
            </AppLink>
            {lead.jobTitle ? <span className="cell-sub">{lead.jobTitle}</span> : null}
          </>
        ),
      },
      { id: 'company', label: t.leads.columns.company, cell: (lead) => lead.company ?? none },
      { id: 'email', label: t.leads.columns.email, className: 'cell-nowrap', cell: (lead) => lead.email ?? none },
      { id: 'phone', label: t.leads.columns.phone, className: 'cell-nowrap', cell: (lead) => lead.phoneTyped ?? lead.phone ?? none },
      { id: 'status', label: t.leads.columns.status, cell: (lead) => <StatusBadge status={lead.status} /> },
      { id: 'qualification', label: t.leads.columns.qualification, cell: (lead) => <QualificationBadge qualification={lead.qualification} /> },
      { id: 'topic', label: t.fields.topic, defaultVisible: false, cell: (lead) => lead.topic ?? none },
      { id: 'budget', label: t.fields.budget, defaultVisible: false, className: 'cell-nowrap', cell: (lead) => (lead.budget ? format.money(lead.budget) : none) },
      { id: 'owner', label: t.leads.columns.owner, cell: (lead) => userName(lead.ownerId) },
      {
        id: 'source',
        label: t.leads.columns.source,
        cell: (lead) => (
          <>
            {t.channels[lead.source.channel]}
            {lead.source.campaign || lead.source.utm?.campaign ? <span className="cell-sub">{lead.source.campaign ?? lead.source.utm?.campaign}</span> : null}
          </>
        ),
      },
      {
        id: 'created',
        label: t.leads.columns.created,
        sort: 'createdAt',
        className: 'cell-nowrap',
        cell: (lead) => (
          <time dateTime={lead.createdAt} title={format.dateTime(lead.createdAt)}>
            {format.shortDate(lead.createdAt)}
          </time>
        ),
      },
    ],
    [t, format, userName],
  );
  const statuses = useMemo(() => leadStatuses.map((status) => ({ value: status, label: t.statuses[status] })), [t]);
  const selects = useMemo(
    () => [{ param: 'channel' as const, label: t.leads.filterChannel, options: leadChannels.map((channel) => ({ value: channel, label: t.channels[channel] })) }],
    [t],
  );

  return (
    <RecordListPage<Lead>
      listId="leads"
      resource="leads"
      recordType="lead"
      customType="lead"
      basePath="/leads"
      search={search}
      title={t.leads.title}
      caption={t.leads.tableCaption}
      newHref="/leads/new"
      newLabel={t.leads.newLead}
      statuses={statuses}
      selects={selects}
      columns={columns}
      rowHref={leadPath}
      recordName={leadDisplayName}
      emptyHint={t.leads.emptyHint}
      testId="leads-page"
    />
  );
}
