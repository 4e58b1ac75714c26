import ExcelJS from 'exceljs';
import { neutraliseCell } from '../domain/transfer/formula-safety';

/**
 * Exports a list as CSV or XLSX (REC-11). Every text cell is neutralised against formula
 * injection (formula-safety.ts); numbers stay numbers.
 */
export type Cell = string | number | boolean | null | undefined;

const bom = '\uFEFF';

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = neutraliseCell(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * UTF-8 with a byte order mark (without it Excel reads the file as the system's ANSI code page
 * and Cyrillic comes out garbled), comma-delimited, CRLF line ends, as RFC 4180 says.
 */
export function writeCsv(headers: string[], rows: Cell[][]): Uint8Array {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(','));
  return new TextEncoder().encode(bom + lines.join('\r\n') + '\r\n');
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);
  return cleaned || 'Sheet1';
}

function xlsxValue(cell: Cell): string | number | boolean | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'boolean') return cell;
  return neutraliseCell(cell);
}

const minWidth = 8;
const maxWidth = 60;

/** One worksheet: a bold header row that stays in view when scrolling, columns as wide as their content (within reason). */
export async function writeXlsx(sheetName: string, headers: string[], rows: Cell[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Serverless CRM';
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });

  const header = sheet.addRow(headers.map((h) => neutraliseCell(h)));
  header.font = { bold: true };
  for (const row of rows) sheet.addRow(headers.map((_, i) => xlsxValue(row[i])));

  headers.forEach((h, i) => {
    const longest = rows.reduce((max, row) => {
      const cell = row[i];
      const length = cell === null || cell === undefined ? 0 : Math.max(...String(cell).split(/\r?\n/).map((line) => line.length));
      return Math.max(max, length);
    }, h.length);
    sheet.getColumn(i + 1).width = Math.min(maxWidth, Math.max(minWidth, longest + 2));
  });

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
