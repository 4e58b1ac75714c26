import { getRecords } from '../data/records-repository';
import type { Actor } from '../domain/common/actor';
import { systemClock, type Clock } from '../domain/common/clock';
import { invalidField } from '../domain/common/errors';
import { assertStageRules, dealKind, moveDeal, priceLines, stageOf, type CreateDealInput, type Deal, type DealLineInput, type MoveDealInput, type UpdateDealInput } from '../domain/deals/deal';
import { productKind } from '../domain/products/product';
import { readPipeline } from './pipeline-service';
import { recordService } from './record-service';

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

/** The stage's rules, on every save (its account and contacts pass the reference guard before). */
export async function checkDeal(deal: Deal): Promise<void> {
  const stage = stageOf(await readPipeline(deal.pipelineId), deal.stage);
  if (stage) assertStageRules(deal, stage);
}

export const deals = recordService<Deal, CreateDealInput, UpdateDealInput>(dealKind, { prepare: prepareDeal, check: (deal) => checkDeal(deal) });

/** Moves a deal to another stage: 422 listing what the stage requires and the deal lacks. A command on the records kit (ADR 0020). */
export function moveDealAs(actor: Actor, id: string, input: MoveDealInput, clock: Clock = systemClock): Promise<Deal> {
  return deals.command(actor, id, input.version, async (current, ctx) => moveDeal(current, await readPipeline(current.pipelineId), input, ctx), { clock });
}
