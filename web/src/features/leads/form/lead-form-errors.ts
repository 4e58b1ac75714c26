import type { Messages } from '../../../i18n/messages';
import type { FormErrors, Issue } from '../../../records/form/form-errors';
import { textFields, type LeadFormField } from './lead-form-values';

/**
 * Validation issues (the records kit's: the shared zod schema's on the client, the API's
 * `error.fields` from the server) placed on the lead form's fields by their dotted path, and said
 * in the lead form's words.
 */
export type LeadFormErrors = FormErrors;
/** A custom field's error sits under its path, as the API names it. */
type CustomErrorKey = `custom.${string}`;

const direct: readonly string[] = [...textFields, 'qualification', 'ownerId', 'status'];

export function fieldOfPath(path: string): LeadFormField | CustomErrorKey | undefined {
  const [head, sub] = path.split('.');
  if (!head) return undefined;
  if (head === 'custom' && sub) return `custom.${sub}`;
  if (direct.includes(head)) return head as LeadFormField;
  if (head === 'budget') return sub === 'currency' ? 'budgetCurrency' : 'budgetAmount';
  if (head === 'source') return sub === 'campaign' ? 'campaign' : 'channel';
  if (head === 'consent') return sub === 'text' ? 'consentText' : 'consentGiven';
  return undefined;
}

export function issueMessage(field: LeadFormField | CustomErrorKey | undefined, issue: Issue, t: Messages): string {
  const { code } = issue;
  if (code === 'custom' && field === 'lastName') return t.errors.nameOrCompany;
  if (code === 'custom' && field === 'email' && /email or a phone/.test(issue.message)) return t.errors.emailOrPhone;
  if (field === 'email' && (code === 'invalid_format' || code === 'invalid_string')) return t.errors.invalidEmail;
  if (field === 'phone' && (code === 'invalid_format' || code === 'custom')) return t.errors.invalidPhone;
  if (field === 'budgetAmount' && code !== 'unrecognized_keys') return t.errors.invalidNumber;
  if (field === 'ownerId' && /no such user/i.test(issue.message)) return t.errors.unknownUser;
  if (field?.startsWith('custom.') && code === 'invalid_type') return /undefined/.test(issue.message) ? t.errors.required : t.errors.invalidValue;
  if (code === 'too_small') return t.errors.required;
  if (code === 'too_big') return issue.maximum ? t.errors.tooLong(issue.maximum) : issue.message;
  if (code === 'invalid_value' || code === 'invalid_enum_value') return t.errors.invalidValue;
  return issue.message;
}

/** Field errors (the first issue of each field wins) and the issues no field shows. */
export function placeIssues(issues: Issue[], t: Messages): { fields: LeadFormErrors; other: string[] } {
  const fields: LeadFormErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = fieldOfPath(issue.path);
    const message = issueMessage(field, issue, t);
    if (field) fields[field] ??= message;
    else other.push(issue.path && issue.path !== 'body' ? `${issue.path}: ${message}` : message);
  }
  return { fields, other };
}
