import { noCounts, type ImportJob } from '@shared/domain/imports/import-job';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ImportCountsView } from './ImportCountsView';
import { ImportReport } from './ImportReport';
import { useImportMessages } from './import-messages';
import { AppLink } from '../../ui/AppLink';

/** Step 5: what the import did (or why it stopped), the report with links to the records, and the next file. */
export function ResultStep({ job }: { job: ImportJob }) {
  const m = useImportMessages();
  const imported = job.progress?.phase === 'import' ? job.progress.counts : undefined;
  const title = job.status === 'done' ? m.result.title : job.status === 'failed' ? m.result.failedTitle : m.result.cancelledTitle;
  return (
    <section className="transfer-step" aria-labelledby="import-result-title">
      <h2 className="transfer-step-title" id="import-result-title" tabIndex={-1}>
        {title}
      </h2>
      {job.status === 'failed' ? (
        <ErrorNotice>
          <p>{m.result.failedText}</p>
          {job.error ? <p className="break">{job.error}</p> : null}
        </ErrorNotice>
      ) : null}
      {imported ? <ImportCountsView counts={imported ?? noCounts} phase="import" label={m.result.report} /> : null}
      <div className="form-actions">
        <AppLink href="/imports/new" className="button button-primary" testId="import-another">
          {m.importAnother}
        </AppLink>
        <AppLink href="/imports" className="button">
          {m.backToList}
        </AppLink>
      </div>
      {imported && job.runs?.import ? (
        <ImportReport job={job} phase="import" outcomes={['created', 'updated', 'skipped', 'invalid', 'failed']} counts={imported} editable={false} title={m.result.report} />
      ) : null}
    </section>
  );
}
