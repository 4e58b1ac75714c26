import * as z from 'zod';
import { customValuesInput } from '../custom-fields/custom-field';
import type { TimelineEntry } from '../../api/contracts';
import type { DomainEvent } from '../../events/contracts';
import { entry, event, type CommandContext } from '../common/change';
import { DomainError } from '../common/errors';
import { dateSchema, moneySchema, recordIdSchema, trimmed, type Money } from '../common/values';
import { unavailability, type Product } from '../products/product';
import { recordRef } from '../records/record-commands';
import { refersTo, refersToEach, type RecordBase, type RecordKind } from '../records/record-type';
import { changesSomething, nothingToChangeIssue, updateShape } from '../records/record-values';
import { missingForStage, type Pipeline, type Stage } from './pipeline';

/** Deals (REC-4): a sale in progress through a pipeline's stages, with order lines from the catalog. */

export const lostReasons = ['price', 'chose-competitor', 'no-budget', 'no-decision', 'timing', 'requirements', 'other'] as const;

const lineInputSchema = z.strictObject({
  productId: recordIdSchema,
  quantity: z.number().positive().max(1e6),
  discountPercent: z.number().min(0).max(100).optional(),
  /** A price agreed for this deal instead of the catalog's. */
  unitPrice: moneySchema.optional(),
});
export type DealLineInput = z.infer<typeof lineInputSchema>;

/** A line as stored: what was offered, at what price, as the catalog said at the time. */
export interface DealLine {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  unitPrice: Money;
  discountPercent: number;
  vatRate: number | null;
  total: Money;
}

const dealFields = {
  title: trimmed(200),
  needs: trimmed(5000).optional(),
  accountId: recordIdSchema.optional(),
  contactIds: z.array(recordIdSchema).max(20).optional(),
  pipelineId: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/).optional(),
  expectedCloseDate: dateSchema.optional(),
  /** Set by hand only for a deal without lines; with lines it is their sum. */
  amount: moneySchema.optional(),
  lines: z.array(lineInputSchema).max(100).optional(),
  description: trimmed(5000).optional(),
  ownerId: z.string().min(1).max(128).optional(),
  /** Custom field values by key, checked against the type's definitions by the service. */
  custom: customValuesInput,
};

export const createDealSchema = z.strictObject(dealFields);
export type CreateDealInput = z.infer<typeof createDealSchema>;

/** The stage is not edited here: moving a deal has its own operation, which checks the stage rules. */
export const updateDealSchema = z.strictObject(updateShape(dealFields, ['title', 'ownerId'], ['pipelineId'])).refine(changesSomething, nothingToChangeIssue);
export type UpdateDealInput = z.infer<typeof updateDealSchema>;

export const moveDealSchema = z
  .strictObject({
    version: z.number().int().positive(),
    stage: z.string().min(1).max(40),
    lostReason: z.enum(lostReasons).optional(),
    lostComment: trimmed(2000).optional(),
  });
export type MoveDealInput = z.infer<typeof moveDealSchema>;

export type Deal = RecordBase &
  Omit<CreateDealInput, 'ownerId' | 'lines' | 'pipelineId'> & {
    pipelineId: string;
    stage: string;
    stageChangedAt: string;
    lines?: DealLine[];
    lostReason?: (typeof lostReasons)[number];
    lost?: { atStage: string; comment?: string };
  };

/** A deal as a contact's deal list shows it. */
export type DealSummary = Pick<Deal, 'id' | 'title' | 'pipelineId' | 'stage' | 'amount' | 'expectedCloseDate' | 'accountId' | 'ownerId' | 'createdAt' | 'updatedAt' | 'version'>;

export function dealSummary(deal: Deal): DealSummary {
  const { id, title, pipelineId, stage, amount, expectedCloseDate, accountId, ownerId, createdAt, updatedAt, version } = deal;
  return { id, title, pipelineId, stage, ...(amount ? { amount } : {}), ...(expectedCloseDate ? { expectedCloseDate } : {}), ...(accountId ? { accountId } : {}), ownerId, createdAt, updatedAt, version };
}

