/**
 * CSV/formula injection (OWASP "CSV Injection"): a spreadsheet program opening an exported file
 * evaluates any text cell that starts with `=`, `+`, `-` or `@` as a formula, which can run
 * commands (DDE), exfiltrate other cells through a link, or just show something the CRM never
 * stored. Tab and carriage return are on OWASP's list too: some programs strip them and then
 * evaluate what follows. Anyone can put such text into the CRM (a web form's name field), so
 * every text cell we export goes through here.
 *
 * A leading apostrophe makes Excel, LibreOffice and Google Sheets treat the cell as text and
 * hides the apostrophe itself. Only text is touched: a number written as a number cell (XLSX) or
 * as a number (CSV, e.g. -42) is data, never a formula, so `-42` as a number stays as it is; only
 * the string "-42" gets the apostrophe, as a phone such as "+7 912 345-67-89" does.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/**
 * The reverse, for a file coming back in: an apostrophe we (or a person typing into Excel) put
 * before a formula character is dropped, so an exported "+7 912 345-67-89" imports as the phone
 * it was. The value stays text in the CRM; it is neutralised again on the next export.
 */
export function restoreCell(value: string): string {
  return value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}
