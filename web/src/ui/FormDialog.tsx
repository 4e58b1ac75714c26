import type { FormEvent, ReactNode } from 'react';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';
import { Spinner } from './Spinner';

/**
 * A modal form: its title and what it does, an error above the fields, the fields, then the
 * submit button (busy while sending; red when it is a dangerous step) and cancel.
 */
interface FormDialogProps {
  title: string;
  intro?: ReactNode;
  failure?: string | undefined;
  submit: string;
  submitting: string;
  busy: boolean;
  danger?: boolean;
  cancel: string;
  onSubmit: () => void;
  onClose: () => void;
  testId: string;
  className?: string;
  children?: ReactNode;
}

export function FormDialog({ title, intro, failure, submit, submitting, busy, danger = false, cancel, onSubmit, onClose, testId, className, children }: FormDialogProps) {
  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) onSubmit();
  }
  return (
    <Dialog open title={title} onClose={onClose} testId={testId}>
      <form className={className ? `dialog-form ${className}` : 'dialog-form'} onSubmit={send} noValidate aria-busy={busy}>
        {intro ? <p className="break">{intro}</p> : null}
        {failure ? <ErrorNotice>{failure}</ErrorNotice> : null}
        {children}
        <div className="form-actions">
          <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={busy} data-testid={`${testId}-submit`}>
            {busy ? <Spinner size="sm" /> : null}
            {busy ? submitting : submit}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** After a refused submit: the first field in error (in the open dialog, or under `root`) takes the focus, so its reason is read out. */
export function focusFirstInvalid(root = 'dialog[open]'): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`${root} [aria-invalid="true"]`)?.focus());
}
