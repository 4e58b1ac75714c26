import { currencies } from '@shared/domain/common/values';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { RecordsMessages } from '../records-messages';
import { numberOrText, numberText } from '../form/record-form';

/**
 * Custom field values (REC-9) as the form's inputs hold them and as the API takes them: text,
 * number and date as strings, yes/no as '' | 'true' | 'false' (so it can be left unset), a
 * multi-select as the chosen values, money as amount text and currency.
 */
export type CustomInput = string | string[] | { amount: string; currency: string };
export type CustomInputs = Record<string, CustomInput>;

export function customInputsOf(fields: readonly CustomField[], values: Record<string, unknown> | undefined, decimal: ',' | '.', currency: string): CustomInputs {
  const out: CustomInputs = {};
  for (const field of fields) {
    const value = values?.[field.key];
    switch (field.type) {
      case 'multiselect':
        out[field.key] = Array.isArray(value) ? value.map(String) : [];
        break;
      case 'money': {
        const money = value as { amount?: unknown; currency?: unknown } | undefined;
        out[field.key] = {
          amount: typeof money?.amount === 'number' ? numberText(money.amount, decimal) : '',
          currency: typeof money?.currency === 'string' ? money.currency : currency,
        };
        break;
      }
      case 'boolean':
        out[field.key] = value === true ? 'true' : value === false ? 'false' : '';
        break;
      case 'number':
        out[field.key] = typeof value === 'number' ? numberText(value, decimal) : '';
        break;
      default:
        out[field.key] = typeof value === 'string' ? value : '';
    }
  }
  return out;
}

/**
 * The API's `custom` map of the values filled in, and the problems found before asking the API:
 * a number that is not one, a required field left empty (`requireAll`: on create).
 */
export function customValuesOf(
  fields: readonly CustomField[],
  inputs: CustomInputs,
  m: RecordsMessages,
  requireAll: boolean,
): { values: Record<string, unknown> | undefined; errors: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const input = inputs[field.key];
    const key = `custom.${field.key}`;
    let value: unknown;
    if (field.type === 'multiselect') value = Array.isArray(input) && input.length > 0 ? input : undefined;
    else if (field.type === 'money') {
      const money = typeof input === 'object' && !Array.isArray(input) ? input : undefined;
      const amount = money ? numberOrText(money.amount) : undefined;
      if (typeof amount === 'string') errors[key] = m.form.errors.invalidNumber;
      else if (amount !== undefined) value = { amount, currency: (currencies as readonly string[]).includes(money?.currency ?? '') ? money?.currency : 'RUB' };
    } else if (typeof input === 'string') {
      const text = input.trim();
      if (text !== '') {
        if (field.type === 'number') {
          const n = numberOrText(text);
          if (typeof n === 'number') value = n;
          else errors[key] = m.form.errors.invalidNumber;
        } else if (field.type === 'boolean') value = text === 'true';
        else value = text;
      }
    }
    if (value !== undefined) values[field.key] = value;
    else if (field.required && requireAll && !errors[key]) errors[key] = m.form.errors.required;
  }
  return { values: Object.keys(values).length > 0 ? values : undefined, errors };
}

export const customKeys = (fields: readonly CustomField[]): string[] => fields.map((field) => `custom.${field.key}`);
