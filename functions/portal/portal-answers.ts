import * as z from 'zod';
import { pageOf } from '../../shared/api/contracts';
import { activityKinds } from '../../shared/domain/activities/activity';
import { caseKinds, casePriorities, caseRatingSchema, caseStatuses } from '../../shared/domain/cases/case';
import { moneySchema } from '../../shared/domain/common/values';
import type { PortalCase, PortalCaseComment, PortalCaseSummary } from '../../shared/domain/portal/portal-case';
import type { PortalDeal } from '../../shared/domain/portal/portal-deal';

/** What the portal answers (ACC-3): the client's view of their deals and cases, no staff data. */
export const portalDealAnswer = z
  .object({
    id: z.string(),
    title: z.string(),
    stage: z.object({ id: z.string(), name: z.string(), outcome: z.enum(['open', 'won', 'lost']) }),
    amount: moneySchema.optional(),
    expectedCloseDate: z.string().optional(),
    responsible: z.object({ name: z.string(), email: z.string().optional() }),
    nextActions: z.array(z.object({ kind: z.enum(activityKinds), subject: z.string(), dueAt: z.string().optional() })),
    updatedAt: z.string(),
  })
  .meta({ title: 'PortalDeal' }) satisfies z.ZodType<PortalDeal>;

export const portalCaseSummaryAnswer = z
  .object({
    id: z.string(),
    subject: z.string(),
    description: z.string().optional(),
    kind: z.enum(caseKinds),
    priority: z.enum(casePriorities),
    status: z.enum(caseStatuses),
    createdAt: z.string(),
    updatedAt: z.string(),
    responsible: z.object({ name: z.string() }),
    rating: caseRatingSchema.extend({ at: z.string() }).optional(),
  })
  .meta({ title: 'PortalCaseSummary' }) satisfies z.ZodType<PortalCaseSummary>;

export const portalCommentAnswer = z
  .object({ id: z.string(), at: z.string(), text: z.string(), authorName: z.string(), from: z.enum(['staff', 'client']) })
  .meta({ title: 'PortalCaseComment' }) satisfies z.ZodType<PortalCaseComment>;

export const portalCaseAnswer = portalCaseSummaryAnswer.extend({ comments: z.array(portalCommentAnswer) }).meta({ title: 'PortalCase' }) satisfies z.ZodType<PortalCase>;

export const portalCasesAnswer = pageOf(portalCaseSummaryAnswer);
