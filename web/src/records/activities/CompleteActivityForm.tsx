import { useState, type FormEvent } from 'react';
import type { Activity } from '@shared/domain/activities/activity';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { apiErrorMessage } from '../../api/api-error-message';
import { issuesOfApi, placeIssues, type FormErrors } from '../form/form-errors';
import { useRecordsMessages } from '../records-messages';
import { useActivitiesMessages } from './activities-messages';
import { useUpdateActivity, type ActivityPatch, type Regarding } from './use-activities';

/**
 * Marks an activity done: PATCH `{version, status: 'done', outcome, nextStep}`. A call or a meeting
 * needs both (the API answers 422 naming them, and they are shown on their fields).
 */
export function CompleteActivityForm({ activity, regarding, onDone }: { activity: Activity; regarding: Regarding; onDone: () => void }) {
  const { t } = useI18n();
  const am = useActivitiesMessages();
  const m = useRecordsMessages();
  const update = useUpdateActivity(regarding);
  const [outcome, setOutcome] = useState(activity.outcome ?? '');
  const [nextStep, setNextStep] = useState(activity.nextStep ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const needsBoth = activity.kind === 'call' || activity.kind === 'meeting';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local: FormErrors = {};
    if (needsBoth && !outcome.trim()) local.outcome = m.form.errors.required;
    if (needsBoth && !nextStep.trim()) local.nextStep = m.form.errors.required;
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const patch: ActivityPatch = {
      version: activity.version,
      status: 'done',
      ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
      ...(nextStep.trim() ? { nextStep: nextStep.trim() } : {}),
    };
    update.mutate(
      { id: activity.id, patch },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isApiError(error) && error.fields.length > 0) setErrors(placeIssues(issuesOfApi(error.fields), m, (key) => key === 'outcome' || key === 'nextStep').fields);
        },
      },
    );
  }

  const conflict = isApiError(update.error) && update.error.isConflict;
  const fieldErrors = isApiError(update.error) && update.error.fields.some((f) => f.path === 'outcome' || f.path === 'nextStep');
  const id = (field: string) => `activity-${activity.id}-${field}`;
  return (
    <form className="activity-complete" onSubmit={submit} noValidate data-testid="activity-complete-form" aria-busy={update.isPending}>
      {needsBoth ? <p className="muted record-hint">{am.doneHint}</p> : null}
      {conflict ? <ErrorNotice>{am.conflict}</ErrorNotice> : update.isError && !fieldErrors ? <ErrorNotice>{apiErrorMessage(update.error, t)}</ErrorNotice> : null}
      <Field id={id('outcome')} label={am.fields.outcome} error={errors.outcome} required={needsBoth}>
        {(aria) => (
          <textarea
            {...aria}
            name="outcome"
            rows={2}
            maxLength={2000}
            autoFocus
            data-testid="activity-outcome"
            value={outcome}
            onChange={(event) => {
              setOutcome(event.target.value);
              setErrors(({ outcome: _gone, ...rest }) => rest);
            }}
          />
        )}
      </Field>
      <Field id={id('nextStep')} label={am.fields.nextStep} error={errors.nextStep} required={needsBoth}>
        {(aria) => (
          <input
            {...aria}
            name="nextStep"
            maxLength={500}
            data-testid="activity-nextStep"
            value={nextStep}
            onChange={(event) => {
              setNextStep(event.target.value);
              setErrors(({ nextStep: _gone, ...rest }) => rest);
            }}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending} data-testid="activity-finish">
          {update.isPending ? <Spinner size="sm" /> : null}
          {update.isPending ? am.finishing : am.finish}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {am.cancel}
        </button>
      </div>
    </form>
  );
}
