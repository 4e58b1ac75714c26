import { ConditionFailed } from '../data/change-set';
import { saveImport, staleImports } from '../data/imports-repository';
import { entry, event, type CommandContext } from '../domain/common/change';
import { newId } from '../domain/common/clock';
import type { ImportJob } from '../domain/imports/import-job';

/**
 * The imports' watchdog (REC-11, schedule `import-watchdog`): a job whose runner died for good (its
 * retries spent, the event in the dead-letter queue) would stay `importing` forever. A running job
 * with no sign of life for `staleAfterMs` (each batch and each hand-over is one) is resumed from its
 * last recorded row, as "Resume" does; when it has been resumed `maxResumes` times without getting
 * past that row, it ends `failed` with the reason. So every job ends.
 */
export const watchdogLimits = { staleAfterMs: 15 * 60_000, maxResumes: 3 };

export type WatchdogOutcome = { importId: string; action: 'resumed' | 'failed' | 'busy' };

export async function watchImports(now: Date, limits = watchdogLimits): Promise<WatchdogOutcome[]> {
  const stale = await staleImports(new Date(now.getTime() - limits.staleAfterMs).toISOString());
  const outcomes: WatchdogOutcome[] = [];
  for (const job of stale) outcomes.push({ importId: job.id, action: await tend(job, now, limits.maxResumes) });
  return outcomes;
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
