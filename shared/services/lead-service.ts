import type { Page, TimelineEntry } from '../api/contracts';
import { ConditionFailed } from '../data/change-set';
import { checkedCustomValues, customFilters } from './custom-field-service';
import { customFiltersOf } from '../domain/records/record-list';
import type { AlsoPut } from './record-service';
import { assertMayAssign, assertSees, visibilityFor } from './visibility-service';
import type { Action } from '../auth/permissions';
import { narrowToVisible } from '../auth/visibility';
import { getLeadOrRedirect, listLeads, saveLeadChange } from '../data/leads-repository';
import { leadKeys } from '../data/keys';
import { readTimeline } from '../data/timeline';
import { getUser } from '../data/users-repository';
import type { Actor } from '../domain/common/actor';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { invalidField, moved, notFound, versionConflict } from '../domain/common/errors';
import type { CreateLeadInput, Lead, ListLeadsQuery, RejectLeadInput, UpdateLeadInput } from '../domain/leads/lead';
import type { CommandContext } from '../domain/common/change';
import { createLead, rejectLead, updateLead, type LeadChange } from '../domain/leads/lead-commands';

/** Lead use cases: load, apply a pure command, persist atomically, translate storage outcomes. */

const context = (actor: Actor, clock: Clock): CommandContext => {
  const now = clock.now();
  return { actor, now, newId: () => newId(now) };
};

async function assertOwnerExists(ownerId: string | undefined): Promise<void> {
  if (ownerId !== undefined && !(await getUser(ownerId))) throw invalidField('ownerId', 'no such user');
}

/** `alsoPut`: items written in the lead's own transaction, given its id (an import's row marker, ADR 0011). */
export async function createLeadAs(actor: Actor, input: CreateLeadInput, clock: Clock = systemClock, alsoPut?: AlsoPut): Promise<Lead> {
  await assertMayAssign(actor, 'lead', input.ownerId, undefined);
  await assertOwnerExists(input.ownerId);
  const custom = await checkedCustomValues('lead', input.custom, undefined, true);
  const { custom: _given, ...fields } = input;
  const change = createLead({ ...fields, ...(custom ? { custom } : {}) } as CreateLeadInput, context(actor, clock), actor.id);
  await saveLeadChange(change, undefined, [...(alsoPut?.(change.lead.id) ?? [])]);
  return change.lead;
}

async function storedLead(id: string): Promise<Lead> {
  const { lead, redirect } = await getLeadOrRedirect(id);
  if (redirect) throw moved('Lead', { type: 'lead', id: redirect.mergedInto });
  if (!lead) throw notFound('Lead');
  return lead;
}

/** The lead, when the actor may see it (for `action`); "not found" otherwise (ACC-2). */
export async function readLead(actor: Actor, id: string, action: Action = 'read'): Promise<Lead> {
  const lead = await storedLead(id);
  await assertSees(actor, 'lead', action, lead, 'Lead');
  return lead;
}

/** A page of the leads the actor sees. */
export async function findLeads(actor: Actor, query: ListLeadsQuery): Promise<Page<Lead>> {
  const filters = await customFilters('lead', customFiltersOf(query));
  const narrowed = narrowToVisible(query, await visibilityFor(actor, 'leads', 'read'));
  return narrowed ? listLeads(narrowed.query, filters, narrowed.owners) : { items: [] };
}

/** One Query (and a read of the lead for whoever does not see every lead): an empty first page means no such lead. */
export async function readLeadTimeline(actor: Actor, id: string, page: { limit: number; cursor?: string }): Promise<Page<TimelineEntry>> {
  if ((await visibilityFor(actor, 'leads', 'read')) !== 'all') await readLead(actor, id);
  const timeline = await readTimeline(leadKeys.item(id).pk, page);
  if (!page.cursor && timeline.items.length === 0) throw notFound('Lead');
  return timeline;
}

export async function updateLeadAs(actor: Actor, id: string, patch: UpdateLeadInput, clock: Clock = systemClock, alsoPut?: AlsoPut): Promise<Lead> {
  const current = await readLead(actor, id, 'update');
  await assertMayAssign(actor, 'lead', patch.ownerId, current.ownerId);
  await assertOwnerExists(patch.ownerId);
  let checked = patch;
  if ('custom' in patch) {
    // `custom: null` clears every value; a map changes the values it names. Checking needs the stored values.
    const clearAll = Object.fromEntries(Object.keys(current.custom ?? {}).map((key) => [key, null]));
    const custom = await checkedCustomValues('lead', patch.custom ?? clearAll, current.custom, false);
    checked = { ...patch, custom: custom ?? undefined } as UpdateLeadInput;
  }
  return changeLead(current, patch.version, (lead) => updateLead(lead, checked, context(actor, clock)), alsoPut);
}

export async function rejectLeadAs(actor: Actor, id: string, input: RejectLeadInput, clock: Clock = systemClock): Promise<Lead> {
  return changeLead(await readLead(actor, id, 'update'), input.version, (lead) => rejectLead(lead, input, context(actor, clock)));
}

/** Optimistic locking: the client's version must be the stored one, checked again at write time. */
async function changeLead(current: Lead, expectedVersion: number, command: (lead: Lead) => LeadChange, alsoPut?: AlsoPut): Promise<Lead> {
  const id = current.id;
  if (current.version !== expectedVersion) throw versionConflict(current.version);
  const change = command(current);
  try {
    await saveLeadChange(change, current, [...(alsoPut?.(id) ?? [])]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.putIndex === 0) throw versionConflict(Number(error.current?.version) || undefined);
    throw error;
  }
  return change.lead;
}
