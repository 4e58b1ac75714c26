import { momentSchema, type Moment, type MomentKind } from '../../shared/domain/moments/one-time-moment';
import type { HandlerTools, ToolOverrides } from './handler-tools';
import { runOf, scheduledEventSchema, schedulerTarget, type ScheduledRun } from './schedule-handler';

/**
 * The shape of a function a one-time moment's schedule invokes (ADR 0012), beside
 * `scheduleHandler` (ADR 0018): the same "Scheduled Event" (filled by Scheduler's context
 * attributes in the cloud, by the local scheduler on a laptop) with the moment as its detail,
 * parsed, the log keyed by the schedule and the moment, each fire of a schedule run once
 * (idempotency by schedule name and scheduled time). The consumer gets `now()` = the scheduled
 * time, and checks the moment against its record: a schedule may fire for a moment that moved on.
 */
export interface MomentRun extends ScheduledRun {
  /** The one-time schedule's name (shared/domain/moments: `reminder-activity-<id>`). */
  schedule: string;
  scheduledTime: string;
  executionId: string;
  moment: Moment;
  /** This function's ARN, for re-arming its own kind (undefined where no Lambda context names it: a test). */
  self: string | undefined;
}

const momentEventSchema = scheduledEventSchema.extend({ detail: momentSchema });

export function momentHandler<R>(consumer: string, kind: MomentKind, run: (moment: MomentRun, tools: HandlerTools) => Promise<R>, options: { tools?: ToolOverrides } = {}) {
  return schedulerTarget(
    consumer,
    { what: 'one-time moment', handled: 'Moment handled' },
    momentEventSchema,
    (event, context): MomentRun | { refused: string } =>
      event.detail.kind !== kind ? { refused: `a ${event.detail.kind} moment reached the ${kind} handler` } : { ...runOf(event), moment: event.detail, self: context.invokedFunctionArn || undefined },
    run,
    options,
  );
}
