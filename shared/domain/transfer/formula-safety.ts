/**
 * CSV/formula injection (OWASP "CSV Injection", ASVS 1.2.10): a spreadsheet program opening a CSV
 * file evaluates any field that starts with `=`, `+`, `-` or `@` as a formula, which can run
 * commands (DDE), exfiltrate other cells through a link, or just show something the CRM never
 * stored. Tab, carriage return and the null character are on the lists too: some programs strip
 * them and then evaluate what follows. Anyone can put such text into the CRM (a web form's name
 * field), so every text field of an exported CSV goes through here.
 *
 * A leading apostrophe makes the spreadsheet take the field as text. Only text is touched: a
 * number written as a number (-42) is data, never a formula; the string "-42" gets the apostrophe,
 * as a phone such as "+7 912 345-67-89" does. XLSX needs none of this: its string cells are never
 * evaluated, so the writer leaves their text as it is (spreadsheet-writer.ts).
 */
const formulaStart = /^[=+\-@\t\r\0]/;

/** Text a spreadsheet would evaluate if it were typed into a cell or read from a CSV field. */
export const looksLikeFormula = (value: string): boolean => formulaStart.test(value);

/**
 * Whether the exporter puts an apostrophe before `value`: formula-like text, and also text that
 * is such an apostrophe-prefixed value already ("'=x" stored in the CRM), so that on the way back
 * the apostrophe we added is told apart from one that belongs to the value.
 */
const needsApostrophe = (value: string): boolean => looksLikeFormula(value.replace(/^'+/, ''));

export function neutraliseCell(value: string): string {
  return needsApostrophe(value) ? `'${value}` : value;
}

/**
 * The inverse, for a CSV file coming back in: the one apostrophe the exporter added is dropped,
 * and only where it would have added one, so an exported "+7 912 345-67-89" or "'=x" imports as
 * the value it was. `restoreCell(neutraliseCell(v)) === v` for every text.
 */
export function restoreCell(value: string): string {
  return value.startsWith("'") && needsApostrophe(value.slice(1)) ? value.slice(1) : value;
}
