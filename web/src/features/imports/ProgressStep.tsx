import { noCounts, type ImportJob } from '@shared/domain/imports/import-job';
import { useI18n } from '../../i18n/use-i18n';
import { Spinner } from '../../ui/Spinner';
import { ActionError } from './ActionError';
import { CancelImportButton } from './CancelImportButton';
import { ImportCountsView } from './ImportCountsView';
import { useImportMessages } from './import-messages';
import { ProgressMeter } from '../../ui/ProgressMeter';
import { isStalled, useImportAction, useNow } from './use-imports';

/**
 * Steps 3 and 4 while the runner works: the share of rows done and the counts so far, followed
 * every second. A run with no movement for two minutes can be resumed from its last row.
 */
export function ProgressStep({ job }: { job: ImportJob }) {
  const m = useImportMessages();
  const { format } = useI18n();
  const now = useNow(5_000);
  const resume = useImportAction(job.id, (api, version: number) => api.resume(job.id, version));
  const phase = job.progress?.phase ?? (job.status === 'checking' ? 'check' : 'import');
  const total = job.rowCount ?? 0;
  // Rows counted so far: data rows, as rowCount is (a blank row in between is neither).
  const counts = job.progress?.counts;
  const done = Math.min(counts ? counts.created + counts.updated + counts.skipped + counts.invalid + counts.failed : 0, total);
  const percent = total > 0 ? (done / total) * 100 : 0;
  const stalled = isStalled(job, now);

  return (
    <section className="transfer-step" aria-labelledby="import-progress-title">
      <h2 className="transfer-step-title" id="import-progress-title" tabIndex={-1}>
        {phase === 'check' ? m.progress.checking : m.progress.importing}
      </h2>
      <ProgressMeter percent={percent} label={m.progress.label(phase)} testId="import-progress" text={m.progress.rows(done, total)} />
      <ImportCountsView counts={job.progress?.counts ?? noCounts} phase={phase} label={m.progress.label(phase)} />
      <p className="visually-hidden" aria-live="polite">
        {format.number(Math.round(percent))}%
      </p>
      <ActionError error={resume.error} />
      {stalled ? (
        <div className="notice notice-error" role="alert" data-testid="import-stalled">
          <p>{m.progress.stalled}</p>
          <div className="transfer-inline-actions">
            <button type="button" className="button button-primary" disabled={resume.isPending} onClick={() => resume.mutate(job.version)} data-testid="import-resume">
              {resume.isPending ? <Spinner size="sm" /> : null}
              {resume.isPending ? m.progress.resuming : m.progress.resume}
            </button>
            <CancelImportButton job={job} />
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <p className="muted transfer-background-note">{m.progress.background}</p>
          <span className="transfer-actions-spacer" />
          <CancelImportButton job={job} />
        </div>
      )}
    </section>
  );
}
