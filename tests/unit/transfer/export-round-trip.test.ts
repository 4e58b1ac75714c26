import { describe, expect, it } from 'vitest';
import { writeCsv, writeXlsx } from '../../../shared/adapters/spreadsheet-writer';
import { csvDialects, type CsvDialect } from '../../../shared/domain/exports/export-job';
import { kinds } from '../../../shared/domain/records/kinds';
import { exportColumns } from '../../../shared/domain/transfer/export-rows';
import type { ImportableType } from '../../../shared/domain/transfer/import-fields';
import { cp1251, importBack, importedOf, sortedEntries } from '../../support/round-trip';

/**
 * Round trip (REC-11): a list exported to CSV (every dialect) or XLSX and imported back gives the
 * values it was exported with, formula-like text included: the exporter's neutralising apostrophe
 * is taken off exactly where it was added, and nowhere else.
 */
const contacts = [
  {
    id: 'c1',
    lastName: '=SUM(A1)',
    firstName: '@handle',
    middleName: "'=x",
    jobTitle: '-2+3',
    department: '+7 912 345-67-89',
    bio: 'Әлия Қасымова, 5 000 ₸',
    birthDate: '1990-03-08',
    timeZone: 'Asia/Almaty',
    phones: [
      { kind: 'mobile', number: '+79123456789', typed: '+7 912 345-67-89' },
      { kind: 'work', number: '+74951234567' },
    ],
    emails: [
      { kind: 'work', address: 'a@firm.ru' },
      { kind: 'personal', address: 'a@mail.ru' },
    ],
    status: 'active',
    emailOptOut: true,
    ownerId: 'u1',
    createdAt: '2026-12-01T09:30:00.000Z',
    updatedAt: '2026-12-02T10:00:00.000Z',
  },
  {
    id: 'c2',
    lastName: 'Ёлкин',
    firstName: 'Пётр',
    jobTitle: '-',
    department: '=HYPERLINK("http://evil.example","жми")',
    bio: 'строка 1\nстрока 2; "кавычки", запятая',
    phones: [{ kind: 'home', number: '+77012345678', typed: '8 (701) 234-56-78' }],
    ownerId: 'u1',
    createdAt: '2026-12-01T09:30:00.000Z',
    updatedAt: '2026-12-01T09:30:00.000Z',
  },
];

const leads = [
  {
    id: 'l1',
    lastName: '=SUM(A1)',
    firstName: '@handle',
    company: '-2+3',
    jobTitle: "'=x",
    email: 'lead@firm.kz',
    phone: '+7 912 345-67-89',
    topic: 'Әлия Қасымова',
    message: '5 000 ₸\n-2+3',
    budget: { amount: 5000.5, currency: 'KZT' },
    qualification: 'hot',
    status: 'new',
    ownerId: 'u1',
    createdAt: '2026-12-01T09:30:00.000Z',
    updatedAt: '2026-12-01T09:30:00.000Z',
  },
];

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
          expect(imported.map((row) => sortedEntries(row.input))).toEqual(format === 'windows-1251' ? cp1251(expected) : expected);
        }
      });
    }
  }

  it('loses in Windows-1251 only what the job reports: ₸ and the Kazakh letters become ?', async () => {
    const [lead] = await roundTrip('lead', leads, 'windows-1251', 'ru');
    expect(lead!.input).toMatchObject({ topic: '?лия ?асымова', message: '5 000 ?\n-2+3', lastName: '=SUM(A1)', phone: '+7 912 345-67-89' });
  });
});
