import { phoneDigits } from '../common/phone';

/**
 * Quick search (REC-13) without scanning: every record writes one index item per search term,
 * and a keystroke is one Query for the terms that begin with what was typed. This module decides
 * what the terms of a record are and how typed text becomes a term; it is pure and shared with
 * the web app so both normalise alike.
 */

/** Lower case, `ё` as `е`, letters and digits only (plus `@ . _ -` inside emails), single spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}@._-]+/gu, ' ')
    .trim();
}

/**
 * A phone as the digits of its E.164 form (shared/domain/common/phone.ts), so that
 * `+7 (912) 345-67-89`, `8 912 345 67 89` and `79123456789` are one number.
 */
export { phoneDigits };

export interface SearchSource {
  /** Person names, company names, titles: each word becomes a term. */
  names?: readonly (string | undefined)[];
  emails?: readonly (string | undefined)[];
  phones?: readonly (string | undefined)[];
  /** Tax ids (ИНН/БИН), registration numbers: digits. */
  codes?: readonly (string | undefined)[];
}

/** Shortest term worth an index item, and the shortest query that is looked up. */
export const minTermLength = 2;
/** Terms are cut here: nobody types more of a word before picking from the list. */
const maxTermLength = 40;

/** The distinct terms a record is found by. */
export function searchTerms(source: SearchSource): string[] {
  const terms = new Set<string>();
  const add = (term: string) => {
    if (term.length >= minTermLength) terms.add(term.slice(0, maxTermLength));
  };
  for (const name of source.names ?? []) {
    const words = name ? normaliseText(name).split(' ') : [];
    for (const word of words) add(word.replace(/^[._-]+|[._-]+$/g, ''));
  }
  for (const email of source.emails ?? []) {
    if (!email) continue;
    const normalised = email.trim().toLowerCase();
    add(normalised);
    const domain = normalised.split('@')[1];
    if (domain) add(domain);
  }
  for (const phone of source.phones ?? []) {
    if (!phone) continue;
    const digits = phoneDigits(phone);
    add(digits);
    // Typed without the country code, as people read numbers out: "912 345…".
    if (digits.length === 11 && digits.startsWith('7')) add(digits.slice(1));
  }
  for (const code of source.codes ?? []) {
    const digits = code?.replace(/\D/g, '') ?? '';
    add(digits);
  }
  return [...terms].sort();
}

/**
 * What a typed query looks up: the terms the index Queries begin with, and the other words, which
 * each result must also have a term starting with. Words: the longest is looked up (the most
 * selective). Digits (a phone or a code, formatting ignored): as typed, and, when they start with
 * a trunk `8` that may still become `+7`, also as `7…`; a tax id may begin with 8 too.
 */
export function queryTerms(query: string): { lookups: string[]; others: string[] } | undefined {
  const trimmed = query.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length >= minTermLength && digits.length === trimmed.replace(/[\s()+.-]/g, '').length) {
    const full = phoneDigits(trimmed);
    const lookups = full !== digits ? [full] : digits.startsWith('8') && digits.length < 11 ? [digits, `7${digits.slice(1)}`] : [digits];
    return { lookups: lookups.filter((l) => l.length >= minTermLength), others: [] };
  }
  const words = trimmed.includes('@') ? [trimmed.toLowerCase()] : normaliseText(trimmed).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return undefined;
  const lookup = words.reduce((longest, w) => (w.length > longest.length ? w : longest)).slice(0, maxTermLength);
  if (lookup.length < minTermLength) return undefined;
  return { lookups: [lookup], others: words.filter((w) => w !== lookup) };
}

/** Whether a record with these terms matches every other word of the query. */
export function matchesOthers(terms: readonly string[], others: readonly string[]): boolean {
  return others.every((word) => terms.some((term) => term.startsWith(word)));
}
