import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { caseKinds } from '@shared/domain/cases/case';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { focusFirstInvalid } from '../../ui/FormDialog';
import { apiErrorMessage } from '../../api/api-error-message';
import { BackLink } from '../../records/page/RecordLoadState';
import { apiIssues, checkNewCase, emptyNewCase, newCaseFields, type NewCaseField, type NewCaseValues, type Placed } from './portal-cases';
import { BusyButton } from './PortalCaseBits';
import { usePortalMessages } from './portal-messages';
import { useOpenPortalCase } from './use-portal-cases';
import './portal.css';

const noProblems: Placed<NewCaseField> = { fields: {}, other: [] };

/**
 * A client opens a case (ACC-3): its type, a subject and what happened. The form checks itself
 * with the schema the API uses (`portalCaseSchema`); the API's refusals land on their fields.
 * Once sent, the case's own page opens, where the replies will come.
 */
export function NewPortalCasePage() {
  const p = usePortalMessages();
  const m = p.create;
  const { t } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const open = useOpenPortalCase();
  const [values, setValues] = useState<NewCaseValues>(emptyNewCase);
  const [problems, setProblems] = useState<Placed<NewCaseField>>(noProblems);
  const [failure, setFailure] = useState<string>();
  useDocumentTitle(m.title);

  function change<K extends NewCaseField>(field: K, value: NewCaseValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setProblems((current) => (current.fields[field] ? { ...current, fields: { ...current.fields, [field]: undefined } } : current));
  }

  function refuse(found: Placed<NewCaseField>) {
    setProblems(found);
    focusFirstInvalid('.portal-new-case');
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (open.isPending) return;
    setFailure(undefined);
    const checked = checkNewCase(values, p.issues);
    if (!checked.ok) return refuse(checked.problems);
    setProblems(noProblems);
    open.mutate(checked.body, {
      onSuccess: (created) => void navigate({ to: '/portal/cases/$caseId', params: { caseId: created.id } }),
      onError: (error) => {
        const placed = apiIssues(error, newCaseFields, p.issues);
        if (placed) refuse(placed);
        else setFailure(apiErrorMessage(error, t));
      },
    });
  }

  const hasErrors = Object.values(problems.fields).some(Boolean) || problems.other.length > 0;
  return (
    <section className="page page-narrow portal" aria-labelledby="portal-new-case-title" data-testid="portal-new-case-page">
      <BackLink href="/portal/cases" label={m.back} />
      <h1 id="portal-new-case-title">{m.title}</h1>
      <p className="muted portal-intro">{m.intro}</p>
      <form className="portal-new-case detail-section" onSubmit={submit} noValidate aria-busy={open.isPending} data-testid="portal-new-case-form">
        {failure ? <ErrorNotice>{failure}</ErrorNotice> : null}
        {hasErrors ? (
          <div className="notice notice-error" role="alert">
            <p>{m.fixErrors}</p>
            {problems.other.length > 0 ? (
              <ul>
                {problems.other.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <fieldset className="portal-choices" aria-describedby={problems.fields.kind ? `${id}-kind-error` : undefined}>
          <legend className="field-label">{m.kind}</legend>
          <div className="portal-kinds">
            {caseKinds.map((kind) => (
              <label key={kind} className={values.kind === kind ? 'portal-kind chosen' : 'portal-kind'}>
                <input type="radio" name={`${id}-kind`} value={kind} checked={values.kind === kind} onChange={() => change('kind', kind)} data-testid={`portal-new-case-kind-${kind}`} />
                <span>
                  <strong>{p.caseKinds[kind]}</strong>
                  <span className="portal-kind-hint">{p.caseKindHints[kind]}</span>
                </span>
              </label>
            ))}
          </div>
          {problems.fields.kind ? (
            <p className="field-error" id={`${id}-kind-error`}>
              {problems.fields.kind}
            </p>
          ) : null}
        </fieldset>
        <Field id={`${id}-subject`} label={m.subject} error={problems.fields.subject} hint={m.subjectHint} required>
          {(aria) => (
            <input {...aria} type="text" maxLength={200} autoFocus value={values.subject} onChange={(event) => change('subject', event.target.value)} data-testid="portal-new-case-subject" />
          )}
        </Field>
        <Field id={`${id}-description`} label={m.description} error={problems.fields.description} hint={m.descriptionHint} required>
          {(aria) => (
            <textarea {...aria} rows={7} maxLength={5000} value={values.description} onChange={(event) => change('description', event.target.value)} data-testid="portal-new-case-description" />
          )}
        </Field>
        <div className="form-actions">
          <BusyButton busy={open.isPending} label={m.submit} busyLabel={m.submitting} testId="portal-new-case-submit" />
          <button type="button" className="button" onClick={() => void navigate({ to: '/portal/cases' })}>
            {m.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
