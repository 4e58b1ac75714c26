import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, readSpreadsheet, SpreadsheetError, spreadsheetLimits } from '../../../shared/adapters/spreadsheet-reader';
import { writeXlsx } from '../../../shared/adapters/spreadsheet-writer';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));

async function failure(promise: Promise<unknown>): Promise<SpreadsheetError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpreadsheetError);
  return error as SpreadsheetError;
}

describe('reading CSV', () => {
  it('reads UTF-8 with a BOM: the BOM is not part of the first header, cells are trimmed', async () => {
    const table = await readSpreadsheet(withBom('Фамилия,Имя, Email \r\nИванов , Пётр,p@x.ru\r\n'), 'contacts.csv');
    expect(table).toEqual({ headers: ['Фамилия', 'Имя', 'Email'], rows: [['Иванов', 'Пётр', 'p@x.ru']] });
  });

  it('reads UTF-8 without a BOM', async () => {
    expect(await readSpreadsheet(utf8('Название\nООО «Ёлка»\n'), 'a.txt')).toEqual({ headers: ['Название'], rows: [['ООО «Ёлка»']] });
  });

  it('reads windows-1251 with semicolons, as Russian Excel saves CSV', async () => {
    const bytes = iconv.encode('Фамилия;Телефон;Сумма\r\nЁжиков;+7 912 345-67-89;1 234,50\r\n', 'win1251');
    expect(decodeText(bytes)).toBe('Фамилия;Телефон;Сумма\r\nЁжиков;+7 912 345-67-89;1 234,50\r\n');
    expect(await readSpreadsheet(bytes, 'export.csv')).toEqual({ headers: ['Фамилия', 'Телефон', 'Сумма'], rows: [['Ёжиков', '+7 912 345-67-89', '1 234,50']] });
  });

  it('reads UTF-16 "Unicode text" with tabs', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode('Имя\tГород\r\nОльга\tКазань\r\n', 'utf-16le')]);
    expect(await readSpreadsheet(bytes, 'unicode.txt')).toEqual({ headers: ['Имя', 'Город'], rows: [['Ольга', 'Казань']] });
  });

  it('detects the delimiter from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('a;b;c\n1,5;2,5;3,5')).toBe(';');
    expect(detectDelimiter('"x;y",b,c\n')).toBe(',');
    expect(detectDelimiter('\n\nИмя\tТелефон\tГород\n')).toBe('\t');
    expect(detectDelimiter('Email\nx@y.z\n')).toBe(',');
  });

  it('keeps line breaks and delimiters inside quoted fields', async () => {
    const table = await readSpreadsheet(utf8('Name,Address,Note\r\n"Smith, John","500 Howard St\r\nSuite 300","said ""hi"""\r\n'), 'a.csv');
    expect(table.rows).toEqual([['Smith, John', '500 Howard St\r\nSuite 300', 'said "hi"']]);
  });

  it('starts at the first non-empty row, pads and cuts rows to the header, drops trailing empty rows and header cells', async () => {
    const table = await readSpreadsheet(utf8(';;;\r\nA;B;;\r\n1\r\n1;2;3;4\r\n;;;\r\n\r\n'), 'a.csv');
    expect(table).toEqual({ headers: ['A', 'B'], rows: [['1', ''], ['1', '2']] });
  });

  it.each([
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['\\r', '\r'],
    // Bitrix24's export, saved through a Windows text-mode write: every \r\n became \r\r\n.
    ['\\r\\r\\n', '\r\r\n'],
  ])('reads rows ended by %s as one line end each, with no blank rows between', async (_, end) => {
    const text = ['Фамилия;Имя;Заметка', 'Иванов;Иван;"две\r\nстроки"', 'Петров;Пётр;', ''].join(end);
    const table = await readSpreadsheet(iconv.encode(text, 'win1251'), 'bitrix.csv');
    expect(table).toEqual({ headers: ['Фамилия', 'Имя', 'Заметка'], rows: [['Иванов', 'Иван', 'две\r\nстроки'], ['Петров', 'Пётр', '']] });
  });

  it('keeps empty rows between data rows, so rows keep their numbers', async () => {
    const table = await readSpreadsheet(utf8('A,B\n1,2\n,\n3,4\n'), 'a.csv');
    expect(table.rows).toEqual([['1', '2'], ['', ''], ['3', '4']]);
  });

  it('takes off the apostrophe an export put before a formula character', async () => {
    const table = await readSpreadsheet(utf8("Phone,Text\n'+7 912 345-67-89,'=1+1\nx,'quoted\n"), 'a.csv');
    expect(table.rows).toEqual([['+7 912 345-67-89', '=1+1'], ['x', "'quoted"]]);
  });

  it('reads the fixtures: HubSpot and Salesforce in UTF-8, amoCRM in windows-1251 with semicolons', async () => {
    const hubspot = await readSpreadsheet(fixture('hubspot-contacts.csv'), 'hubspot-contacts.csv');
    expect(hubspot.headers).toHaveLength(18);
    expect(hubspot.rows).toHaveLength(10);
    expect(hubspot.rows[0]![12]).toBe('500 Howard St\nSuite 300');
    const amocrm = await readSpreadsheet(fixture('amocrm-contacts.csv'), 'amocrm-contacts.csv');
    expect(amocrm.headers.slice(0, 5)).toEqual(['ID', 'Тип', 'Полное имя контакта', 'Имя', 'Фамилия']);
    expect(amocrm.rows).toHaveLength(9);
    expect(amocrm.rows[0]![20]).toBe('Москва; ул. Ленина, д. 1');
    expect(amocrm.rows[4]![4]).toBe('Фёдоров');
    const salesforce = await readSpreadsheet(fixture('salesforce-contacts.csv'), 'salesforce-contacts.csv');
    expect(salesforce.rows).toHaveLength(10);
    expect(salesforce.rows[0]!.slice(2, 4)).toEqual(['John', 'Bond']);
  });
});

