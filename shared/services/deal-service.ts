import { ConditionFailed } from '../data/change-set';
import { getRecord, getRecords, saveRecordChange } from '../data/records-repository';
import type { Actor } from '../domain/common/actor';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { invalidField, notFound, versionConflict } from '../domain/common/errors';
import { accountKind } from '../domain/accounts/account';
import { contactKind } from '../domain/contacts/contact';
import { assertStageRules, dealKind, moveDeal, priceLines, stageOf, type CreateDealInput, type Deal, type DealLineInput, type MoveDealInput, type UpdateDealInput } from '../domain/deals/deal';
import { productKind } from '../domain/products/product';
import { readPipeline } from './pipeline-service';
import { recordService } from './record-service';
import { assertSees } from './visibility-service';

/**
 * Deals (REC-4) on the records kit, plus what is theirs: lines priced from the catalog, a pipeline
 * whose first stage a new deal enters, stage rules checked on every save, and stage moves.
 */
export async function prepareDeal(fields: Record<string, unknown>, before: Deal | undefined, now: Date): Promise<Record<string, unknown>> {
  const out = { ...fields };
  if (!before) {
    const pipeline = await readPipeline(String(fields.pipelineId ?? 'default')).catch(() => {
      throw invalidField('pipelineId', 'no such pipeline', 'not_found');
    });
    out.pipelineId = pipeline.id;
    out.stage = pipeline.stages[0]!.id;
    out.stageChangedAt = now.toISOString();
  }
  if (Array.isArray(fields.lines)) {
    const inputs = fields.lines as DealLineInput[];
    const priced = priceLines(inputs, await getRecords(productKind, inputs.map((l) => l.productId)));
    out.lines = priced.lines;
    if (inputs.length > 0) out.amount = priced.amount;
  } else if (fields.amount !== undefined && fields.amount !== null && (before?.lines?.length ?? 0) > 0 && fields.lines === undefined) {
    throw invalidField('amount', 'a deal with order lines takes its amount from them', 'derived');
  }
  return out;
}

/** `creating`: ids of records created in the same transaction (a lead's conversion), not yet stored. */
export async function checkDeal(deal: Deal, before: Deal | undefined, creating: ReadonlySet<string> = new Set()): Promise<void> {
  if (deal.accountId && deal.accountId !== before?.accountId && !creating.has(deal.accountId) && !(await getRecord(accountKind, deal.accountId))) {
    throw invalidField('accountId', 'no such account', 'not_found');
  }
  const added = (deal.contactIds ?? []).filter((id) => !before?.contactIds?.includes(id) && !creating.has(id));
  if (added.length) {
    const found = await getRecords(contactKind, added);
    const missing = (deal.contactIds ?? []).findIndex((id) => added.includes(id) && !found.has(id));
    if (missing >= 0) throw invalidField(`contactIds.${missing}`, 'no such contact', 'not_found');
  }
  const stage = stageOf(await readPipeline(deal.pipelineId), deal.stage);
  if (stage) assertStageRules(deal, stage);
}

export const deals = recordService<Deal, CreateDealInput, UpdateDealInput>(dealKind, { prepare: prepareDeal, check: (deal, before) => checkDeal(deal, before) });

/** Moves a deal to another stage: 422 listing what the stage requires and the deal lacks. */
export async function moveDealAs(actor: Actor, id: string, input: MoveDealInput, clock: Clock = systemClock): Promise<Deal> {
  const current = await getRecord(dealKind, id);
  if (!current) throw notFound('Deal');
  await assertSees(actor, 'deal', 'update', current, 'Deal');
  if (current.version !== input.version) throw versionConflict(current.version);
  const now = clock.now();
  const change = moveDeal(current, await readPipeline(current.pipelineId), input, { actor, now, newId: () => newId(now) });
  try {
    await saveRecordChange(dealKind, change, current);
  } catch (error) {
    if (error instanceof ConditionFailed) throw versionConflict(Number(error.current?.version) || undefined);
    throw error;
  }
  return change.record;
}
