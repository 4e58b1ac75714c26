import { leadRef, type LeadEvents } from '../../events/contracts';
import { entry, event, type CommandContext } from '../common/change';
import type { Form } from '../forms/form';
import { assignOwner } from '../forms/submission';
import type { RecordChange } from '../records/record-commands';
import type { CreateLeadInput, Lead } from './lead';
import { createLead, storedPhone } from './lead-commands';
import { isOpenStatus } from './lead-process';

/**
 * Web-to-lead's commands (MKT-1, ADR 0004), pure like the other lead commands: a form post becomes a
 * lead (LeadCreated and LeadCaptured), or, the same email again within the day, updates the lead it
 * made (LeadResubmitted). The one-day window itself is the email mark's condition, kept by the service.
 */

/** A first post: a new lead owned by one of the form's owners in turn, its first submission counted. */
export function captureLead(input: CreateLeadInput, form: Form, extras: Record<string, string>, ctx: CommandContext): RecordChange<Lead> {
  const created = createLead(input, ctx, form.createdBy).record;
  const lead: Lead = { ...created, ownerId: assignOwner(form.ownerIds, form.createdBy, created.id), submissionCount: 1 };
  return {
    record: lead,
    history: entry(ctx, 'captured', { ...(input.message ? { note: input.message } : {}), data: captureData(form, extras) }),
    events: [
      event(ctx, 'LeadCreated', { lead: leadRef(lead), channel: 'website', actorId: ctx.actor.id }),
      event(ctx, 'LeadCaptured', { lead: leadRef(lead), formId: form.id, ...(lead.source.campaign ? { campaign: lead.source.campaign } : {}), ...capturedOf(lead) }),
    ],
  };
}

/** The same person again: count it, fill what the lead lacked, and say so on the timeline. */
export function resubmitLead(lead: Lead, input: CreateLeadInput, extras: Record<string, string>, form: Form, ctx: CommandContext): RecordChange<Lead> {
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
    record: updated,
    history: entry(ctx, 'resubmitted', {
      ...(input.message ? { note: input.message } : {}),
      changes: Object.entries(filled).map(([field, to]) => ({ field, to })),
      data: captureData(form, extras),
    }),
    events: [event(ctx, 'LeadResubmitted', { lead: leadRef(updated), formId: form.id, submissionCount: updated.submissionCount })],
  };
}

/** The longest message a LeadCaptured event carries: the email is a heads-up, the card has the rest. */
const eventMessageLength = 500;

/** What the owner's email shows beyond the lead's ref, carried by LeadCaptured so its notifier reads no record. */
function capturedOf(lead: Lead): Pick<LeadEvents['LeadCaptured'], 'captured'> {
  const message = lead.message && lead.message.length > eventMessageLength ? `${lead.message.slice(0, eventMessageLength - 1)}…` : lead.message;
  const parts = Object.entries({ phone: lead.phone, topic: lead.topic, message, utmSource: lead.source.utm?.source, pageUrl: lead.source.pageUrl }).filter(([, value]) => value !== undefined);
  // None at all: no empty map in the stored event (DynamoDB Streams' SDK reading drops an empty map's type).
  return parts.length ? { captured: Object.fromEntries(parts) } : {};
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
