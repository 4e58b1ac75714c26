import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { Spinner } from '../../ui/Spinner';
import { useRecordsMessages } from '../records-messages';

/**
 * The frame of a record's create and edit forms (accounts, contacts, deals, catalog): title, the
 * error summary, the fields, and the actions; after a failed submit the first field in error (or
 * the summary) gets the focus.
 */
interface RecordFormShellProps {
  title: string;
  testId: string;
  submitLabel: string;
  submitting: boolean;
  /** The form's errors by field (any: say so above the form), those no field shows, and the failed submits so far. */
  form: { errors: Readonly<Record<string, string>>; otherErrors: readonly string[]; attempt: number };
  /** A problem with the whole request (conflict, network), with its own action: see `SaveNotice`. */
  notice?: ReactNode;
  onSubmit: () => void;
  onCancel: () => void;
  /** The form's own class next to `lead-form`. */
  className?: string;
  /** A type's own words above the fields in error (the kit's by default). */
  fixErrorsText?: string;
  /** The prefix of the actions' test ids (`<prefix>-submit`, `<prefix>-cancel`): `record-form` by default. */
  actionTestIds?: string;
  children: ReactNode;
}

export function RecordFormShell(props: RecordFormShellProps) {
  const m = useRecordsMessages();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (props.form.attempt === 0) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [props.form.attempt]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!props.submitting) props.onSubmit();
  }

  const { errors, otherErrors } = props.form;
  const summary = Object.keys(errors).length > 0 || otherErrors.length > 0;
  const titleId = `${props.testId}-title`;
  const actions = props.actionTestIds ?? 'record-form';
  return (
    <section className="page page-form" aria-labelledby={titleId}>
      <h1 id={titleId}>{props.title}</h1>
      <form
        ref={formRef}
        className={`lead-form ${props.className ?? 'record-form'}`}
        data-testid={props.testId}
        onSubmit={submit}
        noValidate
        aria-busy={props.submitting}
      >
        {props.notice}
        {summary ? (
          <div tabIndex={-1} role="alert" className="notice notice-error" data-testid="record-form-errors">
            <p>{props.fixErrorsText ?? m.form.fixErrors}</p>
            {otherErrors.length > 0 ? (
              <ul>
                {otherErrors.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {props.children}
        <div className="form-actions form-actions-sticky">
          <button type="submit" className="button button-primary" disabled={props.submitting} data-testid={`${actions}-submit`}>
            {props.submitting ? <Spinner size="sm" /> : null}
            {props.submitting ? m.form.saving : props.submitLabel}
          </button>
          <button type="button" className="button" onClick={props.onCancel} data-testid={`${actions}-cancel`}>
            {m.form.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
