import { useState, type FormEvent } from 'react';
import type { TransferResource } from '@shared/domain/ownership/ownership-transfer';
import { useI18n } from '../../i18n/use-i18n';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { ProgressMeter } from '../../ui/ProgressMeter';
import { apiErrorMessage } from '../../api/api-error-message';
import { OwnerSelect } from '../form/OwnerSelect';
import type { RowSelection } from '../list/row-selection';
import { useTransferMessages } from './transfer-messages';
import { summarizeTransfer, transferErrorKind } from './transfer-outcome';
import { batchesOf, TransferStopped } from './transfer-run';
import { TransferOutcomeView } from './TransferOutcomeView';
import { useOwnershipTransfer } from './use-transfer';
import '../../styles/transfer.css';

/**
 * Gives the chosen records to another owner (ACC-2): the new owner from the directory, then the
 * parts of 100 sent one after the other with their progress, then what came of it. A refusal
 * (403, 400) is said in the dialog; the records answered for leave the selection (`onAnswered`).
 * It cannot be closed while a transfer runs.
 */
interface TransferDialogProps {
  resource: TransferResource;
  /** The records chosen now: those not yet answered for. */
  selection: RowSelection;
  onAnswered: (ids: string[]) => void;
  onClose: () => void;
}

export function TransferDialog({ resource, selection, onAnswered, onClose }: TransferDialogProps) {
  const tm = useTransferMessages();
  const transfer = useOwnershipTransfer(resource);
  // The names as chosen on opening: the outcome names records the selection no longer holds.
  const [names] = useState(selection);

  return (
    <Dialog open title={tm.title} onClose={() => (transfer.isPending ? undefined : onClose())} testId="transfer-dialog">
      {transfer.isSuccess ? (
        <div className="dialog-form">
          <TransferOutcomeView summary={summarizeTransfer(transfer.data)} names={names} />
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={onClose} data-testid="transfer-close">
              {tm.close}
            </button>
          </div>
        </div>
      ) : (
        <TransferForm transfer={transfer} ids={[...selection.keys()]} names={names} onAnswered={onAnswered} onClose={onClose} />
      )}
    </Dialog>
  );
}

interface TransferFormProps {
  transfer: ReturnType<typeof useOwnershipTransfer>;
  ids: string[];
  names: RowSelection;
  onAnswered: (ids: string[]) => void;
  onClose: () => void;
}

function TransferForm({ transfer, ids, names, onAnswered, onClose }: TransferFormProps) {
  const { t } = useI18n();
  const tm = useTransferMessages();
  const [ownerId, setOwnerId] = useState('');
  const [ownerError, setOwnerError] = useState<string>();
  const running = transfer.isPending;
  const parts = batchesOf(ids).length;
  const stopped = transfer.error instanceof TransferStopped ? transfer.error : undefined;
  const failure: unknown = stopped ? stopped.failure : transfer.error;
  const kind = transferErrorKind(failure);
  const done = stopped && stopped.results.length > 0 ? summarizeTransfer(stopped.results) : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (running) return;
    if (!ownerId) {
      setOwnerError(tm.ownerRequired);
      return;
    }
    setOwnerError(undefined);
    transfer.mutate(
      { ids, toOwnerId: ownerId },
      {
        onSuccess: () => onAnswered(ids),
        onError: (error) => {
          if (error instanceof TransferStopped) onAnswered(summarizeTransfer(error.results).answered);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="dialog-form" aria-busy={running} data-testid="transfer-form">
      <p>
        {tm.intro(ids.length)}
        {parts > 1 ? ` ${tm.inParts(parts)}` : null}
      </p>
      {transfer.isError ? (
        <ErrorNotice>
          <p data-testid="transfer-error">{kind === 'other' ? apiErrorMessage(failure, t) : tm.errors[kind]}</p>
          {done ? <p>{tm.stopped(done.total, done.total + ids.length)}</p> : null}
        </ErrorNotice>
      ) : null}
      {done ? <TransferOutcomeView summary={done} names={names} /> : null}
      <Field id="transfer-owner" label={tm.owner} error={ownerError} required>
        {(aria) => (
          <OwnerSelect
            aria={aria}
            name="toOwnerId"
            testId="transfer-owner"
            value={ownerId}
            emptyLabel={tm.chooseOwner}
            activeOnly
            disabled={running}
            onChange={(value) => {
              setOwnerId(value);
              setOwnerError(undefined);
            }}
          />
        )}
      </Field>
      {running && transfer.progress ? (
        <ProgressMeter
          percent={(transfer.progress.done / Math.max(1, transfer.progress.total)) * 100}
          label={tm.progressLabel}
          text={tm.progress(transfer.progress.done, transfer.progress.total, transfer.progress.part, transfer.progress.parts)}
          testId="transfer-progress"
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={running || ids.length === 0} data-testid="transfer-submit">
          {running ? <Spinner size="sm" /> : null}
          {tm.submit}
        </button>
        <button type="button" className="button" onClick={onClose} disabled={running}>
          {tm.cancel}
        </button>
      </div>
    </form>
  );
}
