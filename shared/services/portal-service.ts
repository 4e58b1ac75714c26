import type { Page, UserSummary } from '../api/contracts';
import { mayWork } from '../auth/visibility';
import { ConditionFailed } from '../data/change-set';
import { recordKeys } from '../data/keys';
import { getRecord, listRecords, saveRecordChange } from '../data/records-repository';
import { timelineEntriesOfKind } from '../data/timeline';
import { getTeams } from '../data/teams-repository';
import { getUser, listUsers } from '../data/users-repository';
import { accountKind } from '../domain/accounts/account';
import { activityKind, type Activity } from '../domain/activities/activity';
import { assertClientMayComment, caseKind, openPortalCase, rateCase, type Case, type CaseRatingInput, type PortalCaseInput } from '../domain/cases/case';
import type { Actor } from '../domain/common/actor';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { notFound, versionConflict } from '../domain/common/errors';
import { dealKind, type Deal } from '../domain/deals/deal';
import { portalCaseOf, portalCaseSummaryOf, portalCommentOf, type PortalCase, type PortalCaseComment, type PortalCaseSummary } from '../domain/portal/portal-case';
import { portalDealOf, type PortalDeal } from '../domain/portal/portal-deal';
import { listRecordsQuerySchema } from '../domain/records/record-list';
import { keyPrefixOf } from '../domain/records/record-type';
import { writeComment } from './case-service';
import { readPipeline } from './pipeline-service';

/**
 * The client and partner portal (ACC-3): a portal user belongs to one account and sees only its
 * deals — stage, planned actions, who is responsible — and its cases, which they also open,
 * comment on and rate. Anything else, another account's deal or case included, does not exist
 * for them: 404, never 403.
 */
function accountOf(actor: Actor): string {
  if (actor.type !== 'user' || !actor.accountId) throw notFound('Account');
  return actor.accountId;
}

/**
 * What the portal shows of an account is only what its own staff put there: a deal or case whose
 * owner may work the account (its owner, their manager, service). A record someone else hung on it
 * (before the reference guard, or by a role since narrowed) stays out of the client's sight.
 */
interface AccountStaff {
  users: Map<string, UserSummary>;
  isStaff: (ownerId: string) => boolean;
}

async function staffOf(accountId: string): Promise<AccountStaff> {
  const [account, users, { teams }] = await Promise.all([getRecord(accountKind, accountId), listUsers(), getTeams()]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const isStaff = (ownerId: string) => {
    const owner = byId.get(ownerId);
    return account !== undefined && owner !== undefined && mayWork(owner, 'accounts', 'link', account.ownerId, teams);
  };
  return { users: byId, isStaff };
}

async function portalView(deals: readonly Deal[], staff: AccountStaff): Promise<PortalDeal[]> {
  const { users } = staff;
  return Promise.all(
    deals.filter((deal) => staff.isStaff(deal.ownerId)).map(async (deal) => {
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
  const accountId = accountOf(actor);
  const [page, staff] = await Promise.all([listRecords(dealKind, listRecordsQuerySchema.parse({ parentId: accountId, limit: 100 })), staffOf(accountId)]);
  return { items: await portalView(page.items as Deal[], staff) };
}

export async function portalDealAs(actor: Actor, id: string): Promise<PortalDeal> {
  const accountId = accountOf(actor);
  const deal = await getRecord(dealKind, id);
  const shown = deal && deal.accountId === accountId ? await portalView([deal], await staffOf(accountId)) : [];
  if (!shown[0]) throw notFound('Deal');
  return shown[0];
}

/** A case of the portal user's account, put there by its staff; another account's, or none, is not found. */
async function caseOfAccount(actor: Actor, id: string): Promise<Case> {
  const accountId = accountOf(actor);
  const record = await getRecord(caseKind, id);
  if (!record || record.accountId !== accountId || !(await staffOf(accountId)).isStaff(record.ownerId)) throw notFound(caseKind.label);
  return record;
}

/** The case as its client sees it, with the public replies (internal notes and changes left out). */
async function portalCaseView(record: Case): Promise<PortalCase> {
  const [owner, comments] = await Promise.all([getUser(record.ownerId), timelineEntriesOfKind(recordKeys(keyPrefixOf('case')).item(record.id).pk, 'comment')]);
  return portalCaseOf(record, owner, comments);
}

/** The account's cases, newest first, a page at a time. */
export async function portalCasesAs(actor: Actor, page: { limit: number; cursor?: string | undefined }): Promise<Page<PortalCaseSummary>> {
  const accountId = accountOf(actor);
  const [found, staff] = await Promise.all([
    listRecords(caseKind, listRecordsQuerySchema.parse({ parentId: accountId, limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) })),
    staffOf(accountId),
  ]);
  const shown = found.items.filter((c) => staff.isStaff(c.ownerId));
  return { items: shown.map((c) => portalCaseSummaryOf(c, staff.users.get(c.ownerId))), ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}) };
}

export const portalCaseAs = async (actor: Actor, id: string): Promise<PortalCase> => portalCaseView(await caseOfAccount(actor, id));

/** Opens a case for the portal user's account, given to the account's owner. */
export async function openPortalCaseAs(actor: Actor, input: PortalCaseInput, clock: Clock = systemClock): Promise<PortalCase> {
  const account = await getRecord(accountKind, accountOf(actor));
  if (!account) throw notFound(accountKind.label);
  const now = clock.now();
  const change = openPortalCase(account, input, { actor, now, newId: () => newId(now) });
  await saveRecordChange(caseKind, change);
  return portalCaseOf(change.record, await getUser(change.record.ownerId), []);
}

/** The client's reply, while the case is not closed (409 `case_closed` on `status` otherwise). */
export async function commentOnPortalCaseAs(actor: Actor, id: string, text: string, clock: Clock = systemClock): Promise<PortalCaseComment> {
  const record = await caseOfAccount(actor, id);
  assertClientMayComment(record);
  return portalCommentOf(await writeComment(actor, record, text, 'client', clock));
}

/**
 * The client's rating (SRV-5), once the case is resolved or closed, once. The client names no
 * version: a case someone saved meanwhile is read again and the rules asked again.
 */
export async function ratePortalCaseAs(actor: Actor, id: string, input: CaseRatingInput, clock: Clock = systemClock): Promise<PortalCase> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const record = await caseOfAccount(actor, id);
    const now = clock.now();
    const change = rateCase(record, input, { actor, now, newId: () => newId(now) });
    try {
      await saveRecordChange(caseKind, change, record);
    } catch (error) {
      if (error instanceof ConditionFailed) continue;
      throw error;
    }
    return portalCaseView(change.record);
  }
  throw versionConflict(undefined);
}
