import type { FieldIssue } from '@shared/api/contracts';
import { isApiError } from '../../api/api-error';
import type { RecordsMessages } from '../records-messages';

/**
 * Validation issues (the shared zod schemas' on the client, the API's `error.fields` from the
 * server, both by dotted path: `phones.1.number`, `custom.segment`) put on the form's fields and
 * said in the user's language. A form's field key is the path itself, or the part of it a
 * feature maps (`fieldOf`).
 */
export interface Issue {
  path: string;
  code: string;
  message: string;
  maximum?: number;
}

export type FormErrors = Record<string, string>;

export function issuesOfZod(issues: readonly { path: PropertyKey[]; code: string; message: string; maximum?: unknown }[]): Issue[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
    ...(typeof issue.maximum === 'number' ? { maximum: issue.maximum } : {}),
  }));
}

export const issuesOfApi = (fields: FieldIssue[]): Issue[] => fields.map(({ path, code, message }) => ({ path, code, message }));

const last = (path: string): string => path.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? path;

/** An issue in words: by its code, and for format errors by what the field holds. */
export function issueText(issue: Issue, m: RecordsMessages): string {
  const e = m.form.errors;
  const field = last(issue.path);
  const { code, message } = issue;
  if (code === 'cycle' || code === 'too_deep') return e.loop;
  if (code === 'not_found') return e.notFound;
  if (code === 'not_yours') return e.notYours;
  if (code === 'merged') return e.merged;
  if (code === 'required_to_complete') return e.required;
  if (field === 'ownerId' && /no such user/i.test(message)) return e.unknownUser;
  if (code === 'too_small') return /array|element|item/i.test(message) && !/string/i.test(message) ? e.invalidValue : e.required;
  if (code === 'too_big') return typeof issue.maximum === 'number' ? (/array|item/i.test(message) ? e.tooMany(issue.maximum) : e.tooLong(issue.maximum)) : message;
  if (code === 'invalid_type') return /undefined/.test(message) ? e.required : field === 'employees' || field === 'rating' || field === 'durationMinutes' || field === 'amount' ? e.invalidNumber : e.invalidValue;
  if (code === 'invalid_value' || code === 'invalid_enum_value') return e.invalidValue;
  if (field === 'email' || field === 'address') return e.invalidEmail;
  if (field === 'number' || field === 'phone') return e.invalidPhone;
  if (field === 'taxId') return e.invalidTaxId;
  if (field === 'kpp') return e.invalidKpp;
  if (field === 'website' || field === 'url') return e.invalidUrl;
  if (field === 'postalCode') return e.invalidPostalCode;
  if (field === 'timeZone') return e.invalidTimeZone;
  if (field === 'birthDate' || field === 'expectedCloseDate' || field === 'dueAt' || field === 'reminderAt') return e.invalidDate;
  if (code === 'invalid_format' || code === 'invalid_string') return e.invalidValue;
  return message;
}

/**
 * Field errors (the first issue of each field wins) and the issues no field shows. `fieldOf`
 * maps a path to the form's key; by default the path itself when the form has it.
 */
export function placeIssues(issues: Issue[], m: RecordsMessages, known: (key: string) => boolean, fieldOf: (path: string) => string | undefined = (p) => p): { fields: FormErrors; other: string[] } {
  const fields: FormErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const key = candidates(issue.path, fieldOf).find(known);
    const text = issueText(issue, m);
    if (key) fields[key] ??= text;
    else other.push(issue.path && issue.path !== 'body' ? `${issue.path}: ${text}` : text);
  }
  return { fields, other };
}

/** `phones.1.number` → the mapped path, then `phones.1`, then `phones`: the most precise field the form has. */
function candidates(path: string, fieldOf: (path: string) => string | undefined): string[] {
  const parts = path.split('.');
  const out: string[] = [];
  for (let n = parts.length; n > 0; n--) {
    const mapped = fieldOf(parts.slice(0, n).join('.'));
    if (mapped) out.push(mapped);
  }
  return out;
}

/** A failed save's `onError`: the API's field issues go next to the fields (the rest is the `SaveNotice`'s). */
export const showApiIssues =
  (form: { showIssues: (issues: Issue[]) => void }) =>
  (error: unknown): void => {
    if (isApiError(error) && error.fields.length > 0) form.showIssues(issuesOfApi(error.fields));
  };
