import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { ScheduledEvent } from 'aws-lambda';
import type { AppDefinition, ScheduleDef } from '../definition/types';
import type { LambdaRuntime } from './lambda-runtime';
import { targetRetryPolicy, withRetries, type RetryPolicy } from './retry-policy';
import { nextFireTime, parseScheduleExpression, type ScheduleExpression } from './schedule-expression';

/**
 * EventBridge Scheduler on a laptop: one timer per schedule of the definition, armed for its next
 * fire time in the schedule's zone (the client's zone for `timeZone: 'client'`), invoking the
 * handler with a Scheduler-like event and retrying a failure as the stack's targets do; and the
 * one-time schedules the functions create at run time (ADR 0012) through the Scheduler API
 * emulator (scheduler-api.ts), each a timer too, kept in `<dataDir>/one-time-schedules.json` so a
 * restart still fires them — one whose time passed while the stack was stopped fires at start.
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
  /** Where pending one-time schedules are kept across restarts; undefined: in memory only. */
  oneTimeFile?: string;
}

/** A one-time schedule as CreateSchedule / UpdateSchedule left it (the emulator checked its fields). */
export interface OneTimeSchedule {
  readonly name: string;
  readonly groupName: string;
  readonly description?: string;
  /** `at(yyyy-mm-ddThh:mm:ss)`, as given. */
  readonly expression: string;
  readonly timezone: string;
  /** The instant it fires. */
  readonly at: string;
  readonly target: { readonly arn: string; readonly roleArn: string; readonly input?: string };
  readonly actionAfterCompletion: 'NONE' | 'DELETE';
  readonly state: 'ENABLED' | 'DISABLED';
  readonly createdAt: string;
  readonly modifiedAt: string;
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
  private readonly oneTime = new Map<string, OneTimeSchedule>();
  private readonly oneTimeTimers = new Map<string, unknown>();
  private readonly oneTimeTargets: ReadonlyMap<string, string>;
  private readonly firing = new Set<Promise<void>>();

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? systemClock;
    this.schedules = options.definition.schedules.map((s) => {
      options.runtime.functionDef(s.function);
      this.parsed.set(s.id, parseScheduleExpression(s.expression));
      return { ...s, zone: s.timeZone === 'client' ? options.clientTimeZone : 'UTC' };
    });
    // Scheduler may invoke exactly the definition's one-time targets (the stack's invoke role says so).
    this.oneTimeTargets = new Map(
      options.definition.oneTimeTargets.map((t) => {
        options.runtime.functionDef(t.function);
        return [this.functionArn(t.function), t.function];
      }),
    );
    if (options.oneTimeFile && existsSync(options.oneTimeFile)) {
      for (const schedule of JSON.parse(readFileSync(options.oneTimeFile, 'utf8')) as OneTimeSchedule[]) this.oneTime.set(this.keyOf(schedule), schedule);
    }
  }

  start(): void {
    this.running = true;
    for (const schedule of this.schedules) this.arm(schedule, this.clock.now());
    for (const schedule of this.oneTime.values()) this.armOneTime(schedule);
  }

  stop(): void {
    this.running = false;
    for (const handle of this.timers.values()) this.clock.clearTimer(handle);
    this.timers.clear();
    for (const handle of this.oneTimeTimers.values()) this.clock.clearTimer(handle);
    this.oneTimeTimers.clear();
  }

  /** The scheduler's clock (the emulator stamps schedules with it). */
  now(): Date {
    return this.clock.now();
  }

  /** The ARN a one-time schedule names to invoke a function of the definition. */
  functionArn(functionId: string): string {
    return `arn:aws:lambda:${this.options.region}:${this.options.accountId}:function:${functionId}`;
  }

  /** The schedule group's name, `crm-<client>` as in the stack. */
  get groupName(): string {
    return this.options.groupName;
  }

  /** The functions one-time schedules may invoke (the runtime description's `oneTimeTargets`). */
  get oneTimeTargetFunctions(): string[] {
    return [...new Set(this.oneTimeTargets.values())];
  }

  /** Whether an ARN names a function one-time schedules may invoke. */
  isOneTimeTarget(arn: string): boolean {
    return this.oneTimeTargets.has(arn);
  }

  /** `schedule/<group>/<name>`'s ARN. */
  scheduleArn(groupName: string, name: string): string {
    return `arn:aws:scheduler:${this.options.region}:${this.options.accountId}:schedule/${groupName}/${name}`;
  }

  getOneTime(groupName: string, name: string): OneTimeSchedule | undefined {
    return this.oneTime.get(`${groupName}/${name}`);
  }

  /** Pending one-time schedules, by name. */
  listOneTime(groupName?: string, namePrefix = ''): OneTimeSchedule[] {
    return [...this.oneTime.values()].filter((s) => (!groupName || s.groupName === groupName) && s.name.startsWith(namePrefix)).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Creates or replaces a one-time schedule and arms its timer. */
  putOneTime(schedule: OneTimeSchedule): void {
    const key = this.keyOf(schedule);
    this.disarmOneTime(key);
    this.oneTime.set(key, schedule);
    this.saveOneTime();
    if (this.running) this.armOneTime(schedule);
  }

  /** Deletes a one-time schedule; false when there was none. */
  deleteOneTime(groupName: string, name: string): boolean {
    const key = `${groupName}/${name}`;
    this.disarmOneTime(key);
    const existed = this.oneTime.delete(key);
    if (existed) this.saveOneTime();
    return existed;
  }

  /** Resolves once no one-time target invocation is running. */
  async oneTimeIdle(): Promise<void> {
    while (this.firing.size > 0) await Promise.all([...this.firing]);
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

  private keyOf(schedule: Pick<OneTimeSchedule, 'groupName' | 'name'>): string {
    return `${schedule.groupName}/${schedule.name}`;
  }

  private saveOneTime(): void {
    const file = this.options.oneTimeFile;
    if (!file) return;
    // Written whole and renamed into place, so a crash mid-write never leaves a torn file.
    writeFileSync(`${file}.tmp`, JSON.stringify([...this.oneTime.values()], null, 2));
    renameSync(`${file}.tmp`, file);
  }

  private disarmOneTime(key: string): void {
    const handle = this.oneTimeTimers.get(key);
    if (handle !== undefined) this.clock.clearTimer(handle);
    this.oneTimeTimers.delete(key);
  }

  private armOneTime(schedule: OneTimeSchedule): void {
    if (schedule.state !== 'ENABLED') return;
    const key = this.keyOf(schedule);
    const delay = Date.parse(schedule.at) - this.clock.now().getTime();
    // A time passed while the stack was stopped fires now; one beyond setTimeout's reach is reached in steps.
    const step = Math.min(Math.max(0, delay), maxTimerMs);
    this.oneTimeTimers.set(
      key,
      this.clock.setTimer(() => {
        this.oneTimeTimers.delete(key);
        if (this.oneTime.get(key) !== schedule) return;
        if (delay > maxTimerMs) return this.armOneTime(schedule);
        const done = this.fireOneTime(schedule).finally(() => this.firing.delete(done));
        this.firing.add(done);
      }, step),
    );
  }

  /**
   * Fires as Scheduler does: deleted at once when it deletes after completion (the target's
   * invocation is asynchronous: a handler that sets the same name again makes a new schedule), the
   * context attributes of its input filled, the target invoked with the targets' retries.
   */
  private async fireOneTime(schedule: OneTimeSchedule): Promise<void> {
    if (schedule.actionAfterCompletion === 'DELETE') this.deleteOneTime(schedule.groupName, schedule.name);
    const functionId = this.oneTimeTargets.get(schedule.target.arn);
    if (!functionId) {
      console.error(`[scheduler] one-time schedule ${schedule.name} names ${schedule.target.arn}, which its role may not invoke`);
      return;
    }
    const input = (schedule.target.input ?? '{}')
      .replaceAll('<aws.scheduler.execution-id>', randomUUID())
      .replaceAll('<aws.scheduler.scheduled-time>', new Date(schedule.at).toISOString().replace(/\.\d{3}Z$/, 'Z'))
      .replaceAll('<aws.scheduler.schedule-arn>', this.scheduleArn(schedule.groupName, schedule.name))
      .replaceAll('<aws.scheduler.attempt-number>', '1');
    const event: unknown = JSON.parse(input);
    await withRetries(() => this.options.runtime.invoke(functionId, event), this.options.retry ?? targetRetryPolicy, {
      sleep: (ms) => new Promise((resolve) => this.clock.setTimer(resolve, ms)),
      stopped: () => !this.running,
      onFailure: (error, attempt, final) => {
        if (final) console.error(`[scheduler] one-time schedule ${schedule.name} gave up after ${attempt} attempts:`, error);
      },
    });
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
