import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { currencies } from '@shared/domain/common/values';

/**
 * Custom field values (REC-9) as a form holds them, and back: numbers and money as typed text,
 * yes/no as '' | 'true' | 'false' (unset is a state of its own), multiselects as lists.
 */
export type CustomDraft = string | string[] | { amount: string; currency: (typeof currencies)[number] };

const numberText = (n: number, decimalMark: string): string => String(n).replace('.', decimalMark);

const parse = (text: string): number | undefined => {
  const trimmed = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (trimmed === '') return undefined;
  return /^-?\d*\.?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
};

export function customDraftsOf(fields: readonly CustomField[], values: Record<string, unknown>, decimalMark: string): Record<string, CustomDraft> {
  const out: Record<string, CustomDraft> = {};
  for (const field of fields) {
    const value = values[field.key];
    if (value === undefined || value === null) continue;
    if (field.type === 'number' && typeof value === 'number') out[field.key] = numberText(value, decimalMark);
    else if (field.type === 'money' && typeof value === 'object' && 'amount' in value && 'currency' in value) {
      const money = value as { amount: number; currency: (typeof currencies)[number] };
      out[field.key] = { amount: numberText(money.amount, decimalMark), currency: money.currency };
    } else if (field.type === 'boolean' && typeof value === 'boolean') out[field.key] = value ? 'true' : 'false';
    else if (field.type === 'multiselect' && Array.isArray(value)) out[field.key] = value.map(String);
    else if (typeof value === 'string') out[field.key] = value;
  }
  return out;
}

/** The values the API takes; blank ones are left out. What does not parse goes as NaN, for the schema to refuse. */
export function customValuesOf(fields: readonly CustomField[], drafts: Record<string, CustomDraft>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const draft = drafts[field.key];
    if (draft === undefined) continue;
    if (Array.isArray(draft)) {
      if (draft.length) out[field.key] = draft;
    } else if (typeof draft === 'object') {
      const amount = parse(draft.amount);
      if (amount !== undefined) out[field.key] = { amount, currency: draft.currency };
    } else if (draft.trim() !== '') {
      if (field.type === 'number') out[field.key] = parse(draft);
      else if (field.type === 'boolean') out[field.key] = draft === 'true';
      else out[field.key] = field.type === 'text' ? draft.trim() : draft;
    }
  }
  return out;
}
