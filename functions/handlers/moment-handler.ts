import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { idempotencyFor } from '../../shared/adapters/idempotency';
import { momentSchema, type Moment, type MomentKind } from '../../shared/domain/moments/one-time-moment';
import { withCorrelation } from '../../shared/events/correlation';
import { logger } from '../observability/logger';
import { eventBridgeEnvelope } from './eventbridge-envelope';
import { refuse, toolsFor, type HandlerTools, type ToolOverrides } from './handler-tools';

/**
 * The shape of a function a one-time moment's schedule invokes (ADR 0012), beside
 * `scheduleHandler` (ADR 0018): the same "Scheduled Event" (filled by Scheduler's context
 * attributes in the cloud, by the local scheduler on a laptop) with the moment as its detail,
 * parsed, the log keyed by the schedule and the moment, each fire of a schedule run once
 * (idempotency by schedule name and scheduled time). The consumer gets `now()` = the scheduled
 * time, and checks the moment against its record: a schedule may fire for a moment that moved on.
 */
export interface MomentRun {
  /** The one-time schedule's name (shared/domain/moments: `reminder-activity-<id>`). */
  schedule: string;
  scheduledTime: string;
  executionId: string;
  moment: Moment;
  /** This function's ARN, for re-arming its own kind (undefined where no Lambda context names it: a test). */
  self: string | undefined;
}

const scheduleArn = z.string().regex(/^arn:aws[\w-]*:scheduler:[^:]*:[^:]*:schedule\/[^/]+\/[^/]+$/, 'a schedule ARN');
const momentEventSchema = eventBridgeEnvelope.extend({
  source: z.literal('aws.scheduler'),
  'detail-type': z.literal('Scheduled Event'),
  resources: z.tuple([scheduleArn]),
  detail: momentSchema,
});

export function momentHandler<R>(consumer: string, kind: MomentKind, run: (moment: MomentRun, tools: HandlerTools) => Promise<R>, options: { tools?: ToolOverrides } = {}) {
  let idempotent: ((fired: MomentRun, context: Context) => Promise<R>) | undefined;
  const once = () =>
    (idempotent ??= makeIdempotent(
      (fired: MomentRun, context: Context) => run(fired, toolsFor(context, { now: () => new Date(fired.scheduledTime), ...options.tools })),
      idempotencyFor(consumer, '[schedule, scheduledTime]'),
    ));

  return middy<unknown, R, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (input, context) => {
      const parsed = momentEventSchema.safeParse(input);
      if (!parsed.success) return refuse('one-time moment', input, parsed.error.issues);
      if (parsed.data.detail.kind !== kind) return refuse('one-time moment', input, `a ${parsed.data.detail.kind} moment reached the ${kind} handler`);
      const fired: MomentRun = { schedule: parsed.data.resources[0].split('/').pop()!, scheduledTime: parsed.data.time, executionId: parsed.data.id, moment: parsed.data.detail, self: context.invokedFunctionArn || undefined };
      logger.appendKeys({ consumer, schedule: fired.schedule, scheduledTime: fired.scheduledTime, moment: fired.moment, eventId: fired.executionId, correlationId: fired.executionId });
      const result = await withCorrelation(fired.executionId, () => once()(fired, context));
      logger.info('Moment handled', { result });
      return result;
    });
}
