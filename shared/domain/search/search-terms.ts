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

/**
 * Public mail services: their domain names thousands of unrelated people, so it is no term (a
 * company's own domain is one: "everyone at romashka.ru"). Otherwise every gmail.com lead would
 * write the same term, one hot partition.
 */
const publicMailDomains = new Set([
  'gmail.com', 'googlemail.com', 'mail.ru', 'bk.ru', 'inbox.ru', 'list.ru', 'internet.ru', 'yandex.ru', 'yandex.com', 'ya.ru', 'rambler.ru',
  'outlook.com', 'hotmail.com', 'live.com', 'icloud.com', 'me.com', 'yahoo.com', 'proton.me', 'protonmail.com', 'mail.com', 'gmx.com', 'gmx.de',
]);

/**
 * Legal forms: «ООО Ромашка» is found as «Ромашка». As terms they would name every company of the
 * form (one hot partition, `SEARCH#оо`); a query's legal form is not required of its results.
 */
export const legalForms: ReadonlySet<string> = new Set(['ооо', 'оао', 'зао', 'пао', 'ао', 'ип', 'тоо', 'нко', 'llc', 'ltd', 'inc', 'gmbh', 'тов']);

/** The distinct terms a record is found by. */
export function searchTerms(source: SearchSource): string[] {
  const terms = new Set<string>();
  const add = (term: string) => {
    if (term.length >= minTermLength) terms.add(term.slice(0, maxTermLength));
  };
  for (const name of source.names ?? []) {
    const words = name ? normaliseText(name).split(' ') : [];
    for (const word of words) if (!legalForms.has(word)) add(word.replace(/^[._-]+|[._-]+$/g, ''));
  }
  for (const email of source.emails ?? []) {
    if (!email) continue;
    const normalised = email.trim().toLowerCase();
    add(normalised);
    const domain = normalised.split('@')[1];
    if (domain && !publicMailDomains.has(domain)) add(domain);
  }
  // A number as its international digits only: one typed without the country code is looked up
  // with it (queryTerms), so the national form needs no item of its own.
  for (const phone of source.phones ?? []) if (phone) add(phoneDigits(phone));
  for (const code of source.codes ?? []) {
    const digits = code?.replace(/\D/g, '') ?? '';
    add(digits);
  }
  return [...terms].sort();
}

/**
 * The search index's partitions (issue 14 §1): a term lives in the partition named by its first
 * characters, two for words and four for numbers. Two digits would put every Russian mobile in
 * `79`; four spread them over the operators' codes (`7912`, `7985`…). A term shorter than its width
 * names its partition whole.
 */
export const partitionWidth = { words: 2, numbers: 4 } as const;

const widthOf = (text: string): number => (/^\d\d/.test(text) ? partitionWidth.numbers : partitionWidth.words);

export function termPartition(term: string): string {
  return term.slice(0, widthOf(term));
}

/**
 * The partitions holding the terms that begin with a typed prefix: one when the prefix is as long
 * as its width; for a number one digit short, its own (a term that short) and the ten below it;
 * none when shorter still (two digits are no search). Queries per lookup: 1, or 11 for 3 digits.
 */
export function partitionsCovering(prefix: string): string[] {
  const width = widthOf(prefix);
  if (prefix.length >= width) return [prefix.slice(0, width)];
  if (prefix.length < width - 1) return [];
  return [prefix, ...[...'0123456789'].map((digit) => `${prefix}${digit}`)];
}

/**
 * What a typed query looks up: the terms the index Queries begin with, and the other words, which
 * each result must also have a term starting with. Words: the longest is looked up (the most
 * selective). Digits (a phone or a code, formatting ignored): a whole number as its international
 * digits; a part of one as typed (a code, a foreign number), as a Russian number without its
 * country code (`7…`), and, when it starts with a trunk `8`, as `7…` in its place. Parts shorter
 * than a number's partition width are looked up as typed only, so a search stays a few Queries.
 */
export function queryTerms(query: string): { lookups: string[]; others: string[] } | undefined {
  const trimmed = query.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length >= minTermLength && digits.length === trimmed.replace(/[\s()+.-]/g, '').length) {
    const full = phoneDigits(trimmed);
    if (full !== digits || digits.length >= 11) return { lookups: [full], others: [] };
    const variants = [`7${digits}`, ...(digits.startsWith('8') ? [`7${digits.slice(1)}`] : [])].filter((v) => v.length >= partitionWidth.numbers);
    return { lookups: [...new Set([digits, ...variants])], others: [] };
  }
  const typed = trimmed.includes('@') ? [trimmed.toLowerCase()] : normaliseText(trimmed).split(' ').filter((w) => w.length > 0);
  const named = typed.filter((w) => !legalForms.has(w));
  const words = named.length > 0 ? named : typed;
  if (words.length === 0) return undefined;
  const lookup = words.reduce((longest, w) => (w.length > longest.length ? w : longest)).slice(0, maxTermLength);
  if (lookup.length < minTermLength) return undefined;
  return { lookups: [lookup], others: words.filter((w) => w !== lookup) };
}

/** Whether a record with these terms matches every other word of the query. */
export function matchesOthers(terms: readonly string[], others: readonly string[]): boolean {
  return others.every((word) => terms.some((term) => term.startsWith(word)));
}
