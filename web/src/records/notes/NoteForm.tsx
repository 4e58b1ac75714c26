import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { TimelineEntry } from '@shared/api/contracts';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Spinner } from '../../ui/Spinner';
import { apiErrorMessage } from '../../api/api-error-message';
import { recordKeys, recordUrl, useRecordsHttp, type NotedResource } from '../records-http';
import { useRecordsMessages } from '../records-messages';
import '../../styles/records.css';

const maxNote = 10_000;

/**
 * A note on a record's timeline (REC-8): POST `/api/{resource}/{id}/notes {text}`, then the
 * record's timeline is refreshed.
 *
 *   <NoteForm resource="deals" id={deal.id} />
 */
export function NoteForm({ resource, id }: { resource: NotedResource; id: string }) {
  const { t } = useI18n();
  const m = useRecordsMessages();
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  const fieldId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [added, setAdded] = useState(false);
  const add = useMutation({
    mutationFn: (body: { text: string }) => http.post<TimelineEntry>(`${recordUrl(resource, id)}/notes`, body),
    onSuccess: () => {
      setText('');
      setAdded(true);
      void queryClient.invalidateQueries({ queryKey: recordKeys.timeline(resource, id) });
    },
    onError: (failure) => {
      const field = isApiError(failure) ? failure.fields.find((f) => f.path === 'text') : undefined;
      if (field) setError(field.code === 'too_big' ? m.notes.tooLong : m.notes.empty);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(false);
    const trimmed = text.trim();
    if (!trimmed) return setError(m.notes.empty);
    if (trimmed.length > maxNote) return setError(m.notes.tooLong);
    setError(undefined);
    add.mutate({ text: trimmed });
  }

  const requestFailed = add.isError && !(isApiError(add.error) && add.error.fields.some((f) => f.path === 'text'));
  return (
    <form className="note-form record-panel" onSubmit={submit} noValidate data-testid="note-form" aria-busy={add.isPending}>
      <div className={error ? 'field field-invalid' : 'field'}>
        <label className="field-label" htmlFor={fieldId}>
          {m.notes.label}
        </label>
        <textarea
          id={fieldId}
          name="text"
          rows={3}
          maxLength={maxNote}
          placeholder={m.notes.placeholder}
          value={text}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${fieldId}-error` : undefined}
          data-testid="note-text"
          onChange={(event) => {
            setText(event.target.value);
            setError(undefined);
            setAdded(false);
          }}
        />
        {error ? (
          <p className="field-error" id={`${fieldId}-error`}>
            {error}
          </p>
        ) : null}
      </div>
      {requestFailed ? <ErrorNotice>{apiErrorMessage(add.error, t)}</ErrorNotice> : null}
      <div className="note-form-actions">
        <button type="submit" className="button button-primary" disabled={add.isPending} data-testid="note-submit">
          {add.isPending ? <Spinner size="sm" /> : null}
          {add.isPending ? m.notes.adding : m.notes.add}
        </button>
        <span className="muted" role="status" aria-live="polite">
          {added ? m.notes.added : ''}
        </span>
      </div>
    </form>
  );
}
