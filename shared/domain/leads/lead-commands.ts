import { leadRef } from '../../events/contracts';
import { entry, event, type CommandContext } from '../common/change';
import { normalisePhone } from '../common/phone';
import { DomainError } from '../common/errors';
import { createRecord, updateRecord, type RecordAnnouncer, type RecordChange } from '../records/record-commands';
import { leadKind, type CreateLeadInput, type Lead, type RejectLeadInput, type UpdateLeadInput } from './lead';
import { isOpenStatus, type OpenLeadStatus } from './lead-process';

/**
 * Leads on the records kit (ADR 0020): what a lead adds to the kit's create and update (its phone
 * stored in E.164, its consent dated, a closed lead left as it is) and to its events (LeadCreated,
 * LeadUpdated on crm.leads), and its own commands, pure like a deal's stage move: each returns the
 * new state, the timeline entry and the events, which the kit's save path persists together.
 */

/**
 * A lead's phone as stored: E.164, found and matched as one number however it was written (REC-11),
 * with the writing kept for display when it differs.
 */
export function storedPhone(phone: string): Pick<Lead, 'phone' | 'phoneTyped'> {
  const stored = normalisePhone(phone);
  return { phone: stored, phoneTyped: phone.trim() !== stored ? phone.trim() : undefined };
}

/** Leaves out fields set to undefined, so a stored lead holds no empty attributes. */
const defined = <T extends object>(fields: T): T => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;

/** A lead announces itself on crm.leads, with its lead ref (and version), as before the kit. */
export const leadAnnouncer: RecordAnnouncer<Lead> = {
  created: (lead, ctx) => event(ctx, 'LeadCreated', { lead: leadRef(lead), channel: lead.source.channel, actorId: ctx.actor.id }),
  updated: (lead, changedFields, ctx) => event(ctx, 'LeadUpdated', { lead: leadRef(lead), changedFields, actorId: ctx.actor.id }),
  createdData: (lead) => ({ channel: lead.source.channel }),
};

/** A new lead's fields, from a create request: new, not yet submitted by a form, its consent dated. */
export function newLeadFields(input: CreateLeadInput, now: Date): Record<string, unknown> {
  const { consent, ...fields } = input;
  return defined({
    ...fields,
    ...(input.phone !== undefined ? storedPhone(input.phone) : {}),
    status: 'new',
    ...(consent ? { consent: { given: consent.given, at: now.toISOString(), ...(consent.text ? { text: consent.text } : {}) } } : {}),
    submissionCount: 0,
  });
}

/** An update's patch as the kit applies it: refused on a closed lead; a phone typed anew replaces the typed form. */
export function leadPatch(current: Lead, patch: Record<string, unknown>): Record<string, unknown> {
  openStatusOf(current);
  if (typeof patch.phone !== 'string') return patch;
  const phone = storedPhone(patch.phone);
  return { ...patch, phone: phone.phone, phoneTyped: phone.phoneTyped ?? null };
}

export function createLead(input: CreateLeadInput, ctx: CommandContext, ownerId: string): RecordChange<Lead> {
  return createRecord(leadKind, newLeadFields(input, ctx.now) as Parameters<typeof createRecord<Lead>>[1], ctx, ownerId, leadAnnouncer);
}

export function updateLead(current: Lead, patch: UpdateLeadInput, ctx: CommandContext): RecordChange<Lead> {
  return updateRecord(leadKind, current, leadPatch(current, patch) as UpdateLeadInput, ctx, leadAnnouncer);
}

export function rejectLead(current: Lead, input: RejectLeadInput, ctx: CommandContext): RecordChange<Lead> {
  const stage = openStatusOf(current);
  const at = ctx.now.toISOString();
  const lead: Lead = {
    ...current,
    status: 'rejected',
    rejection: { stage, reason: input.reason, ...(input.comment ? { comment: input.comment } : {}), at, by: ctx.actor.id },
    updatedAt: at,
    version: current.version + 1,
  };
  return {
    record: lead,
    history: entry(ctx, 'rejected', {
      changes: [{ field: 'status', from: stage, to: 'rejected' }],
      data: { stage, reason: input.reason },
      ...(input.comment ? { note: input.comment } : {}),
    }),
    events: [event(ctx, 'LeadRejected', { lead: leadRef(lead), stage, reason: input.reason, actorId: ctx.actor.id })],
  };
}

/** Closed leads (rejected, converted) are history; returns the open status otherwise. */
export function openStatusOf(lead: Lead): OpenLeadStatus {
  if (!isOpenStatus(lead.status)) {
    throw new DomainError('unprocessable', `A ${lead.status} lead cannot be changed`, {
      fields: [{ path: 'status', message: `the lead is ${lead.status}`, code: 'closed' }],
    });
  }
  return lead.status;
}
