import { normaliseText, phoneDigits } from '../search/search-terms';

/**
 * Duplicate matching (REC-11, REC-12): records of one type are the same party when they share an
 * email, a phone, a tax id or a normalised name. Each record keeps one index item per match key,
 * so finding a record's possible duplicates is one Query per key, at import as in the UI.
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

/** Legal forms that do not tell two organisations apart: «ООО Ромашка» is «Ромашка». */
const legalForms = new Set(['ооо', 'оао', 'зао', 'пао', 'ао', 'ип', 'тоо', 'нко', 'llc', 'ltd', 'inc', 'gmbh', 'тов']);

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
