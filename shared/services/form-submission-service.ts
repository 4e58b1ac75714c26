import { ConditionFailed, commitChange, type GuardedPut } from '../data/change-set';
import { getFormCached, toFormEmailMark, type FormEmailMark } from '../data/forms-repository';
import { entities, formKeys } from '../data/keys';
import { getLeadFollowingMerges, leadChangeSet } from '../data/leads-repository';
import { withinRateLimit } from '../data/rate-limit';
import type { Actor } from '../domain/common/actor';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { DomainError, notFound } from '../domain/common/errors';
import type { Form } from '../domain/forms/form';
import { assignOwner, interpretSubmission, isOriginAllowed, type PostedFields, type SubmissionMeta } from '../domain/forms/submission';
import type { CreateLeadInput, Lead } from '../domain/leads/lead';
import { entry, event, type CommandContext } from '../domain/common/change';
import { createLead, storedPhone, type LeadChange } from '../domain/leads/lead-commands';
import { isOpenStatus } from '../domain/leads/lead-process';
import { leadRef } from '../events/contracts';

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
  if (!email) return createFromForm(form, actor, input, extras, ctx, () => []);

  let mark: FormEmailMark;
  try {
    const windowStart = new Date(now.getTime() - repeatWindowMs).toISOString();
    return await createFromForm(form, actor, input, extras, ctx, (leadId) => [emailMark(email, leadId, now, { notCapturedSince: windowStart })]);
  } catch (error) {
    if (!(error instanceof ConditionFailed) || error.putIndex !== 1 || !error.current) throw error;
    mark = toFormEmailMark(error.current);
  }

  // A lead merged into another since: the repeat goes to the survivor.
  const recent = await getLeadFollowingMerges(mark.leadId);
  if (!recent) {
    // The lead the mark points at is gone: this post starts a new one.
    return createFromForm(form, actor, input, extras, ctx, (leadId) => [emailMark(email, leadId, now, { leadId: mark.leadId })]);
  }
  const change = resubmission(recent, input, extras, form, ctx);
  await commitChange(leadChangeSet(change, recent, [emailMark(email, recent.id, now, { leadId: mark.leadId })]));
  return { outcome: 'updated', leadId: recent.id };
}

async function createFromForm(
  form: Form,
  actor: Actor,
  input: CreateLeadInput,
  extras: Record<string, string>,
  ctx: CommandContext,
  marks: (leadId: string) => GuardedPut[],
): Promise<{ outcome: 'created'; leadId: string }> {
  const created = createLead(input, ctx, form.createdBy);
  const lead: Lead = { ...created.lead, ownerId: assignOwner(form.ownerIds, form.createdBy, created.lead.id), submissionCount: 1 };
  const change: LeadChange = {
    lead,
    history: entry(ctx, 'captured', { ...(input.message ? { note: input.message } : {}), data: captureData(form, extras) }),
    events: [
      event(ctx, 'LeadCreated', { lead: leadRef(lead), channel: 'website', actorId: actor.id }),
      event(ctx, 'LeadCaptured', { lead: leadRef(lead), formId: form.id, ...(lead.source.campaign ? { campaign: lead.source.campaign } : {}) }),
    ],
  };
  await commitChange(leadChangeSet(change, undefined, marks(lead.id)));
  return { outcome: 'created', leadId: lead.id };
}

/** The same person again: count it, fill what the lead lacked, and say so on the timeline. */
function resubmission(lead: Lead, input: CreateLeadInput, extras: Record<string, string>, form: Form, ctx: CommandContext): LeadChange {
  const fillable = ['firstName', 'lastName', 'middleName', 'company', 'jobTitle', 'phone', 'topic'] as const;
  const filled = isOpenStatus(lead.status)
    ? Object.fromEntries(fillable.filter((f) => lead[f] === undefined && input[f] !== undefined).map((f) => [f, input[f]]))
    : {};
  const phone = typeof filled.phone === 'string' ? storedPhone(filled.phone) : {};
  if (phone.phone) filled.phone = phone.phone;
  const updated: Lead = {
    ...lead,
    ...filled,
    ...(phone.phoneTyped ? { phoneTyped: phone.phoneTyped } : {}),
    submissionCount: lead.submissionCount + 1,
    updatedAt: ctx.now.toISOString(),
    version: lead.version + 1,
  };
  return {
    lead: updated,
    history: entry(ctx, 'resubmitted', {
      ...(input.message ? { note: input.message } : {}),
      changes: Object.entries(filled).map(([field, to]) => ({ field, to })),
      data: captureData(form, extras),
    }),
    events: [event(ctx, 'LeadResubmitted', { lead: leadRef(updated), formId: form.id, submissionCount: updated.submissionCount })],
  };
}

/**
 * What a capture's timeline entry records: the CRM's own facts about it (the form) beside what the
 * visitor posted beyond the mapped fields. Those stay data — a list of names and values under
 * `posted` — and never become keys of the entry, however the site named them (`formId`, `ownerId`,
 * `pk`, `constructor`, `__proto__`: as keys of a stored map the last two would not even store).
 */
function captureData(form: Form, extras: Record<string, string>): Record<string, unknown> {
  const posted = Object.entries(extras).map(([name, value]) => ({ name, value }));
  return { formId: form.id, ...(posted.length ? { posted } : {}) };
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
