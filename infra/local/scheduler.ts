import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import type { AppDefinition, ScheduleDef } from '../definition/types';
import type { LambdaRuntime } from './lambda-runtime';
import { targetRetryPolicy, withRetries, type RetryPolicy } from './retry-policy';
import { nextFireTime, parseScheduleExpression, type ScheduleExpression } from './schedule-expression';

/**
 * EventBridge Scheduler on a laptop: one timer per schedule of the definition, armed for its next
 * fire time in the schedule's zone (the client's zone for `timeZone: 'client'`), invoking the
 * handler with a Scheduler-like event and retrying a failure as the stack's targets do.
 */
export interface Clock {
  now(): Date;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface RegisteredSchedule extends ScheduleDef {
  /** The IANA zone the expression is evaluated in. */
  readonly zone: string;
}

export interface SchedulerOptions {
  definition: AppDefinition;
  clientTimeZone: string;
  /** Schedule group, `crm-<client>` as in the stack. */
  groupName: string;
  region: string;
  accountId: string;
  runtime: LambdaRuntime;
  clock?: Clock;
  retry?: RetryPolicy;
}

/** setTimeout holds at most ~24.8 days; a later fire time is reached in steps. */
const maxTimerMs = 2 ** 31 - 1;

export class LocalScheduler {
  readonly schedules: readonly RegisteredSchedule[];
  private readonly parsed = new Map<string, ScheduleExpression>();
  private readonly timers = new Map<string, unknown>();
  private readonly next = new Map<string, Date | undefined>();
  private readonly clock: Clock;
  private running = false;

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? systemClock;
    this.schedules = options.definition.schedules.map((s) => {
      options.runtime.functionDef(s.function);
      this.parsed.set(s.id, parseScheduleExpression(s.expression));
      return { ...s, zone: s.timeZone === 'client' ? options.clientTimeZone : 'UTC' };
    });
  }

  start(): void {
    this.running = true;
    for (const schedule of this.schedules) this.arm(schedule, this.clock.now());
  }

  stop(): void {
    this.running = false;
    for (const handle of this.timers.values()) this.clock.clearTimer(handle);
    this.timers.clear();
  }

  /** When each schedule fires next (undefined: never again, or not started). */
  nextFireTimes(): Record<string, Date | undefined> {
    return Object.fromEntries(this.schedules.map((s) => [s.id, this.next.get(s.id)]));
  }

  /** Invokes a schedule's handler now, as if it had fired; resolves with the handler's result. */
  runNow(id: string): Promise<unknown> {
    const schedule = this.schedules.find((s) => s.id === id);
    if (!schedule) throw new Error(`No schedule "${id}"; known: ${this.schedules.map((s) => s.id).join(', ')}`);
    return this.options.runtime.invoke(schedule.function, this.event(schedule, this.clock.now()));
  }

  private arm(schedule: RegisteredSchedule, after: Date): void {
    const at = nextFireTime(this.parsed.get(schedule.id)!, after, schedule.zone);
    this.next.set(schedule.id, at);
    if (!at || !this.running) return;
    const delay = at.getTime() - this.clock.now().getTime();
    if (delay > maxTimerMs) {
      this.timers.set(schedule.id, this.clock.setTimer(() => this.arm(schedule, after), maxTimerMs));
      return;
    }
    this.timers.set(
      schedule.id,
      this.clock.setTimer(() => {
        // Re-armed from the planned time, not from when the timer ran, so no fire time is skipped.
        this.arm(schedule, at);
        void this.fire(schedule, at);
      }, Math.max(0, delay)),
    );
  }

  private async fire(schedule: RegisteredSchedule, at: Date): Promise<void> {
    const event = this.event(schedule, at);
    await withRetries(() => this.options.runtime.invoke(schedule.function, event), this.options.retry ?? targetRetryPolicy, {
      sleep: (ms) => new Promise((resolve) => this.clock.setTimer(resolve, ms)),
      stopped: () => !this.running,
      onFailure: (error, attempt, final) => {
        if (final) console.error(`[scheduler] ${schedule.id} gave up on the run of ${event.time} after ${attempt} attempts:`, error);
      },
    });
  }

  /** The event Scheduler hands a Lambda target: a "Scheduled Event" naming the schedule. */
  private event(schedule: RegisteredSchedule, at: Date): ScheduledEvent {
    const { region, accountId, groupName } = this.options;
    return {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.scheduler',
      account: accountId,
      time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region,
      resources: [`arn:aws:scheduler:${region}:${accountId}:schedule/${groupName}/${schedule.id}`],
      detail: {},
    };
  }
}
