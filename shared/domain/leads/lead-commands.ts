import type { TimelineEntry } from '../../api/contracts';
import type { DomainEvent } from '../../events/contracts';
import { leadRef } from '../../events/contracts';
import { entry, event, type CommandContext } from '../common/change';
import { normalisePhone } from '../common/phone';
import { DomainError, nothingToChange } from '../common/errors';
import type { CreateLeadInput, Lead, RejectLeadInput, UpdateLeadInput } from './lead';
import { diffLead } from './lead-changes';
import { isOpenStatus, type OpenLeadStatus } from './lead-process';

/**
 * Pure lead commands: each takes the current state and a validated request and returns the new
 * state, the timeline entry and the events. Persisting them together is the repository's job.
 */

export interface LeadChange {
  lead: Lead;
  history: TimelineEntry;
  events: DomainEvent[];
}

/**
 * A lead's phone as stored: E.164, found and matched as one number however it was written (REC-11),
 * with the writing kept for display when it differs.
 */
export function storedPhone(phone: string): Pick<Lead, 'phone' | 'phoneTyped'> {
  const stored = normalisePhone(phone);
  return { phone: stored, phoneTyped: phone.trim() !== stored ? phone.trim() : undefined };
}

/** Leaves out fields set to undefined, so a stored lead holds no empty attributes. */
const defined = <T extends object>(lead: T): T => Object.fromEntries(Object.entries(lead).filter(([, value]) => value !== undefined)) as T;

export function createLead(input: CreateLeadInput, ctx: CommandContext, ownerId: string): LeadChange {
  const at = ctx.now.toISOString();
  const { consent, ...fields } = input;
  const lead: Lead = defined({
    ...fields,
    ...(input.phone !== undefined ? storedPhone(input.phone) : {}),
    id: ctx.newId(),
    ownerId: input.ownerId ?? ownerId,
    status: 'new',
    source: input.source,
    ...(consent ? { consent: { given: consent.given, at, ...(consent.text ? { text: consent.text } : {}) } } : {}),
    submissionCount: 0,
    createdAt: at,
    createdBy: ctx.actor.id,
    updatedAt: at,
    version: 1,
  });
  return {
    lead,
    history: entry(ctx, 'created', { data: { channel: lead.source.channel } }),
    events: [event(ctx, 'LeadCreated', { lead: leadRef(lead), channel: lead.source.channel, actorId: ctx.actor.id })],
  };
}

export function updateLead(current: Lead, patch: UpdateLeadInput, ctx: CommandContext): LeadChange {
  openStatusOf(current);
  const { version: _expected, ...fields } = patch;
  const phone = fields.phone !== undefined ? storedPhone(fields.phone) : {};
  const lead: Lead = defined({ ...current, ...fields, ...phone, updatedAt: ctx.now.toISOString(), version: current.version + 1 });
  const changes = diffLead(current, lead);
  if (changes.length === 0) throw nothingToChange();
  return {
    lead,
    history: entry(ctx, 'updated', { changes }),
    events: [event(ctx, 'LeadUpdated', { lead: leadRef(lead), changedFields: changes.map((c) => c.field), actorId: ctx.actor.id })],
  };
}

export function rejectLead(current: Lead, input: RejectLeadInput, ctx: CommandContext): LeadChange {
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
    lead,
    history: entry(ctx, 'rejected', {
      changes: [{ field: 'status', from: stage, to: 'rejected' }],
      data: { stage, reason: input.reason },
      ...(input.comment ? { note: input.comment } : {}),
    }),
    events: [event(ctx, 'LeadRejected', { lead: leadRef(lead), stage, reason: input.reason, actorId: ctx.actor.id })],
  };
}

/** Closed leads (rejected, converted) are history; returns the open status otherwise. */
function openStatusOf(lead: Lead): OpenLeadStatus {
  if (!isOpenStatus(lead.status)) {
    throw new DomainError('unprocessable', `A ${lead.status} lead cannot be changed`, {
      fields: [{ path: 'status', message: `the lead is ${lead.status}`, code: 'closed' }],
    });
  }
  return lead.status;
}