describe('reading XLSX', () => {
  it('reads back what the writer wrote: text, numbers as plain decimals, booleans, empty cells', async () => {
    const bytes = await writeXlsx('Контакты', ['Фамилия', 'Сумма', 'Телефон', 'Активен', 'Пусто'].map((header) => ({ header })), [
      ['Иванов', 1234.5, '+7 912 345-67-89', true, null],
      ['=1+1', 79123456789, '-', false, undefined],
      ['Ёлкин', 0.1 + 0.2, '@home', null, ''],
    ]);
    expect(await readSpreadsheet(bytes, 'Export.XLSX')).toEqual({
      headers: ['Фамилия', 'Сумма', 'Телефон', 'Активен', 'Пусто'],
      rows: [
        ['Иванов', '1234.5', '+7 912 345-67-89', 'true', ''],
        ['=1+1', '79123456789', '-', 'false', ''],
        ['Ёлкин', '0.3', '@home', '', ''],
      ],
    });
  });

  it('reads dates as YYYY-MM-DD, formula results, rich text and hyperlinks as text, from the first worksheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Люди');
    workbook.addWorksheet('Other').addRow(['ignored']);
    sheet.addRow([]);
    sheet.addRow(['Name', 'Born', 'Total', 'Site', 'Note']);
    sheet.addRow([
      { richText: [{ text: 'Ива' }, { text: 'нов', font: { bold: true } }] },
      new Date(Date.UTC(1985, 4, 14)),
      { formula: 'B4+1', result: 42 },
      { text: 'example.ru', hyperlink: 'https://example.ru' },
      'x',
    ]);
    sheet.getCell('B3').numFmt = 'dd.mm.yyyy';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readSpreadsheet(bytes, 'people.xlsx')).toEqual({
      headers: ['Name', 'Born', 'Total', 'Site', 'Note'],
      rows: [['Иванов', '1985-05-14', '42', 'example.ru', 'x']],
    });
  });
});

describe('refusing files', () => {
  it('refuses other file types by extension', async () => {
    expect((await failure(readSpreadsheet(utf8('a,b'), 'contacts.xls'))).code).toBe('unsupported_type');
    expect((await failure(readSpreadsheet(utf8('a,b'), 'contacts.pdf'))).code).toBe('unsupported_type');
    expect((await failure(readSpreadsheet(utf8('a,b'), 'contacts'))).code).toBe('unsupported_type');
  });

  it('refuses a file without any non-empty row', async () => {
    expect((await failure(readSpreadsheet(new Uint8Array(), 'a.csv'))).code).toBe('empty');
    expect((await failure(readSpreadsheet(utf8(';;;\r\n\r\n ; \r\n'), 'a.csv'))).code).toBe('empty');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    expect((await failure(readSpreadsheet(new Uint8Array(await empty.xlsx.writeBuffer()), 'a.xlsx'))).code).toBe('empty');
  });

  it('refuses what cannot be read as its extension says', async () => {
    expect((await failure(readSpreadsheet(utf8('Name\nnot a zip'), 'a.xlsx'))).code).toBe('unreadable');
    const xlsx = await writeXlsx('S', [{ header: 'A' }], [['1']]);
    expect((await failure(readSpreadsheet(xlsx, 'renamed.csv'))).code).toBe('unreadable');
    expect((await failure(readSpreadsheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'broken.xlsx'))).code).toBe('unreadable');
  });

  it('refuses more rows than the limit, and takes exactly the limit', async () => {
    const rows = (n: number) => utf8(`A\n${'1\n'.repeat(n)}`);
    expect((await readSpreadsheet(rows(spreadsheetLimits.maxRows), 'a.csv')).rows).toHaveLength(spreadsheetLimits.maxRows);
    expect((await failure(readSpreadsheet(rows(spreadsheetLimits.maxRows + 1), 'a.csv'))).code).toBe('too_many_rows');
  });

  it('refuses more XLSX rows than the limit', async () => {
    const bytes = await writeXlsx('S', [{ header: 'A' }], Array.from({ length: spreadsheetLimits.maxRows + 1 }, (_, i) => [i]));
    expect((await failure(readSpreadsheet(bytes, 'big.xlsx'))).code).toBe('too_many_rows');
  }, 60_000);

  it('refuses more columns than the limit', async () => {
    const header = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',');
    expect((await readSpreadsheet(utf8(`${header(spreadsheetLimits.maxColumns)}\n`), 'a.csv')).headers).toHaveLength(spreadsheetLimits.maxColumns);
    const error = await failure(readSpreadsheet(utf8(`${header(spreadsheetLimits.maxColumns + 1)}\n`), 'a.csv'));
    expect(error.code).toBe('too_many_columns');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const error = await failure(readSpreadsheet(new Uint8Array(spreadsheetLimits.maxBytes + 1), 'a.csv'));
    expect(error.code).toBe('too_many_rows');
    expect(error.message).toContain('20 MB');
  });
});
