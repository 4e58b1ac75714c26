import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { Locale } from '@shared/i18n/locale';
import type { Formatters } from '../../i18n/formatters';
import type { RecordsMessages } from '../records-messages';
import { formatDay, isMoney } from '../shared/format';

/** A custom field's value in words: option labels, yes/no, money, dates; empty → undefined. */
export function customValueText(field: CustomField, value: unknown, ctx: { m: RecordsMessages; format: Formatters; locale: Locale }): string | undefined {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return undefined;
  if (field.type === 'select' && typeof value === 'string') return field.options?.find((o) => o.value === value)?.label ?? value;
  if (field.type === 'multiselect' && Array.isArray(value)) return value.map((v) => field.options?.find((o) => o.value === v)?.label ?? String(v)).join(', ');
  if (field.type === 'boolean' && typeof value === 'boolean') return value ? ctx.m.common.yes : ctx.m.common.no;
  if (field.type === 'money' && isMoney(value)) return ctx.format.money(value);
  if (field.type === 'date' && typeof value === 'string') return formatDay(value, ctx.locale);
  if (field.type === 'number' && typeof value === 'number') return ctx.format.number(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
