import { useState } from 'react';
import { caseKinds, casePriorities, caseStatuses, staffCaseChannels, type Case } from '@shared/domain/cases/case';
import { contactFullName } from '@shared/domain/contacts/contact';
import { useDocumentTitle } from '../../app/use-document-title';
import { Field } from '../../ui/Field';
import { AccountPicker } from '../../records/parts/AccountPicker';
import { useGoTo } from '../../ui/AppLink';
import { recordPath } from '../../records/record-paths';
import { showApiIssues, type FormErrors } from '../../records/form/form-errors';
import { OwnerField } from '../../records/form/OwnerSelect';
import { RecordFormShell } from '../../records/form/RecordFormShell';
import { SaveNotice } from '../../records/form/SaveNotice';
import { useFormState } from '../../records/form/use-form-state';
import { RecordLoadState } from '../../records/page/RecordLoadState';
import { useFormGeneration } from '../../records/page/use-record-page';
import { useRecordsMessages } from '../../records/records-messages';
import { useAccountContacts, useCase, useSaveCase } from './case-api';
import { casePath } from './case-paths';
import { caseErrorsCleared, caseFormValuesOf, checkCaseEdit, checkNewCase, newCaseFormValues, placeCaseIssues, type CaseFormValues } from './case-values';
import { useCasesMessages } from './cases-messages';
import '../../styles/accounts-contacts.css';

/**
 * A case's create and edit forms: checked with the shared schemas first, then by the API, whose
 * field issues go next to the fields; an edit sends what changed with the version it began from,
 * and a version conflict offers the latest version.
 */
export function NewCasePage({ accountId }: { accountId?: string }) {
  const cm = useCasesMessages();
  useDocumentTitle(cm.form.createTitle);
  return <CaseForm initial={newCaseFormValues(accountId)} />;
}

export function EditCasePage({ caseId }: { caseId: string }) {
  const cm = useCasesMessages();
  const { data: record, isPending, error, refetch } = useCase(caseId);
  const { generation, reload } = useFormGeneration(refetch);
  useDocumentTitle(record ? `${cm.form.editTitle}: ${record.subject}` : cm.form.editTitle);
  if (isPending || !record) return <RecordLoadState pending={isPending} error={error} loading={cm.loading} notFound={cm.notFound} />;
  return <CaseForm key={generation} record={record} initial={caseFormValuesOf(record)} onReload={reload} />;
}

function CaseForm({ record, initial, onReload }: { record?: Case; initial: CaseFormValues; onReload?: () => Promise<void> }) {
  const m = useRecordsMessages();
  const cm = useCasesMessages();
  const goTo = useGoTo();
  // The case as it was when editing began is the base of the patch and its version.
  const [base] = useState(() => ({ record, initial }));
  const save = useSaveCase(base.record?.id);
  const form = useFormState(base.initial, { clears: caseErrorsCleared, place: (issues) => placeCaseIssues(issues, m, cm) });
  const [nothingChanged, setNothingChanged] = useState(false);
  const cancelPath = base.record ? casePath(base.record.id) : base.initial.account ? recordPath('account', base.initial.account.id) : '/cases';

  function submit() {
    setNothingChanged(false);
    const check = base.record ? checkCaseEdit(form.values, base.initial, base.record.version) : checkNewCase(form.values);
    if ('issues' in check) return form.showIssues(check.issues);
    form.clearErrors();
    if ('nothingChanged' in check) return setNothingChanged(true);
    save.mutate(check.body, { onSuccess: (saved) => goTo(casePath(saved.id), { replace: true }), onError: showApiIssues(form) });
  }

  return (
    <RecordFormShell
      title={base.record ? `${cm.form.editTitle}: ${base.record.subject}` : cm.form.createTitle}
      testId="case-form"
      className="ac-form"
      submitLabel={base.record ? m.form.save : m.form.create}
      submitting={save.isPending}
      form={form}
      notice={<SaveNotice error={save.error} nothingChanged={nothingChanged} {...(onReload ? { onReload } : {})} />}
      onSubmit={submit}
      onCancel={() => goTo(cancelPath)}
    >
      <CaseFormFields editing={Boolean(base.record)} values={form.values} errors={form.errors} onChange={form.change} />
    </RecordFormShell>
  );
}

