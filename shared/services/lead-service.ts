import type { Page, TimelineEntry } from '../api/contracts';
import { ConditionFailed } from '../data/change-set';
import { checkedCustomValues, customFilters } from './custom-field-service';
import { customFiltersOf } from '../domain/records/record-list';
import type { AlsoPut } from './record-service';
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
  await assertOwnerExists(input.ownerId);
  const custom = await checkedCustomValues('lead', input.custom, undefined, true);
  const { custom: _given, ...fields } = input;
  const change = createLead({ ...fields, ...(custom ? { custom } : {}) } as CreateLeadInput, context(actor, clock), actor.id);
  await saveLeadChange(change, undefined, [...(alsoPut?.(change.lead.id) ?? [])]);
  return change.lead;
}

export async function readLead(id: string): Promise<Lead> {
  const { lead, redirect } = await getLeadOrRedirect(id);
  if (redirect) throw moved('Lead', { type: 'lead', id: redirect.mergedInto });
  if (!lead) throw notFound('Lead');
  return lead;
}

export const findLeads = async (query: ListLeadsQuery): Promise<Page<Lead>> => listLeads(query, await customFilters('lead', customFiltersOf(query)));

/** One Query: every lead has at least its creation entry, so an empty first page means no such lead. */
export async function readLeadTimeline(id: string, page: { limit: number; cursor?: string }): Promise<Page<TimelineEntry>> {
  const timeline = await readTimeline(leadKeys.item(id).pk, page);
  if (!page.cursor && timeline.items.length === 0) throw notFound('Lead');
  return timeline;
}

export async function updateLeadAs(actor: Actor, id: string, patch: UpdateLeadInput, clock: Clock = systemClock, alsoPut?: AlsoPut): Promise<Lead> {
  await assertOwnerExists(patch.ownerId);
  let checked = patch;
  if ('custom' in patch) {
    // `custom: null` clears every value; a map changes the values it names. Checking needs the stored values.
    const current = await readLead(id);
    const clearAll = Object.fromEntries(Object.keys(current.custom ?? {}).map((key) => [key, null]));
    const custom = await checkedCustomValues('lead', patch.custom ?? clearAll, current.custom, false);
    checked = { ...patch, custom: custom ?? undefined } as UpdateLeadInput;
  }
  return changeLead(id, patch.version, (lead) => updateLead(lead, checked, context(actor, clock)), alsoPut);
}

export async function rejectLeadAs(actor: Actor, id: string, input: RejectLeadInput, clock: Clock = systemClock): Promise<Lead> {
  return changeLead(id, input.version, (lead) => rejectLead(lead, input, context(actor, clock)));
}

/** Optimistic locking: the client's version must be the stored one, checked again at write time. */
async function changeLead(id: string, expectedVersion: number, command: (lead: Lead) => LeadChange, alsoPut?: AlsoPut): Promise<Lead> {
  const current = await readLead(id);
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
