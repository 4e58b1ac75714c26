import { phoneLine } from '../common/phone';
import { legalForms, normaliseText, phoneDigits } from '../search/search-terms';
import { isRoleMailbox } from './role-mailboxes';

/**
 * Duplicate matching (REC-11, REC-12): records of one type may be the same party when they share an
 * email, a phone, a tax id or a normalised name. Each record keeps one index item per match key,
 * so finding a record's possible duplicates is one Query per key, at import as in the UI.
 *
 * Keys have strengths. A personal email, a mobile phone and a tax id are strong: they belong to
 * one party. A name is weak (common Russian names repeat; the same name is not the same person),
 * and so are the identifiers B2B shares: role mailboxes (info@, sales@) and fixed lines (an
 * office's switchboard). A weak match is shown for review; it acts on its own (an import's skip
 * or update) only where it is all there is to go by (matchActs).
 */
export const matchReasons = ['email', 'phone', 'taxId', 'name'] as const;
export type MatchReason = (typeof matchReasons)[number];

export interface MatchSource {
  emails?: readonly (string | undefined)[];
  phones?: readonly (string | undefined)[];
  taxIds?: readonly (string | undefined)[];
  /** A person's Ф.И.О. or an organisation's name. */
  names?: readonly (string | undefined)[];
}

/** Legal forms do not tell two organisations apart either: «ООО Ромашка» is «Ромашка» (search-terms.ts). */
/** A name as matching compares it: ё = е, no punctuation, no legal form, words in order. */
export function normaliseName(name: string): string {
  return normaliseText(name.replace(/[^\p{L}\p{N}]+/gu, ' '))
    .split(' ')
    .filter((w) => w && !legalForms.has(w))
    .join(' ');
}

/** The distinct `reason:value` keys of a record. Short phones and one-word names are too weak to match on. */
export function matchKeys(source: MatchSource): string[] {
  const keys = new Set<string>();
  for (const email of source.emails ?? []) if (email) keys.add(`email:${email.trim().toLowerCase()}`);
  for (const phone of source.phones ?? []) {
    const digits = phone ? phoneDigits(phone) : '';
    if (digits.length >= 10) keys.add(`phone:${digits}`);
  }
  for (const taxId of source.taxIds ?? []) {
    const digits = taxId?.replace(/\D/g, '') ?? '';
    if (digits.length >= 10) keys.add(`taxId:${digits}`);
  }
  for (const name of source.names ?? []) {
    const normalised = name ? normaliseName(name) : '';
    if (normalised.includes(' ') || normalised.length >= 6) keys.add(`name:${normalised.slice(0, 200)}`);
  }
  return [...keys].sort();
}

export const reasonOf = (key: string): MatchReason => key.slice(0, key.indexOf(':')) as MatchReason;

export type MatchStrength = 'strong' | 'weak';

/** How strongly one key tells its party apart. */
export function keyStrength(key: string): MatchStrength {
  const value = key.slice(key.indexOf(':') + 1);
  switch (reasonOf(key)) {
    case 'taxId':
      return 'strong';
    case 'email':
      return isRoleMailbox(value) ? 'weak' : 'strong';
    case 'phone':
      return phoneLine(`+${value}`) === 'mobile' ? 'strong' : 'weak';
    default:
      return 'weak';
  }
}

export const hasStrongKey = (keys: readonly string[]): boolean => keys.some((key) => keyStrength(key) === 'strong');

/** One reason a record matched, and how strong it is. */
export interface MatchEvidence {
  reason: MatchReason;
  strength: MatchStrength;
}

/** What a match rests on: the reasons, each with its strength, and the match's strength (its strongest reason's). */
export interface MatchBasis {
  reasons: MatchReason[];
  strength: MatchStrength;
  evidence: MatchEvidence[];
}

/** The basis of a match from the keys two records share. */
export function matchOf(sharedKeys: readonly string[]): MatchBasis {
  const byReason = new Map<MatchReason, MatchStrength>();
  for (const key of sharedKeys) {
    const reason = reasonOf(key);
    if (byReason.get(reason) !== 'strong') byReason.set(reason, keyStrength(key));
  }
  const evidence = matchReasons.filter((r) => byReason.has(r)).map((reason) => ({ reason, strength: byReason.get(reason)! }));
  return { reasons: evidence.map((e) => e.reason), strength: evidence.some((e) => e.strength === 'strong') ? 'strong' : 'weak', evidence };
}

/**
 * Whether a match may act on its own: skip a row, update the record, count as the same party. A
 * strong match does. A weak one does only when the names agree and neither side has a strong
 * identifier of its own (a company known by its name alone); namesakes with emails or mobiles of
 * their own, and people sharing a switchboard, stay apart. A person may still decide otherwise.
 */
export function matchActs(match: Pick<MatchBasis, 'reasons' | 'strength'>, sides: { rowStrong: boolean; recordStrong: boolean }): boolean {
  if (match.strength === 'strong') return true;
  return match.reasons.includes('name') && !sides.rowStrong && !sides.recordStrong;
}
