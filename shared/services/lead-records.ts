import type { Actor } from '../domain/common/actor';
import type { Clock } from '../domain/common/clock';
import { DomainError, invalidField } from '../domain/common/errors';
import { leadKind, type CreateLeadInput, type Lead, type RejectLeadInput, type UpdateLeadInput } from '../domain/leads/lead';
import { leadAnnouncer, leadPatch, newLeadFields, rejectLead } from '../domain/leads/lead-commands';
import { leadStatuses } from '../domain/leads/lead-process';
import { recordService } from './record-service';

/**
 * Leads (REC-1) on the records kit (ADR 0020): read, list, create, update, timeline, duplicates and
 * merge are the kit's, with what a lead adds; rejection is a lead command on the kit's save path,
 * as a deal's stage move is. Capture (web-to-lead) and conversion have their own services.
 */
const converted = (path: string) =>
  new DomainError('unprocessable', `${path}: a converted lead is not merged`, { fields: [{ path, message: 'converted lead', code: 'converted' }] });

export const leads = recordService<Lead, CreateLeadInput, UpdateLeadInput>(leadKind, {
  statuses: leadStatuses,
  announce: leadAnnouncer,
  prepare: (fields, before, now) => Promise.resolve(before ? leadPatch(before, fields) : newLeadFields(fields as CreateLeadInput, now)),
  // The deal, account and contact a converted lead produced point at it, so it stays as it is.
  mergeCheck: (survivor, duplicate, input) => {
    if (survivor.status === 'converted') throw converted('id');
    if (duplicate.status === 'converted') throw converted('duplicateId');
    // A lead's status moves through its own steps (qualify, reject, convert), not by a merge.
    if (input.take.includes('status')) throw invalidField('take', 'status is not taken from the duplicate');
  },
});

export const rejectLeadAs = (actor: Actor, id: string, input: RejectLeadInput, clock?: Clock): Promise<Lead> =>
  leads.command(actor, id, input.version, (lead, ctx) => rejectLead(lead, input, ctx), clock ? { clock } : {});
