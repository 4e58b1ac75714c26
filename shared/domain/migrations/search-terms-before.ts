import { normaliseText, phoneDigits, type SearchSource } from '../search/search-terms';

/**
 * The search terms the releases before issue 14 wrote for a record (migration 0003): every email's
 * domain, and each +7 number also without its country code, cut at 40 characters like today's. What
 * they wrote beyond today's terms is left behind unless a migration deletes it.
 */
export function searchTermsBefore(source: SearchSource): string[] {
  const terms = new Set<string>();
  const add = (term: string) => {
    if (term.length >= 2) terms.add(term.slice(0, 40));
  };
  for (const name of source.names ?? []) for (const word of name ? normaliseText(name).split(' ') : []) add(word.replace(/^[._-]+|[._-]+$/g, ''));
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
    if (digits.length === 11 && digits.startsWith('7')) add(digits.slice(1));
  }
  for (const code of source.codes ?? []) add(code?.replace(/\D/g, '') ?? '');
  return [...terms].sort();
}

/** Their partition: the term's first two characters, whatever it is. */
export const partitionBefore = (term: string): string => term.slice(0, 2);
