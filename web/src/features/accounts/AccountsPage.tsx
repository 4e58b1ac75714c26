import { useMemo } from 'react';
import { accountStatuses, type Account } from '@shared/domain/accounts/account';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../ui/AppLink';
import { recordPath } from '../../records/record-paths';
import { useUserName } from '../../api/use-users';
import type { RecordColumn } from '../../records/list/columns';
import { RecordListPage } from '../../records/list/RecordListPage';
import type { RecordsSearch } from '../../records/list/records-search';
import { useRecordsMessages } from '../../records/records-messages';
import { telHref } from '../../records/shared/format';
import { useAccountsMessages } from './accounts-messages';
import { Badge } from '../../records/parts/details';
import '../../styles/accounts-contacts.css';

/** The accounts list (REC-2): name, ИНН, industry, phone, owner, created; filters by status, owner, custom fields. */
export function AccountsPage({ search }: { search: RecordsSearch }) {
  const { format } = useI18n();
  const m = useRecordsMessages();
  const am = useAccountsMessages();
  const userName = useUserName();

  const columns = useMemo<RecordColumn<Account>[]>(
    () => [
      {
        id: 'name',
        label: am.columns.name,
        sort: 'name',
        required: true,
        className: 'cell-name',
        cell: (a) => (
          <>
            <AppLink href={recordPath('account', a.id)} testId="account-link">
              {a.name}
            </AppLink>
            {a.legalName && a.legalName !== a.name ? <span className="cell-sub">{a.legalName}</span> : null}
          </>
        ),
      },
      { id: 'taxId', label: am.columns.taxId, className: 'cell-nowrap', cell: (a) => a.taxId ?? <span className="muted">—</span> },
      { id: 'industry', label: am.columns.industry, cell: (a) => a.industry ?? <span className="muted">—</span> },
      {
        id: 'phone',
        label: am.columns.phone,
        className: 'cell-nowrap',
        cell: (a) => (a.phones?.[0] ? <a href={telHref(a.phones[0].number)}>{a.phones[0].typed ?? a.phones[0].number}</a> : <span className="muted">—</span>),
      },
      { id: 'email', label: am.columns.email, defaultVisible: false, cell: (a) => (a.email ? <a href={`mailto:${a.email}`}>{a.email}</a> : <span className="muted">—</span>) },
      { id: 'city', label: am.columns.city, defaultVisible: false, cell: (a) => a.addresses?.find((x) => x.city)?.city ?? <span className="muted">—</span> },
      { id: 'status', label: am.columns.status, cell: (a) => <Badge tone={a.status}>{m.statuses[a.status] ?? a.status}</Badge> },
      { id: 'owner', label: am.columns.owner, cell: (a) => userName(a.ownerId) },
      { id: 'created', label: am.columns.created, sort: 'createdAt', className: 'cell-nowrap', cell: (a) => format.shortDate(a.createdAt) },
    ],
    [am, m, format, userName],
  );
  const statuses = useMemo(() => accountStatuses.map((status) => ({ value: status, label: m.statuses[status] ?? status })), [m]);

  return (
    <RecordListPage<Account>
      listId="accounts"
      resource="accounts"
      recordType="account"
      customType="account"
      basePath="/accounts"
      search={search}
      title={am.title}
      caption={am.caption}
      newHref="/accounts/new"
      newLabel={am.new}
      statuses={statuses}
      columns={columns}
      rowHref={(a) => recordPath('account', a.id)}
      recordName={(a) => a.name}
      emptyHint={am.emptyHint}
      testId="accounts-page"
    />
  );
}
