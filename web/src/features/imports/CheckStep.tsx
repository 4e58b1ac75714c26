import { useState } from 'react';
import { noCounts, type DuplicatePolicy, type ImportJob } from '@shared/domain/imports/import-job';
import { Spinner } from '../../ui/Spinner';
import { ActionError } from './ActionError';
import { CancelImportButton } from './CancelImportButton';
import { ImportCountsView } from './ImportCountsView';
import { ImportReport } from './ImportReport';
import { useImportMessages } from './import-messages';
import { PolicyRadios } from './PolicyRadios';
import { useImportAction } from './use-imports';

/**
 * Step 3, once the dry run is done: what the import would do, the rows with errors, the
 * duplicates (globally and row by row), and the way on: import, check again or remap.
 */
export function CheckStep({ job, onEditMapping }: { job: ImportJob; onEditMapping: () => void }) {
  const m = useImportMessages();
  const counts = job.checked ?? (job.progress?.phase === 'check' ? job.progress.counts : noCounts);
  const [policyChanged, setPolicyChanged] = useState(false);
  // The choice shows at once; the saved job confirms it, a failure puts the saved one back.
  const [choosing, setChoosing] = useState<DuplicatePolicy | null>(null);
  const policy = useImportAction(job.id, (api, vars: { version: number; policy: DuplicatePolicy }) => api.configure(job.id, { version: vars.version, duplicatePolicy: vars.policy }));
  const run = useImportAction(job.id, (api, version: number) => api.run(job.id, version));
  const recheck = useImportAction(job.id, (api, version: number) => api.check(job.id, version));
  const busy = policy.isPending || run.isPending || recheck.isPending;

  return (
    <section className="transfer-step" aria-labelledby="import-check-title">
      <h2 className="transfer-step-title" id="import-check-title" tabIndex={-1}>
        {m.check.title}
      </h2>
      <ImportCountsView counts={counts} phase="check" label={m.check.summary} />
      {counts.invalid > 0 ? (
        <p className="notice notice-error" data-testid="import-invalid-note">
          <span>{m.check.invalidNote(counts.invalid)}</span>
        </p>
      ) : (
        <p className="notice notice-info">
          <span>{m.check.allGood}</span>
        </p>
      )}

      <PolicyRadios
        value={choosing ?? job.duplicatePolicy}
        disabled={busy}
        onChange={(next) => {
          setChoosing(next);
          policy.mutate({ version: job.version, policy: next }, { onSuccess: () => setPolicyChanged(true), onSettled: () => setChoosing(null) });
        }}
      />
      {policyChanged ? (
        <p className="field-hint" role="status">
          {m.policy.changed}
        </p>
      ) : null}
      <ActionError error={policy.error ?? run.error ?? recheck.error} />

      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={busy} data-testid="import-run" onClick={() => run.mutate(job.version)}>
          {run.isPending ? <Spinner size="sm" /> : null}
          {run.isPending ? m.check.running : m.check.run}
        </button>
        <button type="button" className="button" disabled={busy} data-testid="import-recheck" onClick={() => recheck.mutate(job.version, { onSuccess: () => setPolicyChanged(false) })}>
          {recheck.isPending ? <Spinner size="sm" /> : null}
          {m.check.recheck}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onEditMapping} data-testid="import-edit-mapping">
          {m.check.editMapping}
        </button>
        <span className="transfer-actions-spacer" />
        <CancelImportButton job={job} />
      </div>

      <ImportReport job={job} phase="check" outcomes={['invalid', 'skipped', 'updated', 'created']} counts={counts} editable={!busy} title={m.check.report} />
      <p className="field-hint">{m.check.choicesNote}</p>
    </section>
  );
}