type Change = <F extends keyof CaseFormValues>(field: F, value: CaseFormValues[F]) => void;
type Choice = 'kind' | 'priority' | 'status' | 'channel';

/** The case's fields, grouped; each control is named and test-tagged after its field (`record-form-<field>`). */
function CaseFormFields({ editing, values, errors, onChange }: { editing: boolean; values: CaseFormValues; errors: FormErrors; onChange: Change }) {
  const cm = useCasesMessages();
  const id = (field: string) => `case-${field}`;
  const control = (field: string) => ({ name: field, 'data-testid': `record-form-${field}` });
  const choice = <F extends Choice>(field: F, options: readonly CaseFormValues[F][], words: Record<CaseFormValues[F], string>) => (
    <Field id={id(field)} label={cm.fields[field]} error={errors[field]}>
      {(aria) => (
        <select {...aria} {...control(field)} value={values[field]} onChange={(event) => onChange(field, event.target.value as CaseFormValues[F])}>
          {options.map((option) => (
            <option key={option} value={option}>
              {words[option]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <>
      <fieldset className="form-group">
        <legend>{cm.form.groups.main}</legend>
        <Field id={id('subject')} label={cm.fields.subject} error={errors.subject} required>
          {(aria) => <input {...aria} {...control('subject')} type="text" autoComplete="off" maxLength={200} value={values.subject} onChange={(event) => onChange('subject', event.target.value)} />}
        </Field>
        <Field id={id('description')} label={cm.fields.description} error={errors.description}>
          {(aria) => <textarea {...aria} {...control('description')} rows={5} maxLength={5000} value={values.description} onChange={(event) => onChange('description', event.target.value)} />}
        </Field>
      </fieldset>

      <fieldset className="form-group">
        <legend>{cm.form.groups.client}</legend>
        <AccountPicker
          label={cm.fields.accountId}
          value={values.account}
          onChange={(account) => {
            onChange('account', account);
            if (account?.id !== values.account?.id) onChange('contactId', '');
          }}
          error={errors.accountId}
          testId="case-form-account"
        />
        <ContactSelect id={id('contactId')} accountId={values.account?.id} value={values.contactId} error={errors.contactId} onChange={(contactId) => onChange('contactId', contactId)} />
      </fieldset>

      <fieldset className="form-group">
        <legend>{cm.form.groups.work}</legend>
        <div className="form-grid form-grid-3">
          {choice('kind', caseKinds, cm.kinds)}
          {choice('priority', casePriorities, cm.priorities)}
          {choice('status', caseStatuses, cm.statuses)}
        </div>
        <div className="form-grid form-grid-2">
          {editing ? (
            <div className="field">
              <span className="field-label">{cm.fields.channel}</span>
              <p className="field-static" data-testid="record-form-channel">
                {cm.channels[values.channel]}
              </p>
              <p className="field-hint">{cm.form.channelFixed}</p>
            </div>
          ) : (
            choice('channel', staffCaseChannels, cm.channels)
          )}
          <OwnerField
            id={id('ownerId')}
            label={cm.fields.ownerId}
            subject="cases"
            error={errors.ownerId}
            testId="record-form-ownerId"
            value={values.ownerId}
            onChange={(ownerId) => onChange('ownerId', ownerId)}
            emptyLabel={editing ? undefined : cm.form.ownerMe}
          />
        </div>
      </fieldset>
    </>
  );
}

/** The case's contact: none, or one of the chosen account's contacts. */
function ContactSelect({ id, accountId, value, error, onChange }: { id: string; accountId: string | undefined; value: string; error: string | undefined; onChange: (contactId: string) => void }) {
  const cm = useCasesMessages();
  const contacts = useAccountContacts(accountId);
  const items = contacts.data ?? [];
  const missing = value !== '' && !items.some((contact) => contact.id === value);
  const hint = !accountId ? cm.form.contactFirstAccount : contacts.isPending ? cm.form.contactLoading : cm.form.contactHint;
  return (
    <Field id={id} label={cm.fields.contactId} error={error} hint={hint}>
      {(aria) => (
        <select {...aria} name="contactId" data-testid="record-form-contactId" disabled={!accountId} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{cm.form.contactNone}</option>
          {missing ? <option value={value}>{value}</option> : null}
          {items.map((contact) => (
            <option key={contact.id} value={contact.id}>
              {contactFullName(contact) || contact.emails?.[0]?.address || contact.id}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
