import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { restoreCell } from '../domain/transfer/formula-safety';

/**
 * Reads an uploaded spreadsheet (REC-11) into a table of strings: CSV as any CRM or Excel saves it
 * (UTF-8 with or without a BOM, UTF-16 "Unicode text", Russian Excel's windows-1251 with `;`), or
 * the first worksheet of an XLSX workbook. The libraries do the parsing (ADR 0008); this module
 * decides the encoding and delimiter, turns cells into strings and enforces the limits.
 */
export interface SheetTable {
  headers: string[];
  rows: string[][];
}

export type SpreadsheetErrorCode = 'unsupported_type' | 'unreadable' | 'empty' | 'too_many_rows' | 'too_many_columns';

export class SpreadsheetError extends Error {
  constructor(
    readonly code: SpreadsheetErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

export const spreadsheetLimits = { maxRows: 50_000, maxColumns: 200, maxBytes: 20 * 1024 * 1024 };

export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<SheetTable> {
  const extension = /\.([^./\\]+)$/.exec(fileName.trim().toLowerCase())?.[1] ?? '';
  if (extension !== 'csv' && extension !== 'txt' && extension !== 'xlsx') {
    const hint = extension === 'xls' ? ' Save the old .xls workbook as .xlsx or .csv first.' : '';
    throw new SpreadsheetError('unsupported_type', `Only .csv, .txt and .xlsx files can be imported, not “${fileName}”.${hint}`);
  }
  if (bytes.length > spreadsheetLimits.maxBytes) {
    // No code of its own: a file this big has far more rows than an import takes.
    throw new SpreadsheetError('too_many_rows', `The file is larger than ${spreadsheetLimits.maxBytes / 1024 / 1024} MB; split it into smaller files.`);
  }
  if (bytes.length === 0) throw new SpreadsheetError('empty', 'The file is empty.');
  const cells = extension === 'xlsx' ? await xlsxCells(bytes) : csvCells(bytes);
  return toTable(cells);
}

// ---------------------------------------------------------------------------------------------
// CSV

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/**
 * The text of a CSV file. A BOM says the encoding outright (Excel's "CSV UTF-8" writes one,
 * "Unicode text" is UTF-16 LE); without one, bytes that are valid UTF-8 are UTF-8, and anything
 * else is taken for windows-1251, which Russian Excel's plain "CSV" uses. (A cp1251 text almost
 * never happens to be valid UTF-8: its Cyrillic letters are lone bytes ≥ 0xC0.)
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1251');
  }
}

const delimiters = [',', ';', '\t'] as const;

/**
 * The delimiter of the header line: the one of `,` `;` tab that occurs most often outside quotes
 * in the first non-empty line (Russian Excel separates with `;` because `,` is its decimal mark).
 * A single-column file has none of them; it is read with `,`.
 */
export function detectDelimiter(text: string): (typeof delimiters)[number] {
  const counts = new Map<string, number>(delimiters.map((d) => [d, 0]));
  let quoted = false;
  let seen = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (seen) break;
    } else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
    if (char.trim() && !(char === '\n' || char === '\r')) seen = true;
  }
  let best: (typeof delimiters)[number] = ',';
  for (const d of delimiters) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

function csvCells(bytes: Uint8Array): string[][] {
  if (isZip(bytes) || isOle(bytes)) throw new SpreadsheetError('unreadable', 'This is an Excel workbook, not a CSV file: upload it as .xlsx (or save it as CSV).');
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw new SpreadsheetError('unreadable', 'The file is not a text (CSV) file.');
  try {
    // Only a CSV field carries the exporter's neutralising apostrophe (formula-safety.ts); XLSX text is as stored.
    const cells: string[][] = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      // Hand-made files put quotes inside unquoted fields (12" pipe); take them literally.
      relax_quotes: true,
      skip_empty_lines: false,
      // Every line end there is, longest first: `\r\r\n` is one (a \r\n file written again in
      // Windows text mode, as Bitrix24's export is), not a row and a blank one.
      record_delimiter: ['\r\r\n', '\r\n', '\n', '\r'],
    });
    return cells.map((row) => row.map(restoreCell));
  } catch (error) {
    throw new SpreadsheetError('unreadable', `The CSV file cannot be read: ${(error as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// XLSX

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Numbers as plain decimals (no exponent, no grouping), to Excel's own 15 significant digits. */
const numberFormat = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

/**
 * A cell as text. Excel keeps dates as day numbers shown through a date format; exceljs turns them
 * into Dates at UTC midnight, which become `YYYY-MM-DD` (with the time only when there is one).
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? numberFormat.format(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = value.getUTCHours() || value.getUTCMinutes() || value.getUTCSeconds() ? ` ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : '';
    return date + time;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

async function xlsxCells(bytes: Uint8Array): Promise<string[][]> {
  if (!isZip(bytes)) throw new SpreadsheetError('unreadable', isOle(bytes) ? 'This is an old .xls workbook or an encrypted one: save it as .xlsx or .csv.' : 'The file is not an XLSX workbook.');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new SpreadsheetError('unreadable', `The XLSX file cannot be read: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError('empty', 'The workbook has no worksheets.');
  // Cheap checks before going through the cells: the header plus maxRows data rows at most.
  if (sheet.actualRowCount > spreadsheetLimits.maxRows + 1) throw tooManyRows();
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values : [];
    // row.values is 1-based: index 0 is always empty.
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] as ExcelJS.CellValue));
    rows[number - 1] = cells;
  });
  return Array.from(rows, (row) => row ?? []);
}

// ---------------------------------------------------------------------------------------------
// Both

const tooManyRows = () => new SpreadsheetError('too_many_rows', `The file has more than ${spreadsheetLimits.maxRows.toLocaleString('en-US')} data rows; split it into smaller files.`);

const isEmptyRow = (row: readonly string[]) => row.every((cell) => cell === '');

/**
 * The first non-empty row is the header row (its trailing empty cells, which Excel leaves behind
 * from formatted columns, dropped); the rows after it are cut or padded to the header's width.
 * Empty rows at the end are dropped; empty rows in between stay, so rows keep their numbers.
 * Cells are trimmed.
 */
function toTable(raw: string[][]): SheetTable {
  // A line break inside a cell of a \r\r\n file is \r\r\n too: one break, as everywhere else.
  const cells = raw.map((row) => row.map((cell) => cell.trim().replaceAll('\r\r\n', '\r\n')));
  const start = cells.findIndex((row) => !isEmptyRow(row));
  if (start < 0) throw new SpreadsheetError('empty', 'The file has no rows.');
  const headerRow = cells[start]!;
  let width = headerRow.length;
  while (width > 0 && headerRow[width - 1] === '') width--;
  if (width > spreadsheetLimits.maxColumns) {
    throw new SpreadsheetError('too_many_columns', `The file has ${width} columns; at most ${spreadsheetLimits.maxColumns} can be imported.`);
  }
  let end = cells.length;
  while (end > start + 1 && isEmptyRow(cells[end - 1]!)) end--;
  if (end - start - 1 > spreadsheetLimits.maxRows) throw tooManyRows();
  const fit = (row: string[]) => Array.from({ length: width }, (_, i) => row[i] ?? '');
  return { headers: fit(headerRow), rows: cells.slice(start + 1, end).map(fit) };
}
