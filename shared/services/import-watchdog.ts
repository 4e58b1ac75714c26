import { applyMomentChange } from '../adapters/one-time-schedules';
import { ConditionFailed } from '../data/change-set';
import { getImport, runningStatuses, saveImport } from '../data/imports-repository';
import { entry, event, type CommandContext } from '../domain/common/change';
import { newId } from '../domain/common/clock';
import type { ImportJob } from '../domain/imports/import-job';
import { importCheckAt, importCheckChangeOf, importStaleAfterMs } from '../domain/moments/one-time-moment';

/**
 * The imports' watchdog (REC-11, ADR 0011, ADR 0012): a job whose runner died for good (its
 * retries spent, the event in the dead-letter queue) would stay `importing` forever. Each running
 * job has a one-time stale check, `import-check-import-<id>`, set from its outbox events at its last
 * sign of life + 15 minutes (each hand-over is one; a step lasts at most its function's 5 minutes,
 * so the check moves at most once per step) and deleted when the phase finishes. When it fires, a
 * job with no sign of life for `staleAfterMs` (each batch and each hand-over is one) is resumed from
 * its last recorded row, as "Resume" does; one that showed life meanwhile gets its check moved on;
 * when it has been resumed `maxResumes` times without getting past that row, it ends `failed` with
 * the reason. So every job ends, and nothing runs while no import does.
 */
export const watchdogLimits = { staleAfterMs: importStaleAfterMs, maxResumes: 3 };

export type WatchdogOutcome = { importId: string; action: 'resumed' | 'failed' | 'busy' | 'alive' | 'not-running' };

/** Sets, moves or deletes an import's stale check after one of its events. */
export const keepImportCheck = (event: Parameters<typeof importCheckChangeOf>[0], now: Date) => applyMomentChange(importCheckChangeOf(event, now));

/** An import's stale check fired: tends the job if it is running and silent for too long. `self`: the firing function's ARN. */
export async function checkImport(importId: string, now: Date, self?: string, limits = watchdogLimits): Promise<WatchdogOutcome> {
  const job = await getImport(importId);
  if (!job || !runningStatuses.includes(job.status)) return { importId, action: 'not-running' };
  if (Date.parse(job.updatedAt) > now.getTime() - limits.staleAfterMs) {
    // A runner still at work without handing over (a step's Lambda retries): look again later.
    await applyMomentChange(importCheckAt(job.id, job.updatedAt, now), self);
    return { importId, action: 'alive' };
  }
  return { importId, action: await tend(job, now, limits.maxResumes) };
}

async function tend(job: ImportJob, now: Date, maxResumes: number): Promise<WatchdogOutcome['action']> {
  const ctx: CommandContext = { actor: { type: 'system', id: 'import-watchdog' }, now, newId: () => newId(now) };
  const at = now.toISOString();
  const row = job.progress?.nextRow ?? 0;
  // Resumes count from the row it stalled at: a job that got further since starts afresh.
  const resumes = job.watchdog && job.watchdog.atRow === row ? job.watchdog.resumes : 0;
  let next: ImportJob;
  let action: WatchdogOutcome['action'];
  if (resumes >= maxResumes) {
    const error = job.progress
      ? `The import stopped at row ${row + 2} and did not go on after ${resumes} resumes; rows before it are done`
      : `The file could not be read: its reading stopped ${resumes + 1} times`;
    next = { ...job, status: 'failed', error, ...(job.progress ? { progress: { ...job.progress, finishedAt: at } } : {}), updatedAt: at, version: job.version + 1 };
    action = 'failed';
  } else {
    const progress = job.progress ? { progress: { ...job.progress, step: job.progress.step + 1 } } : {};
    next = { ...job, ...progress, watchdog: { resumes: resumes + 1, atRow: row, at }, updatedAt: at, version: job.version + 1 };
    action = 'resumed';
  }
  const phase = job.status === 'reading' || !job.progress ? 'read' : job.progress.phase;
  const events =
    action === 'failed'
      ? phase === 'read'
        ? []
        : [event(ctx, 'ImportFinished', { importId: job.id, phase, status: 'failed', counts: { ...job.progress!.counts }, actorId: job.createdBy })]
      : [event(ctx, 'ImportRequested', { importId: job.id, phase, step: next.progress?.step ?? 0 })];
  try {
    await saveImport(
      next,
      job,
      entry(ctx, 'updated', action === 'failed' ? { changes: [{ field: 'status', from: job.status, to: 'failed' }], note: next.error } : { data: { resumedAtRow: row, step: next.progress?.step, watchdog: resumes + 1 } }),
      events,
    );
  } catch (error) {
    // A runner, a person or another watchdog run moved it meanwhile: it is alive.
    if (error instanceof ConditionFailed) return 'busy';
    throw error;
  }
  return action;
}
