import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { idempotencyFor } from '../../shared/adapters/idempotency';
import { withCorrelation } from '../../shared/events/correlation';
import { logger } from '../observability/logger';
import { eventBridgeEnvelope } from './eventbridge-envelope';
import { refuse, toolsFor, type HandlerTools, type ToolOverrides } from './handler-tools';

/**
 * The one shape of a scheduled function (ADR 0018): the Scheduler's event parsed (in the cloud
 * the stack's target input gives the same "Scheduled Event" the local scheduler sends), the log
 * keyed by the run, and each scheduled time run once: idempotency by the schedule's name and
 * scheduled time, since every attempt of a run has a new execution id.
 */
export interface ScheduledRun {
  /** The schedule's name (its id in the app definition). */
  schedule: string;
  /** The time the run was planned for: the consumer's "now", whenever the attempt runs. */
  scheduledTime: string;
  /** This attempt's id (the Scheduler's execution id). */
  executionId: string;
}

const scheduleArn = z.string().regex(/^arn:aws[\w-]*:scheduler:[^:]*:[^:]*:schedule\/[^/]+\/[^/]+$/, 'a schedule ARN');
const scheduledEventSchema = eventBridgeEnvelope.extend({
  source: z.literal('aws.scheduler'),
  'detail-type': z.literal('Scheduled Event'),
  resources: z.tuple([scheduleArn]),
});

export function scheduleHandler<R>(consumer: string, run: (scheduled: ScheduledRun, tools: HandlerTools) => Promise<R>, options: { tools?: ToolOverrides } = {}) {
  let idempotent: ((scheduled: ScheduledRun, context: Context) => Promise<R>) | undefined;
  const once = () =>
    (idempotent ??= makeIdempotent(
      (scheduled: ScheduledRun, context: Context) => run(scheduled, toolsFor(context, { now: () => new Date(scheduled.scheduledTime), ...options.tools })),
      idempotencyFor(consumer, '[schedule, scheduledTime]'),
    ));

  return middy<unknown, R, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (input, context) => {
      const parsed = scheduledEventSchema.safeParse(input);
      if (!parsed.success) return refuse('scheduled event', input, parsed.error.issues);
      const scheduled: ScheduledRun = { schedule: parsed.data.resources[0].split('/').pop()!, scheduledTime: parsed.data.time, executionId: parsed.data.id };
      logger.appendKeys({ consumer, schedule: scheduled.schedule, scheduledTime: scheduled.scheduledTime, eventId: scheduled.executionId, correlationId: scheduled.executionId });
      const result = await withCorrelation(scheduled.executionId, () => once()(scheduled, context));
      logger.info('Scheduled run handled', { result });
      return result;
    });
}
