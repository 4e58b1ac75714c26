import { getRecord, listRecords } from '../data/records-repository';
import { listUsers } from '../data/users-repository';
import type { Actor } from '../domain/common/actor';
import { notFound } from '../domain/common/errors';
import { activityKind, type Activity } from '../domain/activities/activity';
import { dealKind, type Deal } from '../domain/deals/deal';
import { portalDealOf, type PortalDeal } from '../domain/portal/portal-deal';
import { listRecordsQuerySchema } from '../domain/records/record-list';
import { readPipeline } from './pipeline-service';

/**
 * The client and partner portal (ACC-3): a portal user belongs to one account and sees only its
 * deals — stage, planned actions, who is responsible. Anything else, another account's deal
 * included, does not exist for them: 404, never 403.
 */
function accountOf(actor: Actor): string {
  if (actor.type !== 'user' || !actor.accountId) throw notFound('Account');
  return actor.accountId;
}

async function portalView(deals: readonly Deal[]): Promise<PortalDeal[]> {
  const users = new Map((await listUsers()).map((u) => [u.id, u]));
  return Promise.all(
    deals.map(async (deal) => {
      const [pipeline, activities] = await Promise.all([
        readPipeline(deal.pipelineId).catch(() => undefined),
        listRecords(activityKind, listRecordsQuerySchema.parse({ parentId: deal.id, parentType: 'deal', status: 'open', limit: 20 })),
      ]);
      return portalDealOf(deal, pipeline, users.get(deal.ownerId), activities.items as Activity[]);
    }),
  );
}

/** The account's deals, newest first (a portal account has tens, not thousands). */
export async function portalDealsAs(actor: Actor): Promise<{ items: PortalDeal[] }> {
  const page = await listRecords(dealKind, listRecordsQuerySchema.parse({ parentId: accountOf(actor), limit: 100 }));
  return { items: await portalView(page.items as Deal[]) };
}

export async function portalDealAs(actor: Actor, id: string): Promise<PortalDeal> {
  const accountId = accountOf(actor);
  const deal = await getRecord(dealKind, id);
  if (!deal || deal.accountId !== accountId) throw notFound('Deal');
  return (await portalView([deal]))[0]!;
}
