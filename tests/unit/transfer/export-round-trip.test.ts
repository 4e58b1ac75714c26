import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../shared/adapters/spreadsheet-reader';
import { writeCsv, writeXlsx } from '../../../shared/adapters/spreadsheet-writer';
import { csvDialects, type CsvDialect } from '../../../shared/domain/exports/export-job';
import { kinds } from '../../../shared/domain/records/kinds';
import { suggestMapping } from '../../../shared/domain/transfer/column-mapping';
import { exportColumns } from '../../../shared/domain/transfer/export-rows';
import { importFieldsOf, type ImportableType } from '../../../shared/domain/transfer/import-fields';
import { rowToInput } from '../../../shared/domain/transfer/row-input';

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

/** What the importer should read back from a record: its values as exported, phones as typed. */
function importedOf(type: ImportableType, record: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, ownerId: _owner, createdAt: _created, updatedAt: _updated, status, ...fields } = record;
  const phones = fields.phones as { kind: string; number: string; typed?: string }[] | undefined;
  return {
    ...fields,
    ...(phones ? { phones: phones.map((p) => ({ kind: p.kind, number: p.typed ?? p.number })) } : {}),
    // A lead's status is its process's; an imported lead comes from the channel "import".
    ...(type === 'lead' ? { source: { channel: 'import' } } : status ? { status } : {}),
  };
}

const sortedEntries = (input: Record<string, unknown>) => {
  const sort = (list: unknown) => (Array.isArray(list) ? [...(list as { kind: string }[])].sort((a, b) => a.kind.localeCompare(b.kind)) : list);
  return { ...input, ...(input.phones ? { phones: sort(input.phones) } : {}), ...(input.emails ? { emails: sort(input.emails) } : {}) };
};

/** Text as Windows-1251 keeps it: what it cannot hold becomes `?`. */
const cp1251 = (value: unknown): unknown => {
  if (typeof value === 'string') return iconv.decode(iconv.encode(value, 'win1251'), 'win1251');
  if (Array.isArray(value)) return value.map(cp1251);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cp1251(v)]));
  return value;
};

async function roundTrip(type: ImportableType, records: Record<string, unknown>[], format: CsvDialect | 'xlsx', locale: 'ru' | 'en') {
  const columns = exportColumns(kinds[type], [], locale);
  const rows = records.map((record) => columns.map((c) => c.value(record, new Map([['u1', 'rep@firm.ru']]))));
  const bytes = format === 'xlsx' ? await writeXlsx('Лист', columns, rows) : writeCsv(columns, rows, format).bytes;
  const table = await readSpreadsheet(bytes, `export.${format === 'xlsx' ? 'xlsx' : 'csv'}`);
  expect(table.headers).toEqual(columns.map((c) => (format === 'windows-1251' ? cp1251(c.header) : c.header)));
  const mapping = suggestMapping(table.headers, importFieldsOf(type));
  return table.rows.map((row) => rowToInput(type, mapping, row));
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
          const expected = records.map((record) => sortedEntries(importedOf(type, record)));
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
