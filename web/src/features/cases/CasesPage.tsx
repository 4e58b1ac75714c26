import { useMemo } from 'react';
import { caseStatuses, type Case } from '@shared/domain/cases/case';
import { useCan } from '../../auth/use-can';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../ui/AppLink';
import { useUserName } from '../../api/use-users';
import type { RecordColumn } from '../../records/list/columns';
import type { RecordsSearch } from '../../records/list/records-search';
import { RecordListPage } from '../../records/list/RecordListPage';
import { CaseAccountLink, CaseBadge } from './CaseParts';
import { casePath } from './case-paths';
import { useCasesMessages } from './cases-messages';
import './cases.css';

/**
 * The cases list: subject, account, kind, priority, status, channel, owner, updated; filtered by
 * status and owner in the URL, paged by the server, exported as the other lists are.
 */

export function CasesPage({ search }: { search: RecordsSearch }) {
  const { format } = useI18n();
  const cm = useCasesMessages();
  const userName = useUserName();
  const can = useCan();
  const statuses = useMemo(() => caseStatuses.map((status) => ({ value: status, label: cm.statuses[status] })), [cm]);
  const columns = useMemo<RecordColumn<Case>[]>(
    () => [
      {
        id: 'subject',
        label: cm.fields.subject,
        sort: 'name',
        required: true,
        className: 'cell-name',
        cell: (item) => <AppLink href={casePath(item.id)}>{item.subject}</AppLink>,
      },
      {
        id: 'account',
        label: cm.fields.accountId,
        cell: (item) => <CaseAccountLink item={item} />,
      },
      { id: 'kind', label: cm.fields.kind, cell: (item) => cm.kinds[item.kind] },
      { id: 'priority', label: cm.fields.priority, cell: (item) => <CaseBadge facet="priority" value={item.priority} /> },
      { id: 'status', label: cm.fields.status, cell: (item) => <CaseBadge facet="status" value={item.status} /> },
      { id: 'channel', label: cm.fields.channel, cell: (item) => cm.channels[item.channel] },
      { id: 'owner', label: cm.fields.ownerId, cell: (item) => userName(item.ownerId) },
      { id: 'updatedAt', label: cm.fields.updatedAt, className: 'cell-nowrap', cell: (item) => format.dateTime(item.updatedAt) },
    ],
    [cm, format, userName],
  );

  return (
    <RecordListPage<Case>
      listId="cases"
      resource="cases"
      recordType="case"
      basePath="/cases"
      search={search}
      title={cm.title}
      caption={cm.caption}
      {...(can('cases', 'create') ? { newHref: '/cases/new', newLabel: cm.newCase } : {})}
      statuses={statuses}
      columns={columns}
      rowHref={(item) => casePath(item.id)}
      emptyHint={cm.emptyHint}
      testId="cases-page"
    />
  );
}
