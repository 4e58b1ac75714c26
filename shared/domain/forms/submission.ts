import type { FieldIssue } from '../../api/contracts';
import { webUrlSchema } from '../common/values';
import { createLeadSchema, type CreateLeadInput, type Money, type Utm } from '../leads/lead';
import type { Form, MappableLeadField } from './form';
import { splitFullName } from './person-name';

/**
 * Turns the fields a website posted into a lead request, or says why not. Pure: the HTTP parsing
 * happens before, the storage after.
 */
export type PostedFields = Record<string, string[]>;

export interface SubmissionMeta {
  /** The page the form was on (hidden `page_url` field, else the Referer header). */
  pageUrl?: string;
  /** The client's currency, for a posted budget. */
  currency: Money['currency'];
}

export type SubmissionVerdict =
  | { kind: 'spam' }
  | { kind: 'invalid'; issues: FieldIssue[] }
  | { kind: 'valid'; lead: CreateLeadInput; extras: Record<string, string> };

const utmFields = ['source', 'medium', 'campaign', 'term', 'content'] as const;
/** Hidden fields the embeddable snippet fills in; never mapped onto lead fields. */
export const trackingFields = ['page_url', 'referrer', ...utmFields.map((f) => `utm_${f}`)] as const;

const first = (fields: PostedFields, name: string): string | undefined => {
  const value = fields[name]?.find((v) => v.trim() !== '');
  return value?.trim();
};

const truthy = (value: string | undefined): boolean =>
  value !== undefined && !['', '0', 'false', 'no', 'off', 'нет'].includes(value.toLowerCase());

export function interpretSubmission(form: Form, fields: PostedFields, meta: SubmissionMeta): SubmissionVerdict {
  if (first(fields, form.honeypotField) !== undefined) return { kind: 'spam' };

  const issues: FieldIssue[] = [];
  const postedNameOf = new Map<MappableLeadField, string>();
  const mapped: Partial<Record<MappableLeadField, string>> = {};
  for (const [posted, target] of Object.entries(form.fieldMapping)) {
    postedNameOf.set(target, posted);
    const value = first(fields, posted);
    if (value !== undefined) mapped[target] = value;
  }

  for (const required of form.requiredFields) {
    const present = required === 'lastName' || required === 'firstName' ? mapped[required] ?? mapped.fullName : mapped[required];
    if (present === undefined) {
      issues.push({ path: postedNameOf.get(required) ?? required, message: 'this field is required', code: 'required' });
    }
  }
  if (form.consent && !truthy(first(fields, form.consent.field))) {
    issues.push({ path: form.consent.field, message: 'consent to personal-data processing is required', code: 'consent_required' });
  }

  const pageUrl = validUrl(first(fields, 'page_url') ?? meta.pageUrl);
  const referrer = validUrl(first(fields, 'referrer'));
  const utm = collectUtm(fields, pageUrl);
  const budget = mapped.budget === undefined ? undefined : Number(mapped.budget.replace(/\s/g, '').replace(',', '.'));

  const candidate = {
    ...(mapped.fullName ? splitFullName(mapped.fullName) : {}),
    ...pick(mapped, ['firstName', 'lastName', 'middleName', 'company', 'jobTitle', 'email', 'phone', 'topic', 'message']),
    ...(budget !== undefined ? { budget: { amount: budget, currency: meta.currency } } : {}),
    source: {
      channel: 'website' as const,
      formId: form.id,
      ...(form.campaign ?? utm.campaign ? { campaign: form.campaign ?? utm.campaign } : {}),
      ...(Object.keys(utm).length ? { utm } : {}),
      ...(referrer ? { referrer } : {}),
      ...(pageUrl ? { pageUrl } : {}),
    },
    ...(form.consent ? { consent: { given: true, text: form.consent.text } } : {}),
  };

  const parsed = createLeadSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const leadField = String(issue.path[0] ?? '');
      const posted = postedNameOf.get(leadField as MappableLeadField) ?? (leadField === 'budget' ? postedNameOf.get('budget') : undefined);
      const path = posted ?? (['firstName', 'lastName'].includes(leadField) ? postedNameOf.get('fullName') : undefined) ?? leadField;
      if (!issues.some((i) => i.path === path)) issues.push({ path, message: issue.message, code: issue.code });
    }
  }
  if (issues.length > 0 || !parsed.success) return { kind: 'invalid', issues };

  const known = new Set<string>([...Object.keys(form.fieldMapping), form.honeypotField, ...(form.consent ? [form.consent.field] : []), ...trackingFields]);
  const extras = Object.fromEntries(
    Object.entries(fields)
      .filter(([name, values]) => !known.has(name) && values.some((v) => v.trim() !== ''))
      .slice(0, 50)
      .map(([name, values]) => [name.slice(0, 64), values.join(', ').slice(0, 2000)]),
  );
  return { kind: 'valid', lead: parsed.data, extras };
}

function pick<K extends string>(source: Partial<Record<string, string>>, keys: readonly K[]): Partial<Record<K, string>> {
  return Object.fromEntries(keys.flatMap((k) => (source[k] === undefined ? [] : [[k, source[k]]]))) as Partial<Record<K, string>>;
}

/**
 * A tracking address the page or the browser supplied, when it is a web address (the lead's own
 * URL schema); anything else is left out rather than refusing the visitor, who cannot fix it.
 */
function validUrl(value: string | undefined): string | undefined {
  const parsed = webUrlSchema(2000).safeParse(value);
  return parsed.success ? new URL(parsed.data).toString() : undefined;
}

/** UTM tags posted explicitly win; otherwise they are read from the page URL's query string. */
function collectUtm(fields: PostedFields, pageUrl: string | undefined): Utm {
  const fromPage = pageUrl ? new URL(pageUrl).searchParams : undefined;
  const utm: Utm = {};
  for (const name of utmFields) {
    const value = (first(fields, `utm_${name}`) ?? fromPage?.get(`utm_${name}`)?.trim())?.slice(0, 200);
    if (value) utm[name] = value;
  }
  return utm;
}

/** Browsers send Origin on POST; server-to-server posts have none and are judged by other means. */
export function isOriginAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  try {
    return allowed.includes(new URL(origin).origin);
  } catch {
    return false;
  }
}

/** Spreads captured leads over the form's owners evenly without a shared counter to contend on. */
export function assignOwner(ownerIds: readonly string[], fallbackOwnerId: string, leadId: string): string {
  if (ownerIds.length === 0) return fallbackOwnerId;
  let hash = 0;
  for (const char of leadId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return ownerIds[hash % ownerIds.length] ?? fallbackOwnerId;
}
