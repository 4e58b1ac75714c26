import { accountPhoneKinds } from '../accounts/account';
import { contactPhoneKinds } from '../contacts/contact';
import { storedPhone } from '../leads/lead-commands';
import { phoneEntry } from '../records/record-values';

/**
 * Migration 0001's pure part (issue 12's phone normalisation, issue 14 §2): the phones of a record
 * stored before it, in the shape a fresh write gives them today. Each function answers `undefined`
 * when the record already has that shape, which is what makes re-running the migration a no-op.
 * The rules are the domain's own (the lead commands' `storedPhone`, the phone entry schema), never a
 * copy: a record migrated here is byte for byte what saving it through the API would store.
 */

/** A lead's `phone` in E.164 with the writing kept in `phoneTyped` when it differs. */
export function leadPhoneE164<T extends Record<string, unknown>>(lead: T): (T & { phone: string; phoneTyped?: string }) | undefined {
  if (typeof lead.phone !== 'string') return undefined;
  const stored = storedPhone(lead.phone);
  if (stored.phone === undefined || stored.phone === lead.phone) return undefined;
  // A writing already kept (a lead half-way through an earlier run cannot have one, but stay safe) wins.
  const phoneTyped = typeof lead.phoneTyped === 'string' ? lead.phoneTyped : stored.phoneTyped;
  return { ...lead, phone: stored.phone, ...(phoneTyped ? { phoneTyped } : {}) };
}

interface StoredPhoneEntry {
  kind?: unknown;
  number?: unknown;
  typed?: unknown;
}

/**
 * Phone entries (`[{kind, number}]`) as the entry schema stores them: `number` in E.164 and `typed`
 * beside it when the writing differs. An entry the schema refuses (an unknown kind, no number) is
 * kept as it is: a migration moves data to the new format, it does not validate old data away.
 */
export function phoneEntriesE164(entries: unknown, kinds: readonly [string, ...string[]]): StoredPhoneEntry[] | undefined {
  if (!Array.isArray(entries)) return undefined;
  const schema = phoneEntry(kinds);
  let changed = false;
  const next = (entries as StoredPhoneEntry[]).map((entry) => {
    if (typeof entry.number !== 'string') return entry;
    const parsed = schema.safeParse({ kind: entry.kind, number: entry.number });
    if (!parsed.success || parsed.data.number === entry.number) return entry;
    changed = true;
    // A writing already kept beside the number stays (only a number not yet E.164 is rewritten).
    return { ...parsed.data, ...(typeof entry.typed === 'string' ? { typed: entry.typed } : {}) };
  });
  return changed ? next : undefined;
}

/** The record types whose stored phones this migration rewrites, by entity, with the function doing it. */
export const phoneMigrations = {
  LEAD: (record: Record<string, unknown>) => leadPhoneE164(record),
  ACCOUNT: (record: Record<string, unknown>) => withEntries(record, accountPhoneKinds),
  CONTACT: (record: Record<string, unknown>) => withEntries(record, contactPhoneKinds),
} as const satisfies Record<string, (record: Record<string, unknown>) => Record<string, unknown> | undefined>;

function withEntries(record: Record<string, unknown>, kinds: readonly [string, ...string[]]): Record<string, unknown> | undefined {
  const phones = phoneEntriesE164(record.phones, kinds);
  return phones ? { ...record, phones } : undefined;
}

/**
 * The digits of a phone as the releases before issue 12 computed them (a trunk 8 became 7,
 * ten digits from 9 got the 7, nothing else): frozen here because the stored match
 * keys of those releases were made by it, and a number it read otherwise than E.164 does (an
 * international prefix such as «8 10 49 …») left keys the migration must find to delete.
 */
export function previousReleasePhoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('8')) return `7${digits.slice(1)}`;
  if (digits.length === 10 && digits.startsWith('9')) return `7${digits}`;
  return digits;
}
