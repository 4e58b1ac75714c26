import { accountKind, type Account } from '@shared/domain/accounts/account';
import { contactFullName, contactKind, type Contact } from '@shared/domain/contacts/contact';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { leadKind, type Lead } from '@shared/domain/leads/lead';
import type { LeadChannel, Qualification } from '@shared/domain/leads/lead-process';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../ui/AppLink';
import { recordPath } from '../record-paths';
import { useUserName } from '../../api/use-users';
import { useDuplicatesMessages, type DuplicatesMessages } from './duplicates-messages';
import type { MergeRecord, MergeType } from './use-duplicates';

/**
 * The fields a merge compares, in the order the record types track them (leadKind.tracked,
 * accountKind.tracked, contactKind.tracked), and how each value reads. Lists (phones, emails, addresses, social links)
 * are never chosen between: the merge keeps the entries of both.
 */
export const listFields: readonly string[] = ['phones', 'emails', 'addresses', 'socialLinks'];

const trackedOf: Record<MergeType, readonly string[]> = { lead: leadKind.tracked, account: accountKind.tracked, contact: contactKind.tracked };

/** A lead's status moves by its own steps (qualify, reject, convert); a merge does not choose it. */
export function comparedFields(type: MergeType): string[] {
  return trackedOf[type].filter((field) => field !== 'custom' && !(type === 'lead' && field === 'status'));
}

export const recordTitle = (type: MergeType, record: MergeRecord): string =>
  type === 'lead' ? leadKind.search(record as Lead).title : type === 'account' ? (record as Account).name : contactFullName(record as Contact);

export function recordSubtitle(type: MergeType, record: MergeRecord): string {
  if (type === 'lead') {
    const lead = record as Lead;
    return [lead.company, lead.email, lead.phoneTyped ?? lead.phone].filter(Boolean).join(' · ');
  }
  if (type === 'account') {
    const account = record as Account;
    return [account.taxId && `ИНН ${account.taxId}`, account.email, account.phones?.[0]?.number].filter(Boolean).join(' · ');
  }
  const contact = record as Contact;
  return [contact.jobTitle, contact.emails?.[0]?.address, contact.phones?.[0]?.number].filter(Boolean).join(' · ');
}

export const isEmptyValue = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** Equal as data (key order aside). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  return stable(a) === stable(b);
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${k}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export const fieldLabel = (m: DuplicatesMessages, field: string, customFields: readonly CustomField[]): string => {
  if (field.startsWith('custom.')) return customFields.find((f) => `custom.${f.key}` === field)?.label ?? field.slice('custom.'.length);
  return (m.fields as Record<string, string>)[field] ?? field;
};

export const valueOf = (record: MergeRecord, field: string): unknown =>
  field.startsWith('custom.') ? record.custom?.[field.slice('custom.'.length)] : (record as unknown as Record<string, unknown>)[field];

interface Entry {
  kind?: string;
  number?: string;
  address?: string;
  line?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  network?: string;
  url?: string;
}

/** One value, readable: lists as lists, enums in words, people by name, links to linked records. */
export function FieldValue({ field, value, customFields }: { field: string; value: unknown; customFields: readonly CustomField[] }) {
  const m = useDuplicatesMessages();
  const { t, format } = useI18n();
  const userName = useUserName();
  if (isEmptyValue(value)) return <span className="merge-empty">{m.merge.empty}</span>;

  if (listFields.includes(field) && Array.isArray(value)) {
    return (
      <ul>
        {(value as Entry[]).map((entry, i) => {
          const kind = entry.kind ? ` (${m.kinds[entry.kind] ?? entry.kind})` : '';
          const text =
            entry.number ??
            entry.address ??
            (entry.line !== undefined ? [entry.postalCode, entry.country, entry.region, entry.city, entry.line].filter(Boolean).join(', ') : undefined) ??
            (entry.url ? `${entry.network ?? ''}: ${entry.url}` : JSON.stringify(entry));
          return (
            <li key={i} className="break">
              {text}
              <span className="muted">{kind}</span>
            </li>
          );
        })}
      </ul>
    );
  }

  if (field.startsWith('custom.')) {
    const definition = customFields.find((f) => `custom.${f.key}` === field);
    return <span className="break">{customValueText(value, definition, m, format)}</span>;
  }

  switch (field) {
    case 'ownerId':
      return <span>{userName(String(value))}</span>;
    case 'parentId':
      return (
        <AppLink href={recordPath('account', String(value))} title={String(value)}>
          {m.merge.openRecord}
        </AppLink>
      );
    case 'accountId':
      return (
        <AppLink href={recordPath('account', String(value))} title={String(value)}>
          {m.merge.openRecord}
        </AppLink>
      );
    case 'status':
      return <span>{m.statuses[String(value)] ?? String(value)}</span>;
    case 'leadSource':
      return <span>{t.channels[value as LeadChannel] ?? String(value)}</span>;
    case 'emailOptOut':
      return <span>{value ? m.merge.yes : m.merge.no}</span>;
    case 'employees':
      return <span>{format.number(Number(value))}</span>;
    case 'rating':
      return <span aria-label={String(value)}>{'★'.repeat(Number(value))}</span>;
    case 'qualification':
      return <span>{t.qualifications[value as Qualification] ?? String(value)}</span>;
    case 'budget':
    case 'annualRevenue':
      return <span>{format.money(value as { amount: number; currency: string })}</span>;
    case 'birthDate':
      return <span>{format.shortDate(`${String(value)}T12:00:00Z`)}</span>;
    case 'website':
      return (
        <a href={String(value)} target="_blank" rel="noreferrer noopener" className="break">
          {String(value)}
        </a>
      );
    default:
      return <span className="break pre-line">{typeof value === 'object' ? JSON.stringify(value) : String(value)}</span>;
  }
}

function customValueText(value: unknown, field: CustomField | undefined, m: DuplicatesMessages, format: ReturnType<typeof useI18n>['format']): string {
  const option = (v: unknown) => field?.options?.find((o) => o.value === v)?.label ?? String(v);
  switch (field?.type) {
    case 'boolean':
      return value ? m.merge.yes : m.merge.no;
    case 'number':
      return format.number(Number(value));
    case 'money':
      return format.money(value as { amount: number; currency: string });
    case 'date':
      return format.shortDate(`${String(value)}T12:00:00Z`);
    case 'select':
      return option(value);
    case 'multiselect':
      return Array.isArray(value) ? value.map(option).join(', ') : option(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
