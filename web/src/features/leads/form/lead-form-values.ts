import { currencies, type Lead, type UpdateLeadInput } from '@shared/domain/leads/lead';
import type { LeadChannel, OpenLeadStatus, Qualification } from '@shared/domain/leads/lead-process';
import { isOpenStatus } from '@shared/domain/leads/lead-process';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { CreateLeadBody } from '../shared/use-lead';
import { customInputsOf, type CustomInputs } from '../../../records/custom/custom-form';
import { customPatchOf } from '../../../records/form/record-form';

/**
 * The lead form as the inputs hold it (strings, a checkbox), and its conversion to the API's
 * create body and update patch. Validation is the shared zod schemas' job (lead-form-errors.ts).
 */
export type Currency = (typeof currencies)[number];

export const textFields = ['lastName', 'firstName', 'middleName', 'jobTitle', 'company', 'email', 'phone', 'topic', 'message'] as const;
export type TextField = (typeof textFields)[number];

export type LeadFormValues = Record<TextField, string> & {
  budgetAmount: string;
  budgetCurrency: Currency;
  qualification: Qualification | '';
  ownerId: string;
  /** Edit only: moves between the open statuses. */
  status: OpenLeadStatus | '';
  /** Create only: the source and the consent are set once. */
  channel: LeadChannel;
  campaign: string;
  consentGiven: boolean;
  consentText: string;
  /** Custom field values (REC-9) as the inputs hold them; see records/custom/custom-form.ts. */
  custom: CustomInputs;
};
export type LeadFormField = keyof LeadFormValues;

export const defaultCurrency = (configured: string): Currency =>
  (currencies as readonly string[]).includes(configured) ? (configured as Currency) : 'RUB';

export function emptyLeadFormValues(currency: Currency, customFields: readonly CustomField[] = []): LeadFormValues {
  return {
    lastName: '',
    firstName: '',
    middleName: '',
    jobTitle: '',
    company: '',
    email: '',
    phone: '',
    topic: '',
    message: '',
    budgetAmount: '',
    budgetCurrency: currency,
    qualification: '',
    ownerId: '',
    status: '',
    channel: 'other',
    campaign: '',
    consentGiven: false,
    consentText: '',
    custom: customInputsOf(customFields, undefined, '.', currency),
  };
}

/** An amount as a person types it: no grouping, two decimals when there are kopecks, the locale's decimal mark. */
export function amountInput(amount: number, decimalMark: '.' | ','): string {
  const text = Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
  return decimalMark === ',' ? text.replace('.', ',') : text;
}

export function leadFormValuesOf(lead: Lead, currency: Currency, decimalMark: '.' | ',' = '.', customFields: readonly CustomField[] = []): LeadFormValues {
  const empty = emptyLeadFormValues(lead.budget?.currency ?? currency);
  const text = Object.fromEntries(textFields.map((field) => [field, lead[field] ?? ''])) as Record<TextField, string>;
  return {
    ...empty,
    ...text,
    // Edited as it was written; the API stores it in E.164 again.
    phone: lead.phoneTyped ?? lead.phone ?? '',
    budgetAmount: lead.budget ? amountInput(lead.budget.amount, decimalMark) : '',
    qualification: lead.qualification ?? '',
    ownerId: lead.ownerId,
    status: isOpenStatus(lead.status) ? lead.status : '',
    channel: lead.source.channel,
    campaign: lead.source.campaign ?? '',
    custom: customInputsOf(customFields, lead.custom, decimalMark, currency),
  };
}

/**
 * "1 500 000,50", "1,500,000.50" and "1500000.5" → 1500000.5: spaces and thousands separators go,
 * the last comma or dot followed by one or two digits is the decimal mark. Anything else that is
 * not a number stays NaN, for the schema to reject.
 */
export function parseAmount(input: string): number {
  let text = input.replace(/[\s\u00a0\u202f']/g, '');
  if (text.includes(',') && text.includes('.')) {
    text = text.lastIndexOf(',') > text.lastIndexOf('.') ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (text.includes(',')) {
    text = /^-?\d*,\d{1,2}$/.test(text) ? text.replace(',', '.') : text.replace(/,/g, '');
  }
  return text === '' ? Number.NaN : Number(text);
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/** The editable fields shared by create and update, absent when empty. */
function commonFields(values: LeadFormValues) {
  const text = Object.fromEntries(textFields.flatMap((field) => (optional(values[field]) === undefined ? [] : [[field, values[field]]])));
  return {
    ...(text as Partial<Record<TextField, string>>),
    ...(values.budgetAmount.trim() !== '' ? { budget: { amount: parseAmount(values.budgetAmount), currency: values.budgetCurrency } } : {}),
    ...(values.qualification ? { qualification: values.qualification } : {}),
    ...(values.ownerId ? { ownerId: values.ownerId } : {}),
  };
}

/** `custom`: the values filled in, as `customValuesOf` reads them from `values.custom`. */
export function createBodyOf(values: LeadFormValues, custom?: Record<string, unknown>): CreateLeadBody {
  return {
    ...commonFields(values),
    ...(custom ? { custom } : {}),
    source: { channel: values.channel, ...(optional(values.campaign) ? { campaign: values.campaign } : {}) },
    ...(values.consentGiven ? { consent: { given: true, ...(optional(values.consentText) ? { text: values.consentText } : {}) } } : {}),
  };
}

/**
 * Only what changed, with the version the user started from. The API cannot empty a standard
 * field yet, so those the user cleared are reported instead of silently kept; a cleared custom
 * value is sent as `null`, which removes it. `custom`: the values as read from the form now and
 * when editing began (by the same function, so formatting alone never counts as a change).
 */
export function updatePatchOf(
  values: LeadFormValues,
  lead: Lead,
  custom: { next: Record<string, unknown> | undefined; before: Record<string, unknown> | undefined },
): { patch: UpdateLeadInput; cleared: LeadFormField[] } {
  const next: Record<string, unknown> = { ...commonFields(values), ...(values.status ? { status: values.status } : {}) };
  const patch: Record<string, unknown> = { version: lead.version };
  const cleared: LeadFormField[] = [];
  const compared = [...textFields, 'budget', 'qualification', 'ownerId', 'status'] as const;
  for (const field of compared) {
    const before = lead[field];
    const after = next[field];
    if (after === undefined) {
      if (before !== undefined && before !== '') cleared.push(field === 'budget' ? 'budgetAmount' : field);
    } else if (JSON.stringify(after) !== JSON.stringify(before)) {
      patch[field] = after;
    }
  }
  const customPatch = customPatchOf(custom.next, custom.before);
  if (customPatch) patch.custom = customPatch;
  return { patch: patch as UpdateLeadInput, cleared };
}
