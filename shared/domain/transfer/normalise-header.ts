/**
 * A header as compared: lower case, ё as е, dots, hyphens and apostrophes dropped (so "E-mail"
 * is "email" and "Ф.И.О." is "фио"), any other punctuation a space, spaces collapsed.
 */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[.\-'’`‐‑–—]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
