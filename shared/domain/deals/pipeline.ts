import * as z from 'zod';
import { roles } from '../../auth/roles';
import { trimmed } from '../common/values';

/**
 * Pipelines and their stage rules (REC-10): per stage, the fields a deal needs to enter it, the
 * norm in days it should stay at most, and the role responsible. The default pipeline is the
 * multi-step sale of the source documents; admins may replace it or add others.
 */
export const stageRequirableFields = ['accountId', 'contactIds', 'needs', 'amount', 'expectedCloseDate', 'lines', 'lostReason'] as const;
export type StageRequirableField = (typeof stageRequirableFields)[number];

const slug = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'a lower-case id such as proposal-defence');

export const stageSchema = z.strictObject({
  id: slug,
  name: trimmed(100),
  /** Open stages are worked; a deal ends in the won or the lost stage. */
  outcome: z.enum(['open', 'won', 'lost']).default('open'),
  requiredFields: z.array(z.enum(stageRequirableFields)).max(stageRequirableFields.length).default([]),
  normDays: z.number().int().min(1).max(365).optional(),
  responsibleRole: z.enum(roles).optional(),
  /** Chance of winning from this stage, for the weighted forecast. */
  probability: z.number().int().min(0).max(100),
});
export type Stage = z.infer<typeof stageSchema>;

export const pipelineSchema = z
  .strictObject({
    id: slug,
    name: trimmed(100),
    stages: z.array(stageSchema).min(3).max(20),
  })
  .superRefine((pipeline, ctx) => {
    const ids = pipeline.stages.map((s) => s.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['stages', i, 'id'], message: 'stage ids must be unique' });
    });
    for (const outcome of ['won', 'lost'] as const) {
      if (pipeline.stages.filter((s) => s.outcome === outcome).length !== 1) ctx.addIssue({ code: 'custom', path: ['stages'], message: `exactly one ${outcome} stage` });
    }
    if (pipeline.stages[0]?.outcome !== 'open') ctx.addIssue({ code: 'custom', path: ['stages', 0, 'outcome'], message: 'deals start in an open stage' });
  });
export type Pipeline = z.infer<typeof pipelineSchema>;

export const defaultPipeline: Pipeline = {
  id: 'default',
  name: 'Продажи',
  stages: [
    { id: 'needs-clarification', name: 'Выяснение потребностей', outcome: 'open', requiredFields: [], normDays: 7, responsibleRole: 'sales-rep', probability: 10 },
    { id: 'proposal-preparation', name: 'Подготовка предложения', outcome: 'open', requiredFields: ['accountId', 'needs'], normDays: 10, responsibleRole: 'sales-rep', probability: 30 },
    {
      id: 'proposal-defence',
      name: 'Защита предложения',
      outcome: 'open',
      requiredFields: ['accountId', 'contactIds', 'lines', 'amount', 'expectedCloseDate'],
      normDays: 14,
      responsibleRole: 'sales-manager',
      probability: 60,
    },
    { id: 'won', name: 'Успешно завершена', outcome: 'won', requiredFields: ['accountId', 'lines', 'amount'], probability: 100 },
    { id: 'lost', name: 'Проиграна', outcome: 'lost', requiredFields: ['lostReason'], probability: 0 },
  ],
};

/** The fields a deal lacks to be in `stage`; empty lists and blank values count as missing. */
export function missingForStage(deal: Partial<Record<StageRequirableField, unknown>>, stage: Stage): StageRequirableField[] {
  return stage.requiredFields.filter((field) => {
    const value = deal[field];
    return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  });
}
