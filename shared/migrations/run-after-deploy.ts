import { setMoment } from '../adapters/one-time-schedules';
import type { Moment } from '../domain/moments/one-time-moment';
import { defaultMigrationContext } from './context';
import { migrations } from './registry';
import { runMigrations, type MigrationOutcome } from './runner';

/**
 * The migrations as the stack runs them (ADR 0024): after every deploy that changes the
 * run-migrations function (a new migration is new code), and again until they are done. A run
 * stops between pages after `budgetMs` — well inside Lambda's 15 minutes — and, when work is
 * left, sets a one-time moment a minute on that invokes the same function again (ADR 0012's
 * Scheduler schedules, no Step Functions); the next run resumes from the saved cursors.
 */
export const budgetMs = 12 * 60_000;
/** Time a run keeps for its last page's writes and the hand-over. */
const reserveMs = 90_000;
const nextRunAfterMs = 60_000;

/** One moment per table: the hand-over's schedule is re-armed, never doubled. */
export const continuation = (at: Date): Moment => ({ kind: 'migrations', subject: { type: 'table', id: 'data' }, at: at.toISOString() });

export interface AfterDeployRun {
  finished: boolean;
  version: number;
  outcomes: Omit<MigrationOutcome, 'report'>[];
  /** When the next run was set for, if work is left. */
  continuesAt?: string;
}

export async function runAfterDeploy(options: { self: string | undefined; remainingMs: () => number; now: Date; log: (line: string) => void }): Promise<AfterDeployRun> {
  const started = Date.now();
  // A quarter of a short-lived invocation's time at most, so a function given little time still moves on.
  const reserve = Math.min(reserveMs, options.remainingMs() / 4);
  const result = await runMigrations({
    migrations,
    context: defaultMigrationContext,
    log: options.log,
    shouldStop: () => Date.now() - started > budgetMs || options.remainingMs() < reserve,
  });
  const outcomes = result.outcomes.map(({ report: _report, ...outcome }) => outcome);
  if (result.finished) return { finished: true, version: result.version, outcomes };
  if (!options.self) throw new Error('migrations left unfinished and no function ARN to continue with');
  const at = new Date(options.now.getTime() + nextRunAfterMs);
  await setMoment(continuation(at), at, options.self);
  options.log(`[migrate] continuing at ${at.toISOString()}`);
  return { finished: false, version: result.version, outcomes, continuesAt: at.toISOString() };
}
