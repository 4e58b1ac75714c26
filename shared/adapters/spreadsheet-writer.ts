import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { CsvDialect, EncodingLoss } from '../domain/exports/export-job';
import type { CellFormat } from '../domain/transfer/export-rows';
import { looksLikeFormula, neutraliseCell } from '../domain/transfer/formula-safety';

/**
 * Exports a list as CSV or XLSX (REC-11, ADR 0008). XLSX cells are typed (text, numbers, money,
 * dates, booleans) and text is written exactly as stored: a string cell is never evaluated. A CSV
 * field has no type, and Excel evaluates `=…`, `+7 912…` and `-2+3` in it, so CSV text is
 * neutralised (formula-safety.ts) and the importer takes the apostrophe off again.
 */
export type Cell = string | number | boolean | null | undefined;

export interface SheetColumn {
  header: string;
  format?: CellFormat;
}

// ---------------------------------------------------------------------------------------------
// CSV

interface CsvStyle {
  delimiter: ',' | ';';
  decimalMark: '.' | ',';
  bom: boolean;
  encoding: 'utf-8' | 'windows-1251';
}

/** Russian Excel's list separator is `;` because `,` is its decimal mark; UTF-8 without a BOM it reads as the ANSI code page. */
const csvStyles: Record<CsvDialect, CsvStyle> = {
  plain: { delimiter: ',', decimalMark: '.', bom: false, encoding: 'utf-8' },
  excel: { delimiter: ';', decimalMark: ',', bom: true, encoding: 'utf-8' },
  'windows-1251': { delimiter: ';', decimalMark: ',', bom: false, encoding: 'windows-1251' },
};

export interface CsvFile {
  bytes: Uint8Array;
  /** Windows-1251 only: what it could not hold. */
  loss?: EncodingLoss;
}

/** RFC 4180: a field with the delimiter, a quote or a line break is quoted, its quotes doubled. */
function csvField(cell: Cell, style: CsvStyle): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell).replace('.', style.decimalMark) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = neutraliseCell(cell);
  return text.includes(style.delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Windows-1251 writes what it lacks as `?`; a character is kept when it comes back from the code page as itself. */
const fitsCp1251 = (() => {
  const known = new Map<string, boolean>();
  return (character: string): boolean => {
    let fits = known.get(character);
    if (fits === undefined) {
      fits = iconv.decode(iconv.encode(character, 'win1251'), 'win1251') === character;
      known.set(character, fits);
    }
    return fits;
  };
})();

/** Which characters of the fields Windows-1251 cannot hold, counted by the cells they are in. */
function cp1251Loss(fields: readonly string[]): EncodingLoss {
  const byCharacter = new Map<string, number>();
  let cells = 0;
  for (const field of fields) {
    const lost = new Set([...field].filter((character) => !fitsCp1251(character)));
    if (lost.size) cells++;
    for (const character of lost) byCharacter.set(character, (byCharacter.get(character) ?? 0) + 1);
  }
  const characters = [...byCharacter].map(([character, count]) => ({ character, cells: count }));
  characters.sort((a, b) => b.cells - a.cells || a.character.codePointAt(0)! - b.character.codePointAt(0)!);
  return { encoding: 'windows-1251', cells, characters };
}

/** The header and rows in the dialect's encoding, delimiter and decimal mark; CRLF line ends, as RFC 4180 says. */
export function writeCsv(columns: readonly SheetColumn[], rows: readonly Cell[][], dialect: CsvDialect = 'plain'): CsvFile {
  const style = csvStyles[dialect];
  const table = [columns.map((c) => c.header), ...rows].map((row) => columns.map((_, i) => csvField(row[i], style)));
  const text = table.map((fields) => fields.join(style.delimiter)).join('\r\n') + '\r\n';
  if (style.encoding === 'windows-1251') return { bytes: new Uint8Array(iconv.encode(text, 'win1251')), loss: cp1251Loss(table.flat()) };
  return { bytes: new TextEncoder().encode((style.bom ? '\uFEFF' : '') + text) };
}

// ---------------------------------------------------------------------------------------------
// XLSX

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);
  return cleaned || 'Sheet1';
}

/**
 * Number formats: money with two decimals and grouping (Excel's built-in 4, shown with the
 * reader's own separators); a date in Excel's built-in short date (14, shown as the reader's
 * system writes dates, 31.12.2024 in Russia); a moment in UTC, as stored, unambiguously.
 * Formula-like text gets the text format `@`, so editing the cell in Excel keeps it text.
 */
const numberFormats = { money: '#,##0.00', date: 'mm-dd-yy', datetime: 'yyyy-mm-dd hh:mm:ss', text: '@' } as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A stored date (`YYYY-MM-DD`) or moment (ISO) as a Date, which Excel keeps as a day number; anything else stays as it is. */
function dateOf(value: string, format: 'date' | 'datetime'): Date | undefined {
  if (format === 'date' && !isoDate.test(value)) return undefined;
  const date = new Date(format === 'date' ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function setCell(cell: ExcelJS.Cell, value: Cell, format: CellFormat | undefined): void {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return;
  if (typeof value === 'string' && (format === 'date' || format === 'datetime')) {
    const date = dateOf(value, format);
    if (date) {
      cell.value = date;
      cell.numFmt = numberFormats[format];
      return;
    }
  }
  cell.value = value;
  if (typeof value === 'number' && format === 'money') cell.numFmt = numberFormats.money;
  if (typeof value === 'string' && looksLikeFormula(value)) cell.numFmt = numberFormats.text;
}

const minWidth = 8;
const maxWidth = 60;

/** One worksheet: a bold header row that stays in view when scrolling, columns as wide as their content (within reason). */
export async function writeXlsx(sheetName: string, columns: readonly SheetColumn[], rows: readonly Cell[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Serverless CRM';
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });

  const header = sheet.getRow(1);
  columns.forEach((column, i) => setCell(header.getCell(i + 1), column.header, undefined));
  header.font = { bold: true };
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 2);
    columns.forEach((column, i) => setCell(row.getCell(i + 1), values[i], column.format));
  });

  columns.forEach((column, i) => {
    const longest = rows.reduce((max, row) => {
      const cell = row[i];
      const length = cell === null || cell === undefined ? 0 : Math.max(...String(cell).split(/\r?\n/).map((line) => line.length));
      return Math.max(max, length);
    }, column.header.length);
    sheet.getColumn(i + 1).width = Math.min(maxWidth, Math.max(minWidth, longest + 2));
  });

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
