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
import { rowToInput, type CustomFieldDefinition, type RowInput } from '../../shared/domain/transfer/row-input';

/**
 * An exported file imported back as the importer reads a file (REC-11): the parser, the suggested
 * mapping and each row's create input, for comparing with the records that were exported. Tests only.
 */
export async function importBack(type: ImportableType, bytes: Uint8Array, fileName: string, customFields: readonly CustomFieldDefinition[] = []): Promise<{ headers: string[]; rows: RowInput[] }> {
  const table = await readSpreadsheet(bytes, fileName);
  const mapping = suggestMapping(table.headers, importFieldsOf(type, [...customFields]));
  return { headers: table.headers, rows: table.rows.map((row) => rowToInput(type, mapping, row, customFields)) };
}

const createSchemas: Record<ImportableType, z.ZodType> = { contact: createContactSchema, lead: createLeadSchema, account: createAccountSchema, deal: createDealSchema };

/** A create input as the record it makes would hold it (phones in E.164 beside their typed form, emails in lower case…), its lists in kind order. */
export const asStored = (type: ImportableType, input: Record<string, unknown>): Record<string, unknown> => {
  const parsed = createSchemas[type].parse(input) as Record<string, unknown>;
  // A lead's one phone is stored by its command: E.164, with the writing beside it.
  const phone = type === 'lead' && typeof parsed.phone === 'string' ? storedPhone(parsed.phone) : {};
  return sortedEntries(Object.fromEntries(Object.entries({ ...parsed, ...phone }).filter(([, value]) => value !== undefined)));
};

/** The address kind an export splits into parts; the others are one line each. */
const mainAddressKind: Partial<Record<ImportableType, string>> = { account: 'office', contact: 'work' };

/** A stored record's `fields`, as an import of its exported row should store them again. */
export function importedOf(type: ImportableType, record: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = Object.fromEntries(fields.filter((field) => record[field] !== undefined).map((field) => [field, record[field]]));
  // An address of another kind than the main one comes back as one line holding all its parts.
  if (Array.isArray(picked.addresses))
    picked.addresses = (picked.addresses as Record<string, string>[]).map((a) =>
      a.kind === mainAddressKind[type] ? a : { kind: a.kind!, line: [a.postalCode, a.country, a.region, a.city, a.line].filter(Boolean).join(', ') },
    );
  // An imported lead comes from the channel "import"; its phone is exported as it was written.
  if (type === 'lead') picked.source = { channel: 'import' };
  if (type === 'lead' && picked.phone !== undefined && typeof record.phoneTyped === 'string') picked.phone = record.phoneTyped;
  return picked;
}

/** Phones, emails and addresses in kind order, as the importer's columns come in another order than the record's. */
export function sortedEntries(input: Record<string, unknown>): Record<string, unknown> {
  const sort = (list: unknown) => (Array.isArray(list) ? [...(list as { kind: string }[])].sort((a, b) => a.kind.localeCompare(b.kind)) : list);
  const lists = (['phones', 'emails', 'addresses'] as const).filter((key) => input[key]);
  return { ...input, ...Object.fromEntries(lists.map((key) => [key, sort(input[key])])) };
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
    { kind: 'other', address: 'handle@other.kz' },
  ],
  addresses: [
    { kind: 'work', line: '=ул. Ленина, 1', city: 'Москва', region: 'Москва', postalCode: '101000', country: 'Россия' },
    { kind: 'home', line: 'пр. Абая, 10', city: 'Алматы', country: 'Қазақстан' },
    { kind: 'postal', line: 'а/я 15' },
  ],
  emailOptOut: true,
};

/** An account's create input of the same kind, every importable field filled, its revenue in tenge. */
export const trickyAccount = {
  name: '=Ромашка',
  legalName: 'ООО «Ромашка»; -2+3',
  taxId: '0274062111',
  kpp: '027401001',
  industry: '+IT',
  description: 'строка 1\nстрока 2; "кавычки", запятая, 5 000 ₸',
  website: 'https://romashka.example',
  email: 'info@romashka.example',
  phones: [
    { kind: 'work', number: '+7 495 123-45-67' },
    { kind: 'fax', number: '+7 495 123-45-68' },
    { kind: 'mobile', number: '8 912 345-67-89' },
    { kind: 'other', number: '+7 701 234-56-78' },
  ],
  addresses: [
    { kind: 'office', line: 'ул. Ленина, 1', city: 'Уфа', region: 'Башкортостан', postalCode: '450000', country: 'Россия' },
    { kind: 'legal', line: 'ул. Мира, 2', city: 'Уфа', postalCode: '450001' },
    { kind: 'postal', line: 'а/я 15' },
    { kind: 'shipping', line: 'склад №3' },
  ],
  annualRevenue: { amount: 12500000.5, currency: 'KZT' },
  employees: 120,
  leadSource: 'referral',
  status: 'client',
  rating: 4,
  custom: { deposit: { amount: 1500, currency: 'USD' }, segment: '-b2b' },
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