export const dealKind: RecordKind<Deal> = {
  type: 'deal',
  label: 'Deal',
  tracked: ['title', 'needs', 'accountId', 'contactIds', 'expectedCloseDate', 'amount', 'lines', 'description', 'stage', 'lostReason', 'ownerId', 'custom'],
  status: (deal) => deal.stage,
  parent: { types: ['account'], of: (deal) => (deal.accountId ? { type: 'account', id: deal.accountId } : undefined), relink: (to) => ({ accountId: to?.id }) },
  references: [
    refersTo('accountId', 'account'),
    refersToEach('contactIds', 'contact'),
    { field: 'lines', types: ['product'], targets: (deal) => (deal.lines ?? []).map((line, i) => ({ link: { type: 'product', id: line.productId }, path: `lines.${i}.productId` })) },
  ],
  listedUnder: {
    type: 'contact',
    ids: (deal) => deal.contactIds ?? [],
    summary: (deal) => dealSummary(deal),
    replace: (deal, from, to) => ({ contactIds: [...new Set((deal.contactIds ?? []).map((id) => (id === from ? to : id)))] }),
  },
  search: (deal) => ({
    title: deal.title,
    ...(deal.amount ? { subtitle: `${deal.amount.amount.toLocaleString('ru-RU')} ${deal.amount.currency}` } : {}),
    terms: { names: [deal.title] },
  }),
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Prices order lines from the catalog: each product must exist and be available in the quantity
 * asked, all in one currency; the deal's amount becomes the lines' sum.
 */
export function priceLines(lines: readonly DealLineInput[], products: ReadonlyMap<string, Product>): { lines: DealLine[]; amount: Money } {
  const issues: { path: string; message: string; code: string }[] = [];
  const priced = lines.flatMap((line, i): DealLine[] => {
    const product = products.get(line.productId);
    if (!product) {
      issues.push({ path: `lines.${i}.productId`, message: 'no such product', code: 'not_found' });
      return [];
    }
    const why = unavailability(product, line.quantity);
    if (why) {
      issues.push({ path: `lines.${i}.quantity`, message: `${product.name} cannot be offered: ${why.replace('_', ' ')}`, code: why });
      return [];
    }
    const unitPrice = line.unitPrice ?? product.price;
    const discountPercent = line.discountPercent ?? 0;
    const total = { amount: round2(line.quantity * unitPrice.amount * (1 - discountPercent / 100)), currency: unitPrice.currency };
    return [{ productId: product.id, sku: product.sku, name: product.name, unit: product.unit, quantity: line.quantity, unitPrice, discountPercent, vatRate: product.vatRate, total }];
  });
  const currencies = new Set(priced.map((l) => l.total.currency));
  if (currencies.size > 1) issues.push({ path: 'lines', message: 'all lines must be in one currency', code: 'mixed_currency' });
  if (issues.length) throw new DomainError('unprocessable', 'Some order lines cannot be offered', { fields: issues });
  const currency = priced[0]?.total.currency ?? 'RUB';
  return { lines: priced, amount: { amount: round2(priced.reduce((sum, l) => sum + l.total.amount, 0)), currency } };
}

export function stageOf(pipeline: Pipeline, id: string): Stage | undefined {
  return pipeline.stages.find((s) => s.id === id);
}

/** A deal may be in a stage only with what the stage requires: 422 listing every missing field. */
export function assertStageRules(deal: Deal, stage: Stage): void {
  const missing = missingForStage(deal, stage);
  if (missing.length) {
    throw new DomainError('unprocessable', `To be in “${stage.name}” the deal needs: ${missing.join(', ')}`, {
      fields: missing.map((field) => ({ path: field, message: `required in stage ${stage.id}`, code: 'required_for_stage' })),
    });
  }
}

export interface DealStageChange {
  record: Deal;
  history: TimelineEntry;
  events: DomainEvent[];
}

/** Moves a deal to another stage of its pipeline (SAL-1, SAL-2), checking the stage's rules. */
export function moveDeal(current: Deal, pipeline: Pipeline, input: MoveDealInput, ctx: CommandContext): DealStageChange {
  const from = stageOf(pipeline, current.stage);
  const to = stageOf(pipeline, input.stage);
  if (!to) throw new DomainError('validation_failed', `No stage ${input.stage} in pipeline ${pipeline.id}`, { fields: [{ path: 'stage', message: 'no such stage in this pipeline', code: 'invalid' }] });
  if (from && from.outcome !== 'open') throw new DomainError('unprocessable', 'A closed deal cannot move', { fields: [{ path: 'stage', message: `the deal is ${from.outcome}`, code: 'closed' }] });
  if (to.id === current.stage) throw new DomainError('validation_failed', 'The deal is already in this stage', { fields: [{ path: 'stage', message: 'already in this stage', code: 'no_change' }] });
  const at = ctx.now.toISOString();
  const { lostReason: _r, lost: _l, ...rest } = current;
  const deal: Deal = {
    ...rest,
    stage: to.id,
    stageChangedAt: at,
    ...(to.outcome === 'lost' && input.lostReason ? { lostReason: input.lostReason, lost: { atStage: current.stage, ...(input.lostComment ? { comment: input.lostComment } : {}) } } : {}),
    updatedAt: at,
    version: current.version + 1,
  };
  assertStageRules(deal, to);
  const days = Math.floor((ctx.now.getTime() - Date.parse(current.stageChangedAt)) / 86_400_000);
  return {
    record: deal,
    history: entry(ctx, 'stage_changed', {
      changes: [{ field: 'stage', from: current.stage, to: to.id }],
      data: { daysInStage: days, ...(deal.lostReason ? { lostReason: deal.lostReason } : {}) },
      ...(input.lostComment ? { note: input.lostComment } : {}),
    }),
    events: [
      event(ctx, 'DealStageChanged', {
        deal: recordRef(dealKind, deal),
        pipelineId: deal.pipelineId,
        from: current.stage,
        to: to.id,
        outcome: to.outcome,
        daysInStage: days,
        actorId: ctx.actor.id,
      }),
    ],
  };
}
