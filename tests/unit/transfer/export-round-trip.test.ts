import { describe, expect, it } from 'vitest';
import { writeCsv, writeXlsx } from '../../../shared/adapters/spreadsheet-writer';
import { csvDialects, type CsvDialect } from '../../../shared/domain/exports/export-job';
import { kinds } from '../../../shared/domain/records/kinds';
import { exportColumns } from '../../../shared/domain/transfer/export-rows';
import type { ImportableType } from '../../../shared/domain/transfer/import-fields';
import type { CustomFieldDefinition } from '../../../shared/domain/transfer/row-input';
import { asStored, cp1251, importBack, importedOf, trickyAccount, trickyContact, trickyLead } from '../../support/round-trip';

/**
 * Round trip (REC-11): a list exported to CSV (every dialect) or XLSX and imported back gives the
 * values it was exported with, formula-like text included: the exporter's neutralising apostrophe
 * is taken off exactly where it was added, and nowhere else.
 */
const stored = { ownerId: 'u1', createdAt: '2026-12-01T09:30:00.000Z', updatedAt: '2026-12-02T10:00:00.000Z' };

const contacts = [
  { id: 'c1', ...trickyContact, timeZone: 'Asia/Almaty', status: 'active', accountId: 'a1', ...stored },
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

const accounts = [
  { id: 'a1', ...trickyAccount, parentId: 'a0', ...stored },
  // Nothing but a name, and money in roubles without a currency column of its own.
  { id: 'a2', name: 'Пусто', custom: { deposit: { amount: 10, currency: 'RUB' } }, ...stored },
];

const customFields: Partial<Record<ImportableType, CustomFieldDefinition[]>> = {
  account: [
    { key: 'deposit', label: 'Залог', type: 'money' },
    { key: 'segment', label: 'Сегмент', type: 'text' },
  ],
};

const fieldsOf: Record<'contact' | 'lead' | 'account', string[]> = {
  contact: ['lastName', 'firstName', 'middleName', 'jobTitle', 'department', 'bio', 'birthDate', 'timeZone', 'phones', 'emails', 'addresses', 'status', 'emailOptOut'],
  lead: ['lastName', 'firstName', 'company', 'jobTitle', 'email', 'phone', 'topic', 'message', 'budget', 'qualification'],
  account: ['name', 'legalName', 'taxId', 'kpp', 'industry', 'description', 'website', 'email', 'phones', 'addresses', 'annualRevenue', 'employees', 'leadSource', 'status', 'rating', 'custom'],
};

/** The exporter's owner and the one account it may see. */
const context = { owners: new Map([['u1', { email: 'rep@firm.ru', name: 'Иванова Анна' }]]), accountNames: new Map([['a1', '=Ромашка']]) };

async function roundTrip(type: ImportableType, records: Record<string, unknown>[], format: CsvDialect | 'xlsx', locale: 'ru' | 'en') {
  const custom = customFields[type] ?? [];
  const columns = exportColumns(kinds[type], custom as never, locale);
  const rows = records.map((record) => columns.map((c) => c.value(record, context)));
  const bytes = format === 'xlsx' ? await writeXlsx('Лист', columns, rows) : writeCsv(columns, rows, format).bytes;
  const file = await importBack(type, bytes, `export.${format === 'xlsx' ? 'xlsx' : 'csv'}`, custom);
  expect(file.headers).toEqual(columns.map((c) => (format === 'windows-1251' ? cp1251(c.header) : c.header)));
  return file.rows;
}

const formats = [...csvDialects, 'xlsx'] as const;

describe('an exported list imported back', () => {
  for (const format of formats) {
    for (const locale of ['ru', 'en'] as const) {
      it(`gives back the contacts', leads' and accounts' values exactly, their owner and company too: ${format}, ${locale}`, async () => {
        for (const [type, records] of [
          ['contact', contacts],
          ['lead', leads],
          ['account', accounts],
        ] as const) {
          const imported = await roundTrip(type, records, format, locale);
          expect(imported.map((row) => row.issues)).toEqual(records.map(() => []));
          const expected = records.map((record) => importedOf(type, record, fieldsOf[type]));
          expect(imported.map((row) => asStored(type, row.input))).toEqual((format === 'windows-1251' ? cp1251(expected) : expected).map((input) => asStored(type, input)));
          // The links the import resolves: the owner by email, a contact's company by its name.
          expect(imported.map((row) => row.links)).toEqual(records.map((record) => ({ ownerEmail: 'rep@firm.ru', ...('accountId' in record ? { accountName: '=Ромашка' } : {}) })));
        }
      });
    }
  }

  it('loses in Windows-1251 only what the job reports: ₸ and the Kazakh letters become ?', async () => {
    const [lead] = await roundTrip('lead', leads, 'windows-1251', 'ru');
    expect(lead!.input).toMatchObject({ topic: '?лия ?асымова', message: '5 000 ?\n-2+3', lastName: '=SUM(A1)', company: '-2+3' });
  });
});
