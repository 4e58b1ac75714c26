import type { CustomField } from '../custom-fields/custom-field';
import type { Locale } from '../../i18n/locale';
import type { RecordBase, RecordKind } from '../records/record-type';

/**
 * A list exported to a spreadsheet (REC-11): one column per field the type tracks, then its custom
 * fields, then who owns it and when it was made. Lists of phones, emails and addresses become one
 * readable cell each; money is an amount column and a currency column, so the numbers sum in
 * Excel. Formula neutralisation is the writer's (spreadsheet-writer.ts), on every text cell.
 */
export type ExportCell = string | number | boolean | null;

export interface ExportColumn {
  header: string;
  value: (record: Record<string, unknown>, owners: ReadonlyMap<string, string>) => ExportCell;
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
  outcome: { ru: 'Результат', en: 'Outcome' },
  nextStep: { ru: 'Следующий шаг', en: 'Next step' },
  regarding: { ru: 'Относится к', en: 'Regarding' },
  emailOptOut: { ru: 'Отказ от рассылок', en: 'Email opt-out' },
  ownerId: { ru: 'Ответственный', en: 'Owner' },
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
  if (typeof entry.number === 'string') return entry.number;
  if (typeof entry.address === 'string') return entry.address;
  if (typeof entry.line === 'string') return [entry.postalCode, entry.country, entry.region, entry.city, entry.line].filter(Boolean).join(', ');
  if (typeof entry.type === 'string' && typeof entry.id === 'string') return `${entry.type}:${entry.id}`;
  if (typeof entry.productId === 'string') return `${String(entry.name ?? entry.productId)} × ${String(entry.quantity ?? '')}`;
  if (isMoney(value)) return `${value.amount} ${value.currency}`;
  // A case's rating by its client.
  if (typeof entry.score === 'number') return [`${entry.score}/5`, entry.comment].filter(Boolean).join(' ');
  return JSON.stringify(value);
}

/** Fields that are money get an amount column and a currency column. */
const moneyFields = new Set(['annualRevenue', 'amount', 'price']);

export function exportColumns<T extends RecordBase>(kind: RecordKind<T>, customFields: readonly CustomField[], locale: Locale): ExportColumn[] {
  const fields = kind.tracked.filter((f) => f !== 'custom' && f !== 'ownerId');
  const columns: ExportColumn[] = [{ header: headerOf('id', locale), value: (r) => cellOf(r.id) }];
  for (const field of fields) {
    columns.push({ header: headerOf(field, locale), value: (r) => cellOf(r[field]) });
    if (moneyFields.has(field)) {
      columns.push({ header: `${headerOf(field, locale)}: ${currencyHeader[locale]}`, value: (r) => (isMoney(r[field]) ? r[field].currency : null) });
    }
  }
  for (const custom of customFields) {
    columns.push({ header: custom.label, value: (r) => cellOf((r.custom as Record<string, unknown> | undefined)?.[custom.key]) });
  }
  columns.push(
    { header: headerOf('ownerId', locale), value: (r, owners) => owners.get(String(r.ownerId)) ?? cellOf(r.ownerId) },
    { header: headerOf('createdAt', locale), value: (r) => cellOf(r.createdAt) },
    { header: headerOf('updatedAt', locale), value: (r) => cellOf(r.updatedAt) },
  );
  return columns;
}
