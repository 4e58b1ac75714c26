import { useState } from 'react';
import type { ImportJob } from '@shared/domain/imports/import-job';
import { Dialog } from '../../ui/Dialog';
import { Spinner } from '../../ui/Spinner';
import { ActionError } from './ActionError';
import { useImportMessages } from './import-messages';
import { useImportAction } from './use-imports';

/** Cancels the import after a confirmation; rows already imported stay. */
export function CancelImportButton({ job }: { job: ImportJob }) {
  const m = useImportMessages();
  const [open, setOpen] = useState(false);
  const cancel = useImportAction(job.id, (api, version: number) => api.cancel(job.id, version));
  return (
    <>
      <button type="button" className="button button-danger" onClick={() => setOpen(true)} data-testid="import-cancel">
        {m.progress.cancel}
      </button>
      <Dialog open={open} title={m.progress.cancel} onClose={() => setOpen(false)} testId="import-cancel-dialog">
        <div className="dialog-form">
          <p>{m.progress.confirmCancel}</p>
          <ActionError error={cancel.error} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={cancel.isPending}
              data-testid="import-cancel-confirm"
              onClick={() => cancel.mutate(job.version, { onSuccess: () => setOpen(false) })}
            >
              {cancel.isPending ? <Spinner size="sm" /> : null}
              {cancel.isPending ? m.progress.cancelling : m.progress.cancel}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {m.progress.keep}
            </button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
