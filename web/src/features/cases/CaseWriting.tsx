import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { apiErrorMessage } from '../../api/api-error-message';
import { NoteForm } from '../../records/notes/NoteForm';
import { useReplyToClient } from './case-api';
import { checkReply, maxReply } from './case-values';
import { useCasesMessages } from './cases-messages';
import './cases.css';

/**
 * The two ways staff write on a case, side by side and told apart: an internal note (the records'
 * note form: staff only) and a reply to the client, which the client reads in the portal.
 */

export function CaseWriting({ caseId }: { caseId: string }) {
  const cm = useCasesMessages();
  return (
    <>
      <WritePanel tone="reply" title={cm.reply.title} hint={cm.reply.hint} testId="case-reply">
        <ReplyForm caseId={caseId} />
      </WritePanel>
      <WritePanel tone="note" title={cm.note.title} hint={cm.note.hint} testId="case-note">
        <NoteForm resource={'cases'} id={caseId} />
      </WritePanel>
    </>
  );
}

function WritePanel({ tone, title, hint, testId, children }: { tone: 'note' | 'reply'; title: string; hint: string; testId: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={`record-panel case-write case-write-${tone}`} aria-labelledby={headingId} data-testid={testId}>
      <div className="case-write-head">
        <h2 id={headingId} className="detail-title">
          {title}
        </h2>
        <p className="muted">{hint}</p>
      </div>
      {children}
    </section>
  );
}

/** A reply to the client (`POST /api/cases/{id}/comments`), checked with the API's own schema first. */
function ReplyForm({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const cm = useCasesMessages();
  const fieldId = useId();
  const reply = useReplyToClient(caseId);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [sent, setSent] = useState(false);
  const say = (kind: 'empty' | 'tooLong') => setProblem(kind === 'empty' ? cm.reply.empty : cm.reply.tooLong(maxReply));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(false);
    const checked = checkReply(text);
    if ('problem' in checked) return say(checked.problem);
    setProblem(undefined);
    reply.mutate(checked, {
      onSuccess: () => {
        setText('');
        setSent(true);
      },
      onError: (failure) => {
        const field = isApiError(failure) ? failure.fields.find((f) => f.path === 'text') : undefined;
        if (field) say(field.code === 'too_big' ? 'tooLong' : 'empty');
      },
    });
  }

  const requestFailed = reply.isError && !(isApiError(reply.error) && reply.error.fields.some((f) => f.path === 'text'));
  return (
    <form className="record-panel note-form" onSubmit={submit} noValidate data-testid="reply-form" aria-busy={reply.isPending}>
      <Field id={fieldId} label={cm.reply.label} error={problem}>
        {(aria) => (
          <textarea
            {...aria}
            name="text"
            rows={4}
            maxLength={maxReply}
            placeholder={cm.reply.placeholder}
            value={text}
            data-testid="reply-text"
            onChange={(event) => {
              setText(event.target.value);
              setProblem(undefined);
              setSent(false);
            }}
          />
        )}
      </Field>
      {requestFailed ? <ErrorNotice>{apiErrorMessage(reply.error, t)}</ErrorNotice> : null}
      <div className="note-form-actions">
        <button type="submit" className="button button-primary" disabled={reply.isPending} data-testid="reply-submit">
          {reply.isPending ? <Spinner size="sm" /> : null}
          {reply.isPending ? cm.reply.sending : cm.reply.send}
        </button>
        <span className="muted" role="status" aria-live="polite" data-testid="reply-status">
          {sent ? cm.reply.sent : ''}
        </span>
      </div>
    </form>
  );
}
