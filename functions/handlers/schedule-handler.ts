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
/** The "Scheduled Event" every Scheduler target receives; a one-time moment's adds its detail. */
export const scheduledEventSchema = eventBridgeEnvelope.extend({
  source: z.literal('aws.scheduler'),
  'detail-type': z.literal('Scheduled Event'),
  resources: z.tuple([scheduleArn]),
});
type ScheduledEvent = z.infer<typeof scheduledEventSchema>;

/** The run a fire is, from the parsed event: the schedule's name (the last part of its ARN), its time and the attempt. */
export const runOf = (event: ScheduledEvent): ScheduledRun => ({ schedule: event.resources[0].split('/').pop()!, scheduledTime: event.time, executionId: event.id });

/**
 * What every Scheduler target shares (a recurring schedule's, a one-time moment's): the event
 * parsed by `schema` and turned into the run (or a refusal), the log keyed by it, the run's time
 * as the consumer's `now()`, and each fire run once, by schedule name and scheduled time.
 */
export function schedulerTarget<E extends ScheduledEvent, S extends ScheduledRun, R>(
  consumer: string,
  names: { what: string; handled: string },
  schema: z.ZodType<E>,
  toRun: (event: E, context: Context) => S | { refused: string },
  run: (scheduled: S, tools: HandlerTools) => Promise<R>,
  options: { tools?: ToolOverrides } = {},
) {
  let idempotent: ((scheduled: S, context: Context) => Promise<R>) | undefined;
  const once = () =>
    (idempotent ??= makeIdempotent(
      (scheduled: S, context: Context) => run(scheduled, toolsFor(context, { now: () => new Date(scheduled.scheduledTime), ...options.tools })),
      idempotencyFor(consumer, '[schedule, scheduledTime]'),
    ));

  return middy<unknown, R, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (input, context) => {
      const parsed = schema.safeParse(input);
      if (!parsed.success) return refuse(names.what, input, parsed.error.issues);
      const scheduled = toRun(parsed.data, context);
      if ('refused' in scheduled) return refuse(names.what, input, scheduled.refused);
      const { executionId, ...keys } = scheduled;
      logger.appendKeys({ consumer, ...keys, eventId: executionId, correlationId: executionId });
      const result = await withCorrelation(executionId, () => once()(scheduled, context));
      logger.info(names.handled, { result });
      return result;
    });
}

export function scheduleHandler<R>(consumer: string, run: (scheduled: ScheduledRun, tools: HandlerTools) => Promise<R>, options: { tools?: ToolOverrides } = {}) {
  return schedulerTarget(consumer, { what: 'scheduled event', handled: 'Scheduled run handled' }, scheduledEventSchema, runOf, run, options);
}
