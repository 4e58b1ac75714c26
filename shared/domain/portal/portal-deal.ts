import type { Money } from '../common/values';
import type { Activity } from '../activities/activity';
import type { Deal } from '../deals/deal';
import type { Pipeline } from '../deals/pipeline';

/**
 * What a client's or partner's person sees of a deal in the portal (ACC-3): its stage, the
 * actions planned with them and who is responsible — never the internal fields (needs, lost
 * reasons, custom values, order line costs, the timeline).
 */
export interface PortalDeal {
  id: string;
  title: string;
  stage: { id: string; name: string; outcome: 'open' | 'won' | 'lost' };
  amount?: Money;
  expectedCloseDate?: string;
  responsible: { name: string; email?: string };
  nextActions: { kind: Activity['kind']; subject: string; dueAt?: string }[];
  updatedAt: string;
}

export function portalDealOf(
  deal: Deal,
  pipeline: Pipeline | undefined,
  owner: { email: string; name?: string } | undefined,
  openActivities: readonly Activity[],
): PortalDeal {
  const stage = pipeline?.stages.find((s) => s.id === deal.stage);
  return {
    id: deal.id,
    title: deal.title,
    stage: { id: deal.stage, name: stage?.name ?? deal.stage, outcome: stage?.outcome ?? 'open' },
    ...(deal.amount ? { amount: deal.amount } : {}),
    ...(deal.expectedCloseDate ? { expectedCloseDate: deal.expectedCloseDate } : {}),
    responsible: owner ? { name: owner.name ?? owner.email, email: owner.email } : { name: '—' },
    nextActions: openActivities
      .filter((a) => a.status === 'open')
      .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'))
      .map((a) => ({ kind: a.kind, subject: a.subject, ...(a.dueAt ? { dueAt: a.dueAt } : {}) })),
    updatedAt: deal.updatedAt,
  };
}
