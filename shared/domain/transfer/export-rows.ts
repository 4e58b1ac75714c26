import { accountAddressKinds, accountPhoneKinds } from '../accounts/account';
import { contactAddressKinds, contactEmailKinds, contactPhoneKinds } from '../contacts/contact';
import type { CustomField } from '../custom-fields/custom-field';
import type { Locale } from '../../i18n/locale';
import type { RecordBase, RecordKind, RecordType } from '../records/record-type';

/**
 * A list exported to a spreadsheet (REC-11): one column per field the type tracks, then its custom
 * fields, then who owns it (name and email) and when it was made. Columns are headed as the
 * importer knows them (import-fields.ts), so an exported list imports back as it was:
 * - phones and emails of a contact or an account get a column per kind;
 * - addresses get a column per kind; the main kind (an account's office, a contact's work
 *   address) is split into street, city, region, postal code and country, the others are one
 *   readable cell each, as are other lists (links, order lines);
 * - money is an amount column and a currency column, so the numbers sum in Excel.
 * Each column says how it is shown (money, a date, a moment), so XLSX cells are typed; formula
 * neutralisation of CSV text is the writer's (spreadsheet-writer.ts).
 */
export type ExportCell = string | number | boolean | null;

/** Money with two decimals; a stored date (`YYYY-MM-DD`) or moment (ISO, UTC) as a date. Other values are shown by their type. */
export type CellFormat = 'money' | 'date' | 'datetime';

/** Who a record's owner is, as the export names them. */
export interface OwnerOf {
  email: string;
  name?: string;
}

/** What a row's cells name beside the record itself: owners by user id, and the names of the accounts the exporter may see, by id. */
export interface ExportContext {
  owners: ReadonlyMap<string, OwnerOf>;
  accountNames: ReadonlyMap<string, string>;
}

export interface ExportColumn {
  header: string;
  format?: CellFormat;
  value: (record: Record<string, unknown>, context: ExportContext) => ExportCell;
}

/** Headers people read; a field with none here shows its key. */
const headers: Record<string, { ru: string; en: string }> = {
  id: { ru: 'ID', en: 'ID' },
  name: { ru: 'Название', en: 'Name' },
  legalName: { ru: 'Юридическое название', en: 'Legal name' },
  taxId: { ru: 'ИНН', en: 'Tax ID (INN)' },
  kpp: { ru: 'КПП', en: 'KPP' },
  industry: { ru: 'Отрасль', en: 'Industry' },
  description: { ru: 'Описание', en: 'Description' },
  website: { ru: 'Сайт', en: 'Website' },
  email: { ru: 'Email', en: 'Email' },
  emails: { ru: 'Email', en: 'Emails' },
  phone: { ru: 'Телефон', en: 'Phone' },
  phones: { ru: 'Телефоны', en: 'Phones' },
  addresses: { ru: 'Адреса', en: 'Addresses' },
  annualRevenue: { ru: 'Годовая выручка', en: 'Annual revenue' },
  employees: { ru: 'Сотрудников', en: 'Employees' },
  parentId: { ru: 'ID головной компании', en: 'Parent account ID' },
  leadSource: { ru: 'Источник', en: 'Lead source' },
  status: { ru: 'Статус', en: 'Status' },
  rating: { ru: 'Рейтинг', en: 'Rating' },
  lastName: { ru: 'Фамилия', en: 'Last name' },
  firstName: { ru: 'Имя', en: 'First name' },
  middleName: { ru: 'Отчество', en: 'Middle name' },
  birthDate: { ru: 'Дата рождения', en: 'Birth date' },
  timeZone: { ru: 'Часовой пояс', en: 'Time zone' },
  accountId: { ru: 'ID компании', en: 'Account ID' },
  jobTitle: { ru: 'Должность', en: 'Job title' },
  department: { ru: 'Отдел', en: 'Department' },
  company: { ru: 'Компания', en: 'Company' },
  title: { ru: 'Название', en: 'Title' },
  needs: { ru: 'Потребность', en: 'Needs' },
  contactIds: { ru: 'ID контактов', en: 'Contact IDs' },
  expectedCloseDate: { ru: 'Плановая дата закрытия', en: 'Expected close date' },
  amount: { ru: 'Сумма', en: 'Amount' },
  lines: { ru: 'Позиции', en: 'Order lines' },
  stage: { ru: 'Этап', en: 'Stage' },
  lostReason: { ru: 'Причина проигрыша', en: 'Lost reason' },
  sku: { ru: 'Артикул', en: 'SKU' },
  kind: { ru: 'Вид', en: 'Kind' },
  unit: { ru: 'Ед. изм.', en: 'Unit' },
  price: { ru: 'Цена', en: 'Price' },
  vatRate: { ru: 'НДС, %', en: 'VAT, %' },
  subject: { ru: 'Тема', en: 'Subject' },
  priority: { ru: 'Приоритет', en: 'Priority' },
  channel: { ru: 'Канал', en: 'Channel' },
  contactId: { ru: 'ID контакта', en: 'Contact ID' },
  dueAt: { ru: 'Срок', en: 'Due' },
  durationMinutes: { ru: 'Длительность, мин', en: 'Duration, min' },
  reminderAt: { ru: 'Напоминание', en: 'Reminder' },
  budget: { ru: 'Бюджет', en: 'Budget' },
  outcome: { ru: 'Результат', en: 'Outcome' },
  nextStep: { ru: 'Следующий шаг', en: 'Next step' },
  regarding: { ru: 'Относится к', en: 'Regarding' },
  emailOptOut: { ru: 'Отказ от рассылки', en: 'Email opt-out' },
  topic: { ru: 'Тема', en: 'Topic' },
  message: { ru: 'Сообщение', en: 'Message' },
  qualification: { ru: 'Квалификация', en: 'Qualification' },
  bio: { ru: 'О себе', en: 'About' },
  family: { ru: 'Семья', en: 'Family' },
  interests: { ru: 'Интересы', en: 'Interests' },
  socialLinks: { ru: 'Соцсети', en: 'Social links' },
  category: { ru: 'Категория', en: 'Category' },
  available: { ru: 'Доступен', en: 'Available' },
  ownerId: { ru: 'Ответственный', en: 'Owner' },
  ownerEmail: { ru: 'Email ответственного', en: 'Owner email' },
  accountName: { ru: 'Компания', en: 'Company' },
  createdAt: { ru: 'Создан', en: 'Created' },
  updatedAt: { ru: 'Изменён', en: 'Updated' },
};

