import { ConditionFailed, type GuardedPut } from '../data/change-set';
import { getFormCached, toFormEmailMark, type FormEmailMark } from '../data/forms-repository';
import { entities, formKeys } from '../data/keys';
import { getRecordFollowingMerges, saveRecordChange } from '../data/records-repository';
import { withinRateLimit } from '../data/rate-limit';
import type { Actor } from '../domain/common/actor';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { DomainError, notFound } from '../domain/common/errors';
import type { Form } from '../domain/forms/form';
import { interpretSubmission, isOriginAllowed, type PostedFields, type SubmissionMeta } from '../domain/forms/submission';
import { leadKind, type CreateLeadInput } from '../domain/leads/lead';
import type { CommandContext } from '../domain/common/change';
import { captureLead, resubmitLead } from '../domain/leads/lead-capture';

/**
 * Web-to-lead (MKT-1): a public form post becomes a lead, or updates the lead the same email
 * produced within the last day. Checks run cheapest-first and nothing is written for a refused post
 * (only the rate-limit counter, which must count refused posts too).
 */
export interface Submission {
  formId: string;
  fields: PostedFields;
  origin?: string;
  sourceIp: string;
  meta: SubmissionMeta;
  /** The client's default allowed origins, used when the form lists none. */
  defaultOrigins: readonly string[];
}

export type SubmissionOutcome =
  | { outcome: 'created' | 'updated'; leadId: string; form: Form }
  | { outcome: 'ignored'; form: Form };

const repeatWindowMs = 24 * 3600 * 1000;
const maxAttempts = 5;

export async function submitForm(submission: Submission, clock: Clock = systemClock): Promise<SubmissionOutcome> {
  const form = await getFormCached(submission.formId);
  if (!form || !form.enabled) throw notFound('Form');

  const allowed = form.allowedOrigins.length > 0 ? form.allowedOrigins : submission.defaultOrigins;
  if (!isOriginAllowed(submission.origin, allowed)) {
    throw new DomainError('origin_not_allowed', `Posts from ${submission.origin} are not allowed for this form`, {
      fields: [{ path: 'origin', message: 'this site may not post to the form', code: 'origin_not_allowed' }],
    });
  }
  if (!(await withinRateLimit(`form:${form.id}`, submission.sourceIp, form.rateLimitPerMinute, 60, clock.now()))) {
    throw new DomainError('rate_limited', 'Too many submissions from this address; try again in a minute');
  }

  const verdict = interpretSubmission(form, submission.fields, submission.meta);
  if (verdict.kind === 'spam') return { outcome: 'ignored', form };
  if (verdict.kind === 'invalid') {
    throw new DomainError('validation_failed', 'The form was not filled in correctly', { fields: verdict.issues });
  }

  const actor: Actor = { type: 'form', id: form.id, name: form.name };
  for (let attempt = 1; ; attempt++) {
    try {
      return { ...(await captureOnce(form, actor, verdict.lead, verdict.extras, clock)), form };
    } catch (error) {
      // Another submission for the same email or lead won the race: re-read and decide again.
      if (!(error instanceof ConditionFailed) || attempt >= maxAttempts) throw error;
    }
  }
}

/**
 * Creates the lead optimistically: the email mark's condition tells a repeat apart without a read
 * first, and hands back the mark that refused it, so a first post is one transaction and a repeat
 * within the day is a failed one, a lead read and an update.
 */
async function captureOnce(
  form: Form,
  actor: Actor,
  input: CreateLeadInput,
  extras: Record<string, string>,
  clock: Clock,
): Promise<{ outcome: 'created' | 'updated'; leadId: string }> {
  const now = clock.now();
  const ctx: CommandContext = { actor, now, newId: () => newId(now) };
  const email = input.email;
  if (!email) return createFromForm(form, input, extras, ctx, () => []);

  let mark: FormEmailMark;
  try {
    const windowStart = new Date(now.getTime() - repeatWindowMs).toISOString();
    return await createFromForm(form, input, extras, ctx, (leadId) => [emailMark(email, leadId, now, { notCapturedSince: windowStart })]);
  } catch (error) {
    if (!(error instanceof ConditionFailed) || error.putIndex !== 1 || !error.current) throw error;
    mark = toFormEmailMark(error.current);
  }

  // A lead merged into another since: the repeat goes to the survivor.
  const recent = await getRecordFollowingMerges(leadKind, mark.leadId);
  if (!recent) {
    // The lead the mark points at is gone: this post starts a new one.
    return createFromForm(form, input, extras, ctx, (leadId) => [emailMark(email, leadId, now, { leadId: mark.leadId })]);
  }
  const change = resubmitLead(recent, input, extras, form, ctx);
  await saveRecordChange(leadKind, change, recent, [], [emailMark(email, recent.id, now, { leadId: mark.leadId })]);
  return { outcome: 'updated', leadId: recent.id };
}

/** A first post's lead, saved by the kit with the email mark as put 1 (its condition is the day's window). */
async function createFromForm(
  form: Form,
  input: CreateLeadInput,
  extras: Record<string, string>,
  ctx: CommandContext,
  marks: (leadId: string) => GuardedPut[],
): Promise<{ outcome: 'created'; leadId: string }> {
  const change = captureLead(input, form, extras, ctx);
  await saveRecordChange(leadKind, change, undefined, [], marks(change.record.id));
  return { outcome: 'created', leadId: change.record.id };
}

/**
 * The email → lead mark that makes a repeat within a day update instead of duplicate. Its
 * condition serialises racing submissions of one email: exactly one creates, the rest update.
 */
function emailMark(email: string, leadId: string, now: Date, expect: { notCapturedSince: string } | { leadId: string }): GuardedPut {
  const condition =
    'leadId' in expect
      ? { expression: 'leadId = :leadId', values: { ':leadId': expect.leadId } }
      : { expression: 'attribute_not_exists(pk) OR lastCapturedAt < :since', values: { ':since': expect.notCapturedSince } };
  return {
    item: {
      ...formKeys.email(email),
      entity: entities.formEmail,
      leadId,
      lastCapturedAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + 2 * 24 * 3600,
    },
    condition,
  };
}
