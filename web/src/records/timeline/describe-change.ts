import type { TimelineEntry } from '@shared/api/contracts';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { Locale } from '@shared/i18n/locale';
import type { Formatters } from '../../i18n/formatters';
import type { Messages } from '../../i18n/messages';
import type { RecordsMessages } from '../records-messages';
import { customValueText } from '../custom/custom-value';
import { addressText, formatDay, isMoney, type AddressLike } from '../shared/format';

/**
 * A timeline change's field name and its old or new value in words: enum labels, owner names,
 * money, dates, lists of phones and addresses, custom fields (`custom.<key>`) by their definitions.
 */
export interface ChangeContext {
  m: RecordsMessages;
  t: Messages;
  format: Formatters;
  locale: Locale;
  userName: (id: string) => string;
  customFields: readonly CustomField[];
  /** A feature's own wording of a value (a deal's stage names); undefined falls back to the generic. */
  describe?: (field: string, value: unknown) => string | undefined;
  /** A feature's own facts of an entry (label, value), after the kit's. */
  facts?: (entry: TimelineEntry) => [string, string][];
}

const customKey = (field: string): string | undefined => (field.startsWith('custom.') ? field.slice('custom.'.length) : undefined);

export function changeFieldLabel(field: string, ctx: ChangeContext): string {
  const key = customKey(field);
  if (key) return ctx.customFields.find((f) => f.key === key)?.label ?? key;
  return ctx.m.fields[field] ?? (field in ctx.t.fields ? ctx.t.fields[field as keyof Messages['fields']] : field);
}

const dateFields = new Set(['birthDate', 'expectedCloseDate']);
const dateTimeFields = new Set(['dueAt', 'reminderAt', 'completedAt', 'stageChangedAt']);

function listEntry(item: unknown, ctx: ChangeContext): string {
  if (typeof item !== 'object' || item === null) return String(item);
  const entry = item as Record<string, unknown>;
  const kind = typeof entry.kind === 'string' ? ` (${ctx.m.kinds[entry.kind] ?? entry.kind})` : '';
  if (typeof entry.number === 'string') return `${entry.number}${kind}`;
  if (typeof entry.address === 'string') return `${entry.address}${kind}`;
  if (typeof entry.line === 'string') return `${addressText(entry as unknown as AddressLike)}${kind}`;
  if (typeof entry.network === 'string' && typeof entry.url === 'string') return `${entry.network}: ${entry.url}`;
  if (typeof entry.name === 'string') return entry.name;
  return JSON.stringify(item);
}

export function describeChange(field: string, value: unknown, ctx: ChangeContext): string {
  const { m, t } = ctx;
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return m.timeline.emptyValue;
  const own = ctx.describe?.(field, value);
  if (own !== undefined) return own;
  const key = customKey(field);
  if (key) {
    const definition = ctx.customFields.find((f) => f.key === key);
    if (definition) return customValueText(definition, value, ctx) ?? m.timeline.emptyValue;
  }
  if (typeof value === 'string') {
    if (field === 'ownerId') return ctx.userName(value);
    if (field === 'status') return m.statuses[value] ?? (value in t.statuses ? t.statuses[value as keyof Messages['statuses']] : value);
    if (field === 'qualification' && value in t.qualifications) return t.qualifications[value as keyof Messages['qualifications']];
    if (field === 'leadSource' && value in t.channels) return t.channels[value as keyof Messages['channels']];
    if (field === 'kind' && value in m.kinds) return m.kinds[value] ?? value;
    if (dateFields.has(field)) return formatDay(value, ctx.locale);
    if (dateTimeFields.has(field)) return ctx.format.dateTime(value);
    return value;
  }
  if (typeof value === 'boolean') return value ? m.common.yes : m.common.no;
  if (typeof value === 'number') return ctx.format.number(value);
  if (isMoney(value)) return ctx.format.money(value);
  if (Array.isArray(value)) {
    if (field === 'lines') return m.timeline.items(value.length);
    return value.map((item) => listEntry(item, ctx)).join('; ');
  }
  if (typeof value === 'object' && value !== null && 'type' in value && 'id' in value) return `${String((value as { type: unknown }).type)} ${String((value as { id: unknown }).id)}`;
  return JSON.stringify(value);
}
