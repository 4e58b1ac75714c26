import iconv from 'iconv-lite';
import type * as z from 'zod';
import { readSpreadsheet } from '../../shared/adapters/spreadsheet-reader';
import { createAccountSchema } from '../../shared/domain/accounts/account';
import { createContactSchema } from '../../shared/domain/contacts/contact';
import { createDealSchema } from '../../shared/domain/deals/deal';
import { createLeadSchema } from '../../shared/domain/leads/lead';
import { storedPhone } from '../../shared/domain/leads/lead-commands';
import { suggestMapping } from '../../shared/domain/transfer/column-mapping';
import { importFieldsOf, type ImportableType } from '../../shared/domain/transfer/import-fields';
import { rowToInput, type RowInput } from '../../shared/domain/transfer/row-input';

/**
 * An exported file imported back as the importer reads a file (REC-11): the parser, the suggested
 * mapping and each row's create input, for comparing with the records that were exported. Tests only.
 */
export async function importBack(type: ImportableType, bytes: Uint8Array, fileName: string): Promise<{ headers: string[]; rows: RowInput[] }> {
  const table = await readSpreadsheet(bytes, fileName);
  const mapping = suggestMapping(table.headers, importFieldsOf(type));
  return { headers: table.headers, rows: table.rows.map((row) => rowToInput(type, mapping, row)) };
}

const createSchemas: Record<ImportableType, z.ZodType> = { contact: createContactSchema, lead: createLeadSchema, account: createAccountSchema, deal: createDealSchema };

/** A create input as the record it makes would hold it (phones in E.164 beside their typed form, emails in lower case…), its lists in kind order. */
export const asStored = (type: ImportableType, input: Record<string, unknown>): Record<string, unknown> => {
  const parsed = createSchemas[type].parse(input) as Record<string, unknown>;
  // A lead's one phone is stored by its command: E.164, with the writing beside it.
  const phone = type === 'lead' && typeof parsed.phone === 'string' ? storedPhone(parsed.phone) : {};
  return sortedEntries(Object.fromEntries(Object.entries({ ...parsed, ...phone }).filter(([, value]) => value !== undefined)));
};

/** A stored record's `fields`, as an import of its exported row should store them again. */
export function importedOf(type: ImportableType, record: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = Object.fromEntries(fields.filter((field) => record[field] !== undefined).map((field) => [field, record[field]]));
  // An imported lead comes from the channel "import"; its phone is exported as it was written.
  if (type === 'lead') picked.source = { channel: 'import' };
  if (type === 'lead' && picked.phone !== undefined && typeof record.phoneTyped === 'string') picked.phone = record.phoneTyped;
  return picked;
}

/** Phones and emails in kind order, as the importer's columns come in another order than the record's. */
export function sortedEntries(input: Record<string, unknown>): Record<string, unknown> {
  const sort = (list: unknown) => (Array.isArray(list) ? [...(list as { kind: string }[])].sort((a, b) => a.kind.localeCompare(b.kind)) : list);
  return { ...input, ...(input.phones ? { phones: sort(input.phones) } : {}), ...(input.emails ? { emails: sort(input.emails) } : {}) };
}

/** Text as Windows-1251 keeps it: what it cannot hold becomes `?`. */
export function cp1251<T>(value: T): T {
  if (typeof value === 'string') return iconv.decode(iconv.encode(value, 'win1251'), 'win1251') as T;
  if (Array.isArray(value)) return value.map(cp1251) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cp1251(v)])) as T;
  return value;
}

/** A contact's create input with what spreadsheets mistake for formulas, a phone, Cyrillic, Kazakh and ₸. */
export const trickyContact = {
  lastName: '=SUM(A1)',
  firstName: '@handle',
  middleName: "'=x",
  jobTitle: '-2+3',
  department: '+7 912 345-67-89',
  bio: 'Әлия Қасымова, 5 000 ₸',
  birthDate: '1990-03-08',
  phones: [
    { kind: 'mobile', number: '+7 912 345-67-89' },
    { kind: 'work', number: '8 (495) 123-45-67' },
  ],
  emails: [
    { kind: 'work', address: 'handle@firm.ru' },
    { kind: 'personal', address: 'handle@mail.ru' },
  ],
  emailOptOut: true,
};

/** A lead's create input of the same kind, with a budget in tenge. */
export const trickyLead = {
  lastName: '=SUM(A1)',
  firstName: '@handle',
  company: '-2+3',
  jobTitle: "'=x",
  email: 'lead@firm.kz',
  phone: '+7 912 345-67-89',
  topic: 'Әлия Қасымова',
  message: '5 000 ₸\n-2+3',
  budget: { amount: 5000.5, currency: 'KZT' },
};
