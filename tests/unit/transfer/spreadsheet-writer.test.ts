import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCsv, writeXlsx } from '../../../shared/adapters/spreadsheet-writer';
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

describe('writing CSV', () => {
  it('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    const bytes = writeCsv(['Фамилия', 'Имя'], [['Иванов', 'Пётр']]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(bytes)).toBe('\uFEFFФамилия,Имя\r\nИванов,Пётр\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(text(writeCsv(['a', 'b', 'c', 'd'], [['Smith, John', 'say "hi"', 'line 1\nline 2', 'plain']]))).toBe('\uFEFFa,b,c,d\r\n"Smith, John","say ""hi""","line 1\nline 2",plain\r\n');
  });

  it('writes numbers and booleans as they are, null and undefined as empty', () => {
    expect(text(writeCsv(['n', 'neg', 'b', 'x', 'y'], [[1234.5, -42, true, null, undefined]]))).toBe('\uFEFFn,neg,b,x,y\r\n1234.5,-42,true,,\r\n');
  });

  it('neutralises every text cell, headers included', () => {
    const csv = text(writeCsv(['=HEADER', 'b', 'c', 'd'], [['=1+1', '+7 912 345-67-89', '-', '@SUM(A1:A2)'], ['=HYPERLINK("http://evil","x")', 'ok', '-5', '\t=1']]));
    expect(csv).toBe(`\uFEFF'=HEADER,b,c,d\r\n'=1+1,'+7 912 345-67-89,'-,'@SUM(A1:A2)\r\n"'=HYPERLINK(""http://evil"",""x"")",ok,'-5,'\t=1\r\n`);
  });
});

describe('writing XLSX', () => {
  async function load(bytes: Uint8Array) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    return workbook.worksheets[0]!;
  }

  it('has a bold, frozen header row, numbers as numbers and neutralised text', async () => {
    const sheet = await load(await writeXlsx('Контакты', ['Фамилия', 'Сумма', 'Телефон'], [['=1+1', -1500.25, '+7 912 345-67-89'], ['Иванов', 3, null]]));
    expect(sheet.name).toBe('Контакты');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('A2').value).toBe("'=1+1");
    expect(sheet.getCell('B2').value).toBe(-1500.25);
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('C2').value).toBe("'+7 912 345-67-89");
    expect(sheet.getCell('C3').value).toBeNull();
    expect(sheet.getCell('A3').value).toBe('Иванов');
  });

  it('sizes columns to their content within limits', async () => {
    const sheet = await load(await writeXlsx('S', ['A', 'Long header here', 'C'], [['x', 'y', 'z'.repeat(200)]]));
    expect(sheet.getColumn(1).width).toBe(8);
    expect(sheet.getColumn(2).width).toBe(18);
    expect(sheet.getColumn(3).width).toBe(60);
  });

  it('makes a sheet name Excel accepts', async () => {
    const sheet = await load(await writeXlsx('Leads: 2024/03 [all] and a very long tail', ['A'], []));
    expect(sheet.name).toBe('Leads  2024 03  all  and a very');
    expect(sheet.name.length).toBeLessThanOrEqual(31);
  });
});
