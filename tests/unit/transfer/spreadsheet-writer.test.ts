import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { writeCsv, writeXlsx, type Cell, type SheetColumn } from '../../../shared/adapters/spreadsheet-writer';
import type { CsvDialect } from '../../../shared/domain/exports/export-job';
import { neutraliseCell, restoreCell } from '../../../shared/domain/transfer/formula-safety';

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('formula neutralisation', () => {
  it('puts an apostrophe before text starting with = + - @ tab or carriage return', () => {
    expect(neutraliseCell('=1+1')).toBe("'=1+1");
    expect(neutraliseCell('+7 912 345-67-89')).toBe("'+7 912 345-67-89");
    expect(neutraliseCell('-')).toBe("'-");
    expect(neutraliseCell('-5')).toBe("'-5");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('\t=cmd')).toBe("'\t=cmd");
    expect(neutraliseCell('\r=cmd')).toBe("'\r=cmd");
  });

  it('leaves other text alone', () => {
    expect(neutraliseCell('Иванов')).toBe('Иванов');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell(' =1')).toBe(' =1');
    expect(neutraliseCell('')).toBe('');
  });

  it('is undone on the way back in, only where it was added', () => {
    expect(restoreCell("'=1+1")).toBe('=1+1');
    expect(restoreCell("'+7 912")).toBe('+7 912');
    expect(restoreCell("'quoted'")).toBe("'quoted'");
    expect(restoreCell("'-")).toBe('-');
    expect(restoreCell(neutraliseCell('@x'))).toBe('@x');
  });

  it('neutralises the null character too (ASVS 1.2.10)', () => {
    expect(neutraliseCell('\0=1')).toBe("'\0=1");
    expect(restoreCell("'\0=1")).toBe('\0=1');
  });

  it('keeps apart a stored value that already starts with an apostrophe before a formula character', () => {
    // Without this, "'=x" typed into the CRM would come back from a round trip as "=x".
    expect(neutraliseCell("'=x")).toBe("''=x");
    expect(restoreCell("''=x")).toBe("'=x");
    expect(neutraliseCell("'abc")).toBe("'abc");
    expect(restoreCell("'abc")).toBe("'abc");
  });

  it('gives back exactly what it was given, for any text', () => {
    const text = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\0', 'a', 'Я', ' ', '7', '₸') });
    fc.assert(fc.property(text, (value) => restoreCell(neutraliseCell(value)) === value));
    // Text that needed nothing is taken as it is: restoring never touches what the exporter left alone.
    fc.assert(fc.property(text, (value) => neutraliseCell(value) !== value || restoreCell(value) === value));
  });
});

const columns = (...headers: string[]) => headers.map((header) => ({ header }));
const csvText = (headers: string[], rows: Cell[][], dialect?: CsvDialect) => text(writeCsv(columns(...headers), rows, dialect).bytes);

describe('writing CSV', () => {
  it('is plain UTF-8 with commas by default: no BOM, CRLF line ends (RFC 4180)', () => {
    const { bytes, loss } = writeCsv(columns('Фамилия', 'Имя'), [['Иванов', 'Пётр']]);
    expect(text(bytes)).toBe('Фамилия,Имя\r\nИванов,Пётр\r\n');
    expect(loss).toBeUndefined();
  });

  it('quotes fields with the delimiter, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvText(['a', 'b', 'c', 'd'], [['Smith, John', 'say "hi"', 'line 1\nline 2', 'a;b']])).toBe('a,b,c,d\r\n"Smith, John","say ""hi""","line 1\nline 2",a;b\r\n');
    expect(csvText(['a', 'b'], [['Smith, John', 'a;b']], 'excel')).toBe('\uFEFFa;b\r\nSmith, John;"a;b"\r\n');
  });

  it('writes numbers and booleans as they are, null and undefined as empty', () => {
    expect(csvText(['n', 'neg', 'b', 'x', 'y'], [[1234.5, -42, true, null, undefined]])).toBe('n,neg,b,x,y\r\n1234.5,-42,true,,\r\n');
  });

  it('neutralises every text field, headers included, as Excel would evaluate them', () => {
    const csv = csvText(['=HEADER', 'b', 'c', 'd'], [['=1+1', '+7 912 345-67-89', '-2+3', '@SUM(A1:A2)'], ['=HYPERLINK("http://evil","x")', 'ok', '-5', '\t=1']]);
    expect(csv).toBe(`'=HEADER,b,c,d\r\n'=1+1,'+7 912 345-67-89,'-2+3,'@SUM(A1:A2)\r\n"'=HYPERLINK(""http://evil"",""x"")",ok,'-5,'\t=1\r\n`);
  });

  it('"for Excel" is UTF-8 with a BOM, semicolons, CRLF and a decimal comma, as Russian Excel opens it by double click', () => {
    const { bytes, loss } = writeCsv(columns('Фамилия', 'Сумма', 'Телефон'), [['Иванов', -1500.25, '+7 912 345-67-89']], 'excel');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(bytes)).toBe("\uFEFFФамилия;Сумма;Телефон\r\nИванов;-1500,25;'+7 912 345-67-89\r\n");
    expect(loss).toBeUndefined();
  });

  it('writes Windows-1251 only when asked, with semicolons, and reports what it could not hold', () => {
    const rows: Cell[][] = [
      ['Әлия Қасымова', '5 000 ₸', 'Іван'],
      ['Ұлан', '₸', 'Ёлкин № 5 — «ок»'],
      ['Иванов', 12.5, null],
    ];
    const { bytes, loss } = writeCsv(columns('Имя', 'Сумма', 'Ещё'), rows, 'windows-1251');
    expect([...bytes.slice(0, 2)]).toEqual([0xc8, 0xec]); // «Им», no BOM
    expect(iconv.decode(Buffer.from(bytes), 'win1251')).toBe('Имя;Сумма;Ещё\r\n?лия ?асымова;5 000 ?;Іван\r\n?лан;?;Ёлкин № 5 — «ок»\r\nИванов;12,5;\r\n');
    // і, ё, №, «» and the dash are in Windows-1251; ₸ and the Kazakh letters are not.
    expect(loss).toEqual({
      encoding: 'windows-1251',
      cells: 4,
      characters: [
        { character: '₸', cells: 2 },
        { character: 'Қ', cells: 1 },
        { character: 'Ұ', cells: 1 },
        { character: 'Ә', cells: 1 },
      ],
    });
  });

  it('reports every Kazakh letter Windows-1251 lacks, and an empty loss when all fit', () => {
    const kazakh = [...'әғқңөұүһӘҒҚҢӨҰҮҺ'];
    const { loss } = writeCsv(columns('x'), kazakh.map((letter) => [letter]), 'windows-1251');
    expect(loss?.characters.map((c) => c.character).sort()).toEqual([...kazakh].sort());
    expect(loss?.cells).toBe(kazakh.length);
    expect(writeCsv(columns('Фамилия'), [['Ёлкин']], 'windows-1251').loss).toEqual({ encoding: 'windows-1251', cells: 0, characters: [] });
  });
});

