import { useMemo } from 'react';
import { contactFullName, contactStatuses, type Contact } from '@shared/domain/contacts/contact';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../ui/AppLink';
import { recordPath } from '../../records/record-paths';
import { useUserName } from '../../api/use-users';
import type { RecordColumn } from '../../records/list/columns';
import { RecordListPage } from '../../records/list/RecordListPage';
import type { RecordsSearch } from '../../records/list/records-search';
import { useRecordsMessages } from '../../records/records-messages';
import { telHref } from '../../records/shared/format';
import { AccountLink } from '../../records/parts/AccountPicker';
import { Badge } from '../../records/parts/details';
import { useContactsMessages } from './contacts-messages';
import '../../styles/accounts-contacts.css';

/** The contacts list (REC-3): full name, job title, account, phone, email, owner, created; filters by status, owner, custom fields. */
export function ContactsPage({ search }: { search: RecordsSearch }) {
  const { format } = useI18n();
  const m = useRecordsMessages();
  const cm = useContactsMessages();
  const userName = useUserName();

  const columns = useMemo<RecordColumn<Contact>[]>(
    () => [
      {
        id: 'name',
        label: cm.columns.name,
        sort: 'name',
        required: true,
        className: 'cell-name',
        cell: (c) => (
          <AppLink href={recordPath('contact', c.id)} testId="contact-link">
            {contactFullName(c)}
          </AppLink>
        ),
      },
      { id: 'jobTitle', label: cm.columns.jobTitle, cell: (c) => c.jobTitle ?? <span className="muted">—</span> },
      { id: 'account', label: cm.columns.account, cell: (c) => (c.accountId ? <AccountLink id={c.accountId} /> : <span className="muted">—</span>) },
      {
        id: 'phone',
        label: cm.columns.phone,
        className: 'cell-nowrap',
        cell: (c) => (c.phones?.[0] ? <a href={telHref(c.phones[0].number)}>{c.phones[0].typed ?? c.phones[0].number}</a> : <span className="muted">—</span>),
      },
      {
        id: 'email',
        label: cm.columns.email,
        cell: (c) => (c.emails?.[0] ? <a href={`mailto:${c.emails[0].address}`}>{c.emails[0].address}</a> : <span className="muted">—</span>),
      },
      { id: 'status', label: cm.columns.status, defaultVisible: false, cell: (c) => <Badge tone={c.status}>{m.statuses[c.status] ?? c.status}</Badge> },
      { id: 'owner', label: cm.columns.owner, cell: (c) => userName(c.ownerId) },
      { id: 'created', label: cm.columns.created, sort: 'createdAt', className: 'cell-nowrap', cell: (c) => format.shortDate(c.createdAt) },
    ],
    [cm, m, format, userName],
  );
  const statuses = useMemo(() => contactStatuses.map((status) => ({ value: status, label: m.statuses[status] ?? status })), [m]);

  return (
    <RecordListPage<Contact>
      listId="contacts"
      resource="contacts"
      recordType="contact"
      customType="contact"
      basePath="/contacts"
      search={search}
      title={cm.title}
      caption={cm.caption}
      newHref="/contacts/new"
      newLabel={cm.new}
      statuses={statuses}
      columns={columns}
      rowHref={(c) => recordPath('contact', c.id)}
      recordName={contactFullName}
      emptyHint={cm.emptyHint}
      testId="contacts-page"
    />
  );
}
