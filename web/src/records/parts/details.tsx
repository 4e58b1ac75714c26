import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { DetailSection, type DetailRow } from '../../ui/DetailSection';
import { useUserName } from '../../api/use-users';
import { useRecordsMessages } from '../records-messages';
import { addressText, telHref, type AddressLike } from '../shared/format';
import { useKitMessages } from './kit-messages';

/** Pieces of the account and contact pages: contact details as links, custom values, the record's own facts. */

/** Phones as the user typed them, dialled by their E.164 number. */
export function PhoneList({ phones }: { phones: readonly { kind: string; number: string; typed?: string }[] | undefined }) {
  const m = useRecordsMessages();
  if (!phones?.length) return null;
  return (
    <ul className="ac-values">
      {phones.map((phone, i) => (
        <li key={`${phone.number}-${i}`}>
          <a href={telHref(phone.number)}>{phone.typed ?? phone.number}</a> <span className="muted">{m.kinds[phone.kind] ?? phone.kind}</span>
        </li>
      ))}
    </ul>
  );
}

export function EmailList({ emails }: { emails: readonly { kind?: string; address: string }[] | undefined }) {
  const m = useRecordsMessages();
  if (!emails?.length) return null;
  return (
    <ul className="ac-values">
      {emails.map((email, i) => (
        <li key={`${email.address}-${i}`}>
          <a href={`mailto:${email.address}`} className="break">
            {email.address}
          </a>{' '}
          {email.kind ? <span className="muted">{m.kinds[email.kind] ?? email.kind}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function AddressList({ addresses }: { addresses: readonly (AddressLike & { kind: string })[] | undefined }) {
  const m = useRecordsMessages();
  if (!addresses?.length) return null;
  return (
    <ul className="ac-values">
      {addresses.map((address, i) => (
        <li key={i}>
          <span className="muted">{m.kinds[address.kind] ?? address.kind}:</span> {addressText(address)}
        </li>
      ))}
    </ul>
  );
}

/** Owner, created and updated. */
export function SystemSection({ record }: { record: { ownerId: string; createdAt: string; updatedAt: string; createdBy: string } }) {
  const { format } = useI18n();
  const m = useRecordsMessages();
  const k = useKitMessages();
  const userName = useUserName();
  const rows: DetailRow[] = [
    [m.common.owner, userName(record.ownerId)],
    [m.common.created, `${format.dateTime(record.createdAt)}${record.createdBy ? ` · ${userName(record.createdBy)}` : ''}`],
    [m.common.updated, format.dateTime(record.updatedAt)],
  ];
  return <DetailSection title={k.system} rows={rows} />;
}

export function Badge({ children, tone }: { children: ReactNode; tone: string }) {
  return <span className={`badge ac-badge ac-badge-${tone}`}>{children}</span>;
}
