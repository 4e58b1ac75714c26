import type { Messages } from '../../../i18n/messages';
import type { Formatters } from '../../../i18n/formatters';

/** A timeline change's old or new value in words: enum labels, owner names, money, plain text. */
export function describeChangeValue(field: string, value: unknown, t: Messages, format: Formatters, userName: (id: string) => string): string {
  if (value === undefined || value === null || value === '') return t.timeline.emptyValue;
  if (typeof value === 'string') {
    if (field === 'status' && value in t.statuses) return t.statuses[value as keyof Messages['statuses']];
    if (field === 'qualification' && value in t.qualifications) return t.qualifications[value as keyof Messages['qualifications']];
    if (field === 'ownerId') return userName(value);
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (field === 'budget' && isMoney(value)) return format.money(value);
  return JSON.stringify(value);
}

const isMoney = (value: unknown): value is { amount: number; currency: string } =>
  typeof value === 'object' && value !== null && typeof (value as { amount?: unknown }).amount === 'number' && typeof (value as { currency?: unknown }).currency === 'string';

export function fieldLabel(field: string, t: Messages): string {
  return field in t.fields ? t.fields[field as keyof Messages['fields']] : field;
}
