import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../../../api/api-error';
import { useI18n } from '../../../i18n/use-i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Spinner } from '../../../ui/Spinner';
import { apiErrorMessage } from '../../leads/shared/api-error-message';
import { useRecordsMessages } from '../../records/records-messages';
import '../../../styles/accounts-contacts.css';

/**
 * The frame of the account and contact forms: title, the error summary, the fields, and the
 * actions; after a failed submit the first field in error (or the summary) gets the focus.
 */
interface RecordFormShellProps {
  title: string;
  testId: string;
  submitLabel: string;
  submitting: boolean;
  hasFieldErrors: boolean;
  otherErrors: string[];
  notice?: ReactNode;
  attempt: number;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

export function RecordFormShell(props: RecordFormShellProps) {
  const m = useRecordsMessages();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (props.attempt === 0) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [props.attempt]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!props.submitting) props.onSubmit();
  }

  const summary = props.hasFieldErrors || props.otherErrors.length > 0;
  return (
    <section className="page page-form" aria-labelledby={`${props.testId}-title`}>
      <h1 id={`${props.testId}-title`}>{props.title}</h1>
      <form ref={formRef} className="lead-form ac-form" data-testid={props.testId} onSubmit={submit} noValidate aria-busy={props.submitting}>
        {props.notice}
        {summary ? (
          <div tabIndex={-1} role="alert" className="notice notice-error" data-testid="record-form-errors">
            <p>{m.form.fixErrors}</p>
            {props.otherErrors.length > 0 ? (
              <ul>
                {props.otherErrors.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {props.children}
        <div className="form-actions form-actions-sticky">
          <button type="submit" className="button button-primary" disabled={props.submitting} data-testid="record-form-submit">
            {props.submitting ? <Spinner size="sm" /> : null}
            {props.submitting ? m.form.saving : props.submitLabel}
          </button>
          <button type="button" className="button" onClick={props.onCancel} data-testid="record-form-cancel">
            {m.form.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * What went wrong with a save as a whole: a version conflict (with "load the latest version"),
 * another failure the fields cannot show, or "nothing changed".
 */
export function SaveNotice({ error, nothingChanged, onReload }: { error: unknown; nothingChanged: boolean; onReload?: () => Promise<void> }) {
  const { t } = useI18n();
  const m = useRecordsMessages();
  const [reloading, setReloading] = useState(false);
  if (isApiError(error) && error.isConflict) {
    return (
      <ErrorNotice
        action={
          onReload ? (
            <button
              type="button"
              className="button"
              data-testid="record-form-reload"
              disabled={reloading}
              onClick={() => {
                setReloading(true);
                void onReload().finally(() => setReloading(false));
              }}
            >
              {m.form.reload}
            </button>
          ) : undefined
        }
      >
        <span data-testid="record-form-conflict">{m.form.conflict}</span>
      </ErrorNotice>
    );
  }
  if (error && !(isApiError(error) && error.fields.length > 0)) return <ErrorNotice>{apiErrorMessage(error, t)}</ErrorNotice>;
  if (nothingChanged) {
    return (
      <p className="notice notice-info" role="status">
        {m.form.nothingChanged}
      </p>
    );
  }
  return null;
}
