import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/use-i18n';
import { Spinner } from '../../../ui/Spinner';

interface LeadFormShellProps {
  title: string;
  submitLabel: string;
  submitting: boolean;
  /** Field errors exist: say so above the form. */
  hasFieldErrors: boolean;
  otherErrors: string[];
  /** A problem with the whole request (conflict, network), with its own action. */
  notice?: ReactNode;
  attempt: number;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** The frame of the create and edit forms: title, error summary, fields, actions, focus on the first problem. */
export function LeadFormShell(props: LeadFormShellProps) {
  const { t } = useI18n();
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
    <section className="page page-form" aria-labelledby="lead-form-title">
      <h1 id="lead-form-title">{props.title}</h1>
      <form ref={formRef} className="lead-form" data-testid="lead-form" onSubmit={submit} noValidate aria-busy={props.submitting}>
        {props.notice}
        {summary ? (
          <div tabIndex={-1} role="alert" className="notice notice-error">
            <p>{t.form.fixErrors}</p>
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
          <button type="submit" className="button button-primary" disabled={props.submitting} data-testid="lead-form-submit">
            {props.submitting ? <Spinner size="sm" /> : null}
            {props.submitting ? t.form.saving : props.submitLabel}
          </button>
          <button type="button" className="button" onClick={props.onCancel} data-testid="lead-form-cancel">
            {t.form.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
