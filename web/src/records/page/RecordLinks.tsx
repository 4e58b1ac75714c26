import { recordPath } from '../record-paths';
import { AppLink } from '../../ui/AppLink';
import { useRecordsMessages } from '../records-messages';
import { contactName, useAccount, useContacts } from './named-records';

/** A record's account by name, linking to its page; the name is read by id (and cached). */
export function AccountLink({ id, testId }: { id: string; testId?: string }) {
  const rm = useRecordsMessages();
  const { data: account, isPending, isError } = useAccount(id);
  if (isPending) return <span className="muted">{rm.common.loading}</span>;
  return (
    <AppLink href={recordPath('account', account?.id ?? id)} {...(testId ? { testId } : {})}>
      {isError || !account ? rm.common.unavailable : account.name}
    </AppLink>
  );
}

/** Just the account's name as text, for dense cells (the row itself opens the record). */
export function AccountName({ id }: { id: string }) {
  const { data: account, isError } = useAccount(id);
  if (isError) return <span className="muted">—</span>;
  return <>{account?.name ?? '…'}</>;
}

/** A record's contacts by name, each linking to its page. */
export function ContactLinks({ ids }: { ids: readonly string[] }) {
  const rm = useRecordsMessages();
  const results = useContacts(ids);
  return (
    <ul className="deal-contacts" data-testid="deal-contacts">
      {ids.map((id, i) => {
        const result = results[i];
        const contact = result?.data;
        return (
          <li key={id}>
            {result?.isPending ? (
              <span className="muted">{rm.common.loading}</span>
            ) : (
              <AppLink href={recordPath('contact', contact?.id ?? id)}>{contact ? contactName(contact) : rm.common.unavailable}</AppLink>
            )}
            {contact?.jobTitle ? <span className="muted"> · {contact.jobTitle}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
