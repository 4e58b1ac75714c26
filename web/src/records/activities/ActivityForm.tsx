import { useState, type FormEvent } from 'react';
import { activityKinds, createActivitySchema } from '@shared/domain/activities/activity';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { apiErrorMessage } from '../../api/api-error-message';
import { issuesOfApi, issuesOfZod, placeIssues, type FormErrors, type Issue } from '../form/form-errors';
import { useRecordsMessages } from '../records-messages';
import { useActivitiesMessages } from './activities-messages';
import { useCreateActivity, type Regarding } from './use-activities';

/** A planned task, call, meeting or email about the record: validated with the API's schema, then by the API. */
type Kind = (typeof activityKinds)[number];
const formFields = ['kind', 'subject', 'dueAt', 'reminderAt', 'durationMinutes', 'description'] as const;
type FormField = (typeof formFields)[number];

/** `datetime-local` → an ISO instant; what does not parse is sent as typed, for the schema to refuse. */
export const instantOf = (local: string): string | undefined => {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
};

export function ActivityForm({ regarding, onDone }: { regarding: Regarding; onDone: () => void }) {
  const { t } = useI18n();
  const am = useActivitiesMessages();
  const m = useRecordsMessages();
  const create = useCreateActivity(regarding);
  const [values, setValues] = useState<Record<FormField, string>>({ kind: 'call', subject: '', dueAt: '', reminderAt: '', durationMinutes: '', description: '' });
  const [errors, setErrors] = useState<FormErrors>({});
  const [other, setOther] = useState<string[]>([]);

  const change = (field: FormField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _gone, ...rest }) => rest);
  };
  const show = (issues: Issue[]) => {
    const placed = placeIssues(issues, m, (key) => (formFields as readonly string[]).includes(key));
    setErrors(placed.fields);
    setOther(placed.other);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minutes = values.durationMinutes.trim();
    const body = {
      kind: values.kind as Kind,
      subject: values.subject,
      regarding,
      ...(values.dueAt ? { dueAt: instantOf(values.dueAt) } : {}),
      ...(values.reminderAt ? { reminderAt: instantOf(values.reminderAt) } : {}),
      ...(minutes ? { durationMinutes: Number(minutes.replace(',', '.')) } : {}),
      ...(values.description.trim() ? { description: values.description } : {}),
    };
    const parsed = createActivitySchema.safeParse(body);
    if (!parsed.success) return show(issuesOfZod(parsed.error.issues));
    setErrors({});
    setOther([]);
    create.mutate(parsed.data, {
      onSuccess: onDone,
      onError: (error) => {
        if (isApiError(error) && error.fields.length > 0) show(issuesOfApi(error.fields));
      },
    });
  }

  const id = (field: FormField) => `activity-${regarding.id}-${field}`;
  const requestFailed = create.isError && !(isApiError(create.error) && create.error.fields.length > 0);
  return (
    <form className="activity-form" onSubmit={submit} noValidate data-testid="activity-form" aria-busy={create.isPending}>
      {Object.keys(errors).length > 0 || other.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <p>{am.fixErrors}</p>
          {other.length > 0 ? (
            <ul>
              {other.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {requestFailed ? <ErrorNotice>{apiErrorMessage(create.error, t)}</ErrorNotice> : null}
      <div className="form-grid form-grid-activity">
        <Field id={id('kind')} label={am.fields.kind} error={errors.kind} required>
          {(aria) => (
            <select {...aria} name="kind" data-testid="activity-kind" value={values.kind} onChange={(event) => change('kind', event.target.value)}>
              {activityKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {am.kinds[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('subject')} label={am.fields.subject} error={errors.subject} required>
          {(aria) => (
            <input {...aria} name="subject" data-testid="activity-subject" maxLength={300} autoFocus value={values.subject} onChange={(event) => change('subject', event.target.value)} />
          )}
        </Field>
      </div>
      <div className="form-grid form-grid-3">
        <Field id={id('dueAt')} label={am.fields.dueAt} error={errors.dueAt}>
          {(aria) => <input {...aria} type="datetime-local" name="dueAt" data-testid="activity-dueAt" value={values.dueAt} onChange={(event) => change('dueAt', event.target.value)} />}
        </Field>
        <Field id={id('reminderAt')} label={am.fields.reminderAt} error={errors.reminderAt} hint={am.reminderHint}>
          {(aria) => (
            <input {...aria} type="datetime-local" name="reminderAt" data-testid="activity-reminderAt" value={values.reminderAt} onChange={(event) => change('reminderAt', event.target.value)} />
          )}
        </Field>
        <Field id={id('durationMinutes')} label={am.fields.durationMinutes} error={errors.durationMinutes}>
          {(aria) => (
            <input
              {...aria}
              type="number"
              min={1}
              max={1440}
              step={1}
              inputMode="numeric"
              name="durationMinutes"
              data-testid="activity-duration"
              value={values.durationMinutes}
              onChange={(event) => change('durationMinutes', event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field id={id('description')} label={am.fields.description} error={errors.description}>
        {(aria) => <textarea {...aria} name="description" rows={3} maxLength={5000} value={values.description} onChange={(event) => change('description', event.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending} data-testid="activity-submit">
          {create.isPending ? <Spinner size="sm" /> : null}
          {create.isPending ? am.creating : am.create}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {am.cancel}
        </button>
      </div>
    </form>
  );
}
