import { useId, useState, type FormEvent } from 'react';
import type { PortalCase } from '@shared/domain/portal/portal-case';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { focusFirstInvalid } from '../../ui/FormDialog';
import { apiErrorMessage } from '../../api/api-error-message';
import { apiIssues, canReply, checkReply, conflictCode } from './portal-cases';
import { BusyButton } from './PortalCaseBits';
import { usePortalMessages } from './portal-messages';
import { useReplyToPortalCase } from './use-portal-cases';

/**
 * The client's reply on a case: a text box and "Send" while the case is open; once it is closed
 * (or the API says so: 409 `case_closed`) the box stays, disabled, with why and what to do instead.
 */
export function CaseReplyForm({ c }: { c: PortalCase }) {
  const p = usePortalMessages();
  const m = p.conversation;
  const { t } = useI18n();
  const id = useId();
  const reply = useReplyToPortalCase(c.id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [refusedClosed, setRefusedClosed] = useState(false);
  const [sent, setSent] = useState(false);
  const closed = !canReply(c.status) || refusedClosed;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reply.isPending || closed) return;
    setFailure(undefined);
    setSent(false);
    const checked = checkReply(text, p.issues);
    if (!checked.ok) {
      setError(checked.problems.fields.text);
      return focusFirstInvalid('.portal-reply');
    }
    reply.mutate(checked.body.text, {
      onSuccess: () => {
        setText('');
        setSent(true);
      },
      onError: (refusal) => {
        if (conflictCode(refusal) === 'case_closed') return setRefusedClosed(true);
        const placed = apiIssues(refusal, ['text'], p.issues);
        if (placed?.fields.text) {
          setError(placed.fields.text);
          focusFirstInvalid('.portal-reply');
        } else setFailure(apiErrorMessage(refusal, t));
      },
    });
  }

  return (
    <section className="detail-section" aria-labelledby={`${id}-title`}>
      <h2 className="detail-title" id={`${id}-title`}>
        {m.replyTitle}
      </h2>
      <form className="portal-reply" onSubmit={submit} noValidate aria-busy={reply.isPending} data-testid="portal-reply-form">
        {closed ? (
          <p className="notice notice-info" id={`${id}-closed`} role="status" data-testid="portal-reply-closed">
            {m.closed}
          </p>
        ) : null}
        {failure ? <ErrorNotice>{failure}</ErrorNotice> : null}
        <Field id={`${id}-text`} label={m.reply} error={error} hint={closed ? undefined : m.replyHint} className="portal-reply-field">
          {(aria) => (
            <textarea
              {...aria}
              {...(closed ? { 'aria-describedby': `${id}-closed` } : {})}
              rows={4}
              maxLength={5000}
              value={text}
              disabled={closed}
              onChange={(event) => {
                setText(event.target.value);
                setError(undefined);
                setSent(false);
              }}
              data-testid="portal-reply-text"
            />
          )}
        </Field>
        <div className="form-actions">
          <BusyButton busy={reply.isPending} disabled={closed} label={m.send} busyLabel={m.sending} testId="portal-reply-submit" />
          <p className="muted portal-sent" role="status" data-testid="portal-reply-sent">
            {sent ? m.sent : null}
          </p>
        </div>
      </form>
    </section>
  );
}
