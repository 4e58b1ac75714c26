import { getLeadOrRedirect, getLeads, leadChangeSet } from '../data/leads-repository';
import { findMatches } from '../data/match-index';
import type { Actor } from '../domain/common/actor';
import { systemClock, type Clock } from '../domain/common/clock';
import { DomainError, invalidField, moved, notFound } from '../domain/common/errors';
import type { MergeInput } from '../domain/duplicates/merge';
import { matchKeys, type MatchBasis, type MatchReason } from '../domain/duplicates/match-keys';
import { leadKind, type Lead } from '../domain/leads/lead';
import { mergeInto } from './merge-service';
import { visibilityFor } from './visibility-service';
import { sees } from '../auth/visibility';

/**
 * Duplicates of leads (REC-12): the leads sharing an email, phone or name with one, and the merge
 * of two open leads. Leads keep their own storage layout (leadChangeSet); a converted lead stays
 * as it is, since the deal, account and contact it produced point at it.
 */
export async function leadDuplicates(actor: Actor, id: string): Promise<{ items: ({ record: Lead; reasons: MatchReason[] } & Pick<MatchBasis, 'strength' | 'evidence'>)[] }> {
  const { lead, redirect } = await getLeadOrRedirect(id);
  if (redirect) throw moved('Lead', { type: 'lead', id: redirect.mergedInto });
  if (!lead) throw notFound('Lead');
  const visibility = await visibilityFor(actor, 'leads', 'read');
  if (!sees(visibility, lead.ownerId)) throw notFound('Lead');
  const matches = await findMatches('lead', matchKeys(leadKind.match!(lead)), id);
  const leads = await getLeads(matches.slice(0, 50).map((m) => m.id));
  const mergeable = (other: Lead | undefined): other is Lead => Boolean(other && leadKind.mergeable!(other) && sees(visibility, other.ownerId));
  return { items: matches.flatMap((m) => (mergeable(leads.get(m.id)) ? [{ record: leads.get(m.id)!, reasons: m.reasons, strength: m.strength, evidence: m.evidence }] : [])) };
}

const converted = (path: string) =>
  new DomainError('unprocessable', `${path}: a converted lead is not merged`, { fields: [{ path, message: 'converted lead', code: 'converted' }] });

export function mergeLeadsAs(actor: Actor, survivorId: string, input: MergeInput, clock: Clock = systemClock): Promise<Lead> {
  return mergeInto(leadKind, actor, survivorId, input, clock, {
    check: (survivor, duplicate) => {
      if (survivor.status === 'converted') throw converted('id');
      if (duplicate.status === 'converted') throw converted('duplicateId');
      // A lead's status moves through its own steps (qualify, reject, convert), not by a merge.
      if (input.take.includes('status')) throw invalidField('take', 'status is not taken from the duplicate');
    },
    changeSetOf: (change, before) => leadChangeSet({ lead: change.record, history: change.history, events: change.events }, before),
  });
}
