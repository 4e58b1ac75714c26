import { recordPath } from '../../imports/shared/record-paths';
import { AppLink } from '../../imports/shared/AppLink';
import { contactName, useAccount, useContacts } from '../deal-api';
import { useDealsMessages } from '../deals-messages';

/** A deal's account by name, linking to its page; the name is read by id (and cached). */
export function AccountLink({ id, testId }: { id: string; testId?: string }) {
  const dm = useDealsMessages();
  const { data: account, isPending, isError } = useAccount(id);
  if (isPending) return <span className="muted">{dm.loadingName}</span>;
  return (
    <AppLink href={recordPath('account', account?.id ?? id)} {...(testId ? { testId } : {})}>
      {isError || !account ? dm.unknownRecord : account.name}
    </AppLink>
  );
}

/** Just the account's name as text, for dense cells (the row itself opens the deal). */
export function AccountName({ id }: { id: string }) {
  const { data: account, isError } = useAccount(id);
  if (isError) return <span className="muted">—</span>;
  return <>{account?.name ?? '…'}</>;
}

/** A deal's contacts by name, each linking to its page. */
export function ContactLinks({ ids }: { ids: readonly string[] }) {
  const dm = useDealsMessages();
  const results = useContacts(ids);
  return (
    <ul className="deal-contacts" data-testid="deal-contacts">
      {ids.map((id, i) => {
        const result = results[i];
        const contact = result?.data;
        return (
          <li key={id}>
            {result?.isPending ? (
              <span className="muted">{dm.loadingName}</span>
            ) : (
              <AppLink href={recordPath('contact', contact?.id ?? id)}>{contact ? contactName(contact) : dm.unknownRecord}</AppLink>
            )}
            {contact?.jobTitle ? <span className="muted"> · {contact.jobTitle}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
