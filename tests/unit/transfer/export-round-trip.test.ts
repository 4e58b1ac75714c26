import { describe, expect, it } from 'vitest';
import { writeCsv, writeXlsx } from '../../../shared/adapters/spreadsheet-writer';
import { csvDialects, type CsvDialect } from '../../../shared/domain/exports/export-job';
import { kinds } from '../../../shared/domain/records/kinds';
import { exportColumns } from '../../../shared/domain/transfer/export-rows';
import type { ImportableType } from '../../../shared/domain/transfer/import-fields';
import { asStored, cp1251, importBack, importedOf, trickyContact, trickyLead } from '../../support/round-trip';

/**
 * Round trip (REC-11): a list exported to CSV (every dialect) or XLSX and imported back gives the
 * values it was exported with, formula-like text included: the exporter's neutralising apostrophe
 * is taken off exactly where it was added, and nowhere else.
 */
const stored = { ownerId: 'u1', createdAt: '2026-12-01T09:30:00.000Z', updatedAt: '2026-12-02T10:00:00.000Z' };

const contacts = [
  { id: 'c1', ...trickyContact, timeZone: 'Asia/Almaty', status: 'active', ...stored },
  {
    id: 'c2',
    lastName: 'Ёлкин',
    firstName: 'Пётр',
    jobTitle: '-',
    department: '=HYPERLINK("http://evil.example","жми")',
    bio: 'строка 1\nстрока 2; "кавычки", запятая',
    // A phone stored normalised beside the form it was typed in: exported as typed.
    phones: [{ kind: 'home', number: '+77012345678', typed: '8 (701) 234-56-78' }],
    ...stored,
  },
];

const leads = [{ id: 'l1', ...trickyLead, qualification: 'hot', status: 'new', ...stored }];

const contactFields = ['lastName', 'firstName', 'middleName', 'jobTitle', 'department', 'bio', 'birthDate', 'timeZone', 'phones', 'emails', 'status', 'emailOptOut'];
const leadFields = ['lastName', 'firstName', 'company', 'jobTitle', 'email', 'phone', 'topic', 'message', 'budget', 'qualification'];

async function roundTrip(type: ImportableType, records: Record<string, unknown>[], format: CsvDialect | 'xlsx', locale: 'ru' | 'en') {
  const columns = exportColumns(kinds[type], [], locale);
  const rows = records.map((record) => columns.map((c) => c.value(record, new Map([['u1', 'rep@firm.ru']]))));
  const bytes = format === 'xlsx' ? await writeXlsx('Лист', columns, rows) : writeCsv(columns, rows, format).bytes;
  const file = await importBack(type, bytes, `export.${format === 'xlsx' ? 'xlsx' : 'csv'}`);
  expect(file.headers).toEqual(columns.map((c) => (format === 'windows-1251' ? cp1251(c.header) : c.header)));
  return file.rows;
}

const formats = [...csvDialects, 'xlsx'] as const;

describe('an exported list imported back', () => {
  for (const format of formats) {
    for (const locale of ['ru', 'en'] as const) {
      it(`gives back the contacts' and leads' values exactly: ${format}, ${locale}`, async () => {
        for (const [type, records] of [
          ['contact', contacts],
          ['lead', leads],
        ] as const) {
          const imported = await roundTrip(type, records, format, locale);
          expect(imported.map((row) => row.issues)).toEqual(records.map(() => []));
          const expected = records.map((record) => importedOf(type, record, type === 'lead' ? leadFields : contactFields));
          expect(imported.map((row) => asStored(type, row.input))).toEqual((format === 'windows-1251' ? cp1251(expected) : expected).map((input) => asStored(type, input)));
        }
      });
    }
  }

  it('loses in Windows-1251 only what the job reports: ₸ and the Kazakh letters become ?', async () => {
    const [lead] = await roundTrip('lead', leads, 'windows-1251', 'ru');
    expect(lead!.input).toMatchObject({ topic: '?лия ?асымова', message: '5 000 ?\n-2+3', lastName: '=SUM(A1)', company: '-2+3' });
  });
});