const currencyHeader = { ru: 'Валюта', en: 'Currency' };

const headerOf = (key: string, locale: Locale): string => headers[key]?.[locale] ?? key;

const isMoney = (value: unknown): value is { amount: number; currency: string } =>
  typeof value === 'object' && value !== null && typeof (value as { amount?: unknown }).amount === 'number' && typeof (value as { currency?: unknown }).currency === 'string';

/** One cell from any stored value: entries joined, links as `type:id`, dates as stored (ISO). */
export function cellOf(value: unknown): ExportCell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isMoney(value)) return value.amount;
  if (Array.isArray(value)) return value.map((entry) => textOf(entry)).filter(Boolean).join('; ') || null;
  return textOf(value);
}

function textOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value ?? '');
  const entry = value as Record<string, unknown>;
  // A phone as the person typed it, when that was kept beside the normalised number.
  if (typeof entry.number === 'string') return typeof entry.typed === 'string' ? entry.typed : entry.number;
  if (typeof entry.address === 'string') return entry.address;
  if (typeof entry.line === 'string') return [entry.postalCode, entry.country, entry.region, entry.city, entry.line].filter(Boolean).join(', ');
  if (typeof entry.type === 'string' && typeof entry.id === 'string') return `${entry.type}:${entry.id}`;
  if (typeof entry.productId === 'string') return `${String(entry.name ?? entry.productId)} × ${String(entry.quantity ?? '')}`;
  if (isMoney(value)) return `${value.amount} ${value.currency}`;
  // A case's rating by its client.
  if (typeof entry.score === 'number') return [`${entry.score}/5`, entry.comment].filter(Boolean).join(' ');
  return JSON.stringify(value);
}

/** How the record types' own fields are shown; money fields also get a currency column. */
const fieldFormats: Record<string, CellFormat> = {
  annualRevenue: 'money',
  amount: 'money',
  price: 'money',
  budget: 'money',
  birthDate: 'date',
  expectedCloseDate: 'date',
  dueAt: 'datetime',
  reminderAt: 'datetime',
  createdAt: 'datetime',
  updatedAt: 'datetime',
};

const customFormats: Partial<Record<CustomField['type'], CellFormat>> = { money: 'money', date: 'date' };

/** The kinds of phones and emails that get a column each, in the type's own order. */
const entryKinds: Partial<Record<RecordType, Partial<Record<'phones' | 'emails', readonly string[]>>>> = {
  contact: { phones: contactPhoneKinds, emails: contactEmailKinds },
  account: { phones: accountPhoneKinds },
};

/** Headers of those columns: the names the importer's fields go by (import-fields.ts). */
const entryHeaders: Record<'phones' | 'emails', Record<string, { ru: string; en: string }>> = {
  phones: {
    work: { ru: 'Рабочий телефон', en: 'Work phone' },
    mobile: { ru: 'Мобильный телефон', en: 'Mobile phone' },
    home: { ru: 'Домашний телефон', en: 'Home phone' },
    other: { ru: 'Другой телефон', en: 'Other phone' },
    fax: { ru: 'Факс', en: 'Fax' },
  },
  emails: {
    work: { ru: 'Email', en: 'Email' },
    personal: { ru: 'Личный email', en: 'Personal email' },
    other: { ru: 'Другой email', en: 'Other email' },
  },
};

type AddressEntry = { kind?: unknown; line?: unknown; city?: unknown; region?: unknown; postalCode?: unknown; country?: unknown };

/** The address kinds that get a column each; the first is the main one, split into its parts. */
const addressKinds: Partial<Record<RecordType, readonly string[]>> = { account: accountAddressKinds, contact: contactAddressKinds };