describe('writing XLSX', () => {
  async function load(bytes: Uint8Array) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    return workbook.worksheets[0]!;
  }

  it('has a bold, frozen header row', async () => {
    const sheet = await load(await writeXlsx('Контакты', columns('Фамилия'), [['Иванов']]));
    expect(sheet.name).toBe('Контакты');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes typed cells: text exactly as stored, numbers, money with a number format, dates, booleans', async () => {
    const sheetColumns: SheetColumn[] = [
      { header: 'Телефон' },
      { header: 'Формула' },
      { header: 'Выражение' },
      { header: 'Ник' },
      { header: 'Число' },
      { header: 'Сумма', format: 'money' },
      { header: 'Дата рождения', format: 'date' },
      { header: 'Создан', format: 'datetime' },
      { header: 'Отказ' },
      { header: 'Пусто' },
      { header: '=Метка' },
    ];
    const row: Cell[] = ['+7 912 345-67-89', '=SUM(A1)', '-2+3', '@handle', -42, 1500.5, '1990-03-08', '2026-12-07T05:04:33.120Z', true, null, "'=x"];
    const sheet = await load(await writeXlsx('S', sheetColumns, [row]));
    const cell = (column: number) => sheet.getRow(2).getCell(column);

    for (const [column, value] of [[1, '+7 912 345-67-89'], [2, '=SUM(A1)'], [3, '-2+3'], [4, '@handle'], [11, "'=x"]] as const) {
      expect(cell(column).type).toBe(ExcelJS.ValueType.String);
      expect(cell(column).value).toBe(value);
    }
    // Text a person could turn into a formula by editing the cell is formatted as text ("@"), so editing keeps it text.
    for (const column of [1, 2, 3, 4]) expect(cell(column).numFmt).toBe('@');
    expect(cell(11).numFmt).toBeUndefined();
    expect(sheet.getRow(1).getCell(11).value).toBe('=Метка');
    expect(sheet.getRow(1).getCell(11).numFmt).toBe('@');

    expect(cell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(cell(5).value).toBe(-42);
    expect(cell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(cell(6).value).toBe(1500.5);
    expect(cell(6).numFmt).toBe('#,##0.00');
    expect(cell(7).type).toBe(ExcelJS.ValueType.Date);
    expect(cell(7).value).toEqual(new Date(Date.UTC(1990, 2, 8)));
    expect(cell(7).numFmt).toBe('mm-dd-yy'); // Excel's built-in short date, shown as the reader's system writes dates
    expect(cell(8).type).toBe(ExcelJS.ValueType.Date);
    expect(cell(8).value).toEqual(new Date('2026-12-07T05:04:33.120Z'));
    expect(cell(8).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(cell(9).type).toBe(ExcelJS.ValueType.Boolean);
    expect(cell(9).value).toBe(true);
    expect(cell(10).value).toBeNull();
  });

  it('keeps a value of a date column that is not a date as text', async () => {
    const sheet = await load(await writeXlsx('S', [{ header: 'Когда', format: 'date' }], [['не знаю']]));
    expect(sheet.getCell('A2').value).toBe('не знаю');
  });

  it('sizes columns to their content within limits', async () => {
    const sheet = await load(await writeXlsx('S', columns('A', 'Long header here', 'C'), [['x', 'y', 'z'.repeat(200)]]));
    expect(sheet.getColumn(1).width).toBe(8);
    expect(sheet.getColumn(2).width).toBe(18);
    expect(sheet.getColumn(3).width).toBe(60);
  });

  it('makes a sheet name Excel accepts', async () => {
    const sheet = await load(await writeXlsx('Leads: 2024/03 [all] and a very long tail', columns('A'), []));
    expect(sheet.name).toBe('Leads  2024 03  all  and a very');
    expect(sheet.name.length).toBeLessThanOrEqual(31);
  });
});