const addressHeaders: Record<string, { ru: string; en: string }> = {
  line: { ru: 'Адрес', en: 'Address' },
  city: { ru: 'Город', en: 'City' },
  region: { ru: 'Регион', en: 'Region' },
  postalCode: { ru: 'Индекс', en: 'Postal code' },
  country: { ru: 'Страна', en: 'Country' },
  legal: { ru: 'Юридический адрес', en: 'Legal address' },
  postal: { ru: 'Почтовый адрес', en: 'Postal address' },
  shipping: { ru: 'Адрес доставки', en: 'Shipping address' },
  home: { ru: 'Домашний адрес', en: 'Home address' },
  other: { ru: 'Другой адрес', en: 'Other address' },
};

/**
 * Addresses as columns: the main kind's first entry in five (street line and its parts), every
 * other kind in one, its entries as readable text joined by `; `; a second entry of the main kind
 * follows its street line the same way, so nothing is dropped.
 */
function addressColumns(kinds: readonly string[], locale: Locale): ExportColumn[] {
  const [main, ...others] = kinds;
  const of = (r: Record<string, unknown>, kind: string | undefined): AddressEntry[] =>
    Array.isArray(r.addresses) ? (r.addresses as AddressEntry[]).filter((entry) => entry.kind === kind) : [];
  const part = (key: 'city' | 'region' | 'postalCode' | 'country'): ExportColumn => ({ header: addressHeaders[key]![locale], value: (r) => cellOf(of(r, main)[0]?.[key]) });
  return [
    { header: addressHeaders.line![locale], value: (r) => { const [first, ...more] = of(r, main); return cellOf([first?.line, ...more.map(textOf)].filter(Boolean)); } },
    part('city'),
    part('region'),
    part('postalCode'),
    part('country'),
    ...others.map((kind): ExportColumn => ({ header: addressHeaders[kind]?.[locale] ?? `${headerOf('addresses', locale)}: ${kind}`, value: (r) => cellOf(of(r, kind)) })),
  ];
}

/** A list of phones or emails as one column per kind, each holding that kind's entries. */
function entryColumns(list: 'phones' | 'emails', kinds: readonly string[], locale: Locale): ExportColumn[] {
  return kinds.map((kind) => ({
    header: entryHeaders[list][kind]?.[locale] ?? `${headerOf(list, locale)}: ${kind}`,
    value: (r) => cellOf(Array.isArray(r[list]) ? (r[list] as { kind?: unknown }[]).filter((entry) => entry.kind === kind) : undefined),
  }));
}

/** A field's column (with its currency column when it is money); moments are stored in UTC, and their headers say so. */
function columnsOf(header: string, format: CellFormat | undefined, read: (r: Record<string, unknown>) => unknown, locale: Locale): ExportColumn[] {
  const column: ExportColumn = { header: format === 'datetime' ? `${header} (UTC)` : header, value: (r) => cellOf(read(r)), ...(format ? { format } : {}) };
  if (format !== 'money') return [column];
  const currency = (r: Record<string, unknown>): ExportCell => {
    const money = read(r);
    return isMoney(money) ? money.currency : null;
  };
  return [column, { header: `${header}: ${currencyHeader[locale]}`, value: currency }];
}

export function exportColumns<T extends RecordBase>(kind: RecordKind<T>, customFields: readonly CustomField[], locale: Locale): ExportColumn[] {
  const fields = kind.tracked.filter((f) => f !== 'custom' && f !== 'ownerId');
  const own = (field: string): ExportColumn[] => {
    const kinds = entryKinds[kind.type]?.[field as 'phones' | 'emails'];
    if (kinds) return entryColumns(field as 'phones' | 'emails', kinds, locale);
    const addresses = field === 'addresses' ? addressKinds[kind.type] : undefined;
    if (addresses) return addressColumns(addresses, locale);
    // The account by its name too (as the importer links it), when the exporter may see it.
    if (field === 'accountId') return [...columnsOf(headerOf(field, locale), undefined, (r) => r.accountId, locale), { header: headerOf('accountName', locale), value: (r, { accountNames }) => accountNames.get(String(r.accountId)) ?? null }];
    // A lead's one phone, as it was written when that was kept beside the E.164 number.
    const read = field === 'phone' ? (r: Record<string, unknown>) => r.phoneTyped ?? r.phone : (r: Record<string, unknown>) => r[field];
    return columnsOf(headerOf(field, locale), fieldFormats[field], read, locale);
  };
  return [
    ...own('id'),
    ...fields.flatMap(own),
    ...customFields.flatMap((custom) => columnsOf(custom.label, customFormats[custom.type], (r) => (r.custom as Record<string, unknown> | undefined)?.[custom.key], locale)),
    { header: headerOf('ownerId', locale), value: (r, { owners }) => { const owner = owners.get(String(r.ownerId)); return owner ? (owner.name ?? owner.email) : cellOf(r.ownerId); } },
    { header: headerOf('ownerEmail', locale), value: (r, { owners }) => owners.get(String(r.ownerId))?.email ?? null },
    ...own('createdAt'),
    ...own('updatedAt'),
  ];
}
