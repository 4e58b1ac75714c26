import { useState } from 'react';
import { contactFullName, createContactSchema, updateContactSchema, type Contact } from '@shared/domain/contacts/contact';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { useDocumentTitle } from '../../app/use-document-title';
import { LoadingState } from '../../ui/LoadingState';
import { useGoTo } from '../imports/shared/AppLink';
import { recordPath } from '../imports/shared/record-paths';
import { issuesOfZod, showApiIssues } from '../records/form/form-errors';
import { RecordFormShell } from '../records/form/RecordFormShell';
import { SaveNotice } from '../records/form/SaveNotice';
import { useRecordsMessages } from '../records/records-messages';
import { patchOf, useRecordForm } from '../accounts/kit/record-form';
import { useContactsMessages } from './contacts-messages';
import { contactBodyOf, contactFormValuesOf, contactKnownKeys, withoutBlanks, type ContactFormValues } from './contact-form-values';
import { ContactFormFields } from './ContactFormFields';
import { RecordLoadState } from '../records/page/RecordLoadState';
import { useFormGeneration, useRecordPage } from '../records/page/use-record-page';
import { useCreateRecord, useUpdateRecord } from '../records/page/use-record';
import { useRecordFormContext } from '../records/form/use-record-form-page';
import '../../styles/accounts-contacts.css';

/**
 * Creating and editing a contact (REC-3). Both check the values with the API's own schema first,
 * then put the API's field issues next to the fields; an edit sends only what changed with the
 * version it began from, and a 409 offers the latest version.
 */
const useFormContext = () => useRecordFormContext('contact', (configured) => configured || 'RUB');

const withEntries = (form: { change: <K extends keyof ContactFormValues & string>(field: K, value: ContactFormValues[K]) => void }, values: ContactFormValues) => {
  form.change('phones', values.phones);
  form.change('emails', values.emails);
  form.change('addresses', values.addresses);
  form.change('socialLinks', values.socialLinks);
};

export function NewContactPage({ accountId }: { accountId?: string }) {
  const cm = useContactsMessages();
  const ctx = useFormContext();
  useDocumentTitle(cm.createTitle);
  if (!ctx.ready) return <LoadingState text={cm.loading} />;
  return <NewContactForm initial={contactFormValuesOf(accountId ? { accountId } : undefined, ctx)} customFields={ctx.customFields} />;
}

function NewContactForm({ initial, customFields }: { initial: ContactFormValues; customFields: readonly CustomField[] }) {
  const m = useRecordsMessages();
  const cm = useContactsMessages();
  const goTo = useGoTo();
  const create = useCreateRecord<Contact, unknown>('contacts');
  const form = useRecordForm(initial, contactKnownKeys(customFields));

  function submit() {
    const values = withoutBlanks(form.values);
    withEntries(form, values);
    const { body, errors } = contactBodyOf(values, customFields, m, true);
    const parsed = createContactSchema.safeParse(body);
    if (!parsed.success || Object.keys(errors).length > 0) {
      form.showIssues(parsed.success ? [] : issuesOfZod(parsed.error.issues), errors);
      return;
    }
    form.clearErrors();
    create.mutate(parsed.data, {
      onSuccess: (contact) => goTo(recordPath('contact', contact.id), { replace: true }),
      onError: showApiIssues(form),
    });
  }

  return (
    <RecordFormShell
      title={cm.createTitle}
      testId="contact-form"
      className="ac-form"
      submitLabel={m.form.create}
      submitting={create.isPending}
      hasFieldErrors={Object.keys(form.errors).length > 0}
      otherErrors={form.otherErrors}
      notice={<SaveNotice error={create.error} nothingChanged={false} />}
      attempt={form.attempt}
      onSubmit={submit}
      onCancel={() => (initial.account ? goTo(recordPath('account', initial.account.id)) : goTo('/contacts'))}
    >
      <ContactFormFields mode="create" form={form} customFields={customFields} />
    </RecordFormShell>
  );
}

export function EditContactPage({ contactId }: { contactId: string }) {
  const cm = useContactsMessages();
  const ctx = useFormContext();
  const { record: contact, state, refetch } = useRecordPage<Contact>('contacts', contactId, '/edit');
  const { generation, reload } = useFormGeneration(refetch);
  useDocumentTitle(contact ? `${cm.editTitle}: ${contactFullName(contact)}` : cm.editTitle);

  if (state.pending || !ctx.ready || !contact) return <RecordLoadState {...state} pending={state.pending || !ctx.ready} loading={cm.loading} notFound={cm.notFound} />;
  return (
    <EditContactForm
      key={generation}
      contact={contact}
      initial={contactFormValuesOf(contact, ctx)}
      customFields={ctx.customFields}
      onReload={reload}
    />
  );
}

/** The contact as it was when editing began is the base of the patch and its version. */
function EditContactForm({ contact, initial, customFields, onReload }: { contact: Contact; initial: ContactFormValues; customFields: readonly CustomField[]; onReload: () => Promise<void> }) {
  const m = useRecordsMessages();
  const cm = useContactsMessages();
  const goTo = useGoTo();
  const [base] = useState(() => ({ contact, values: initial }));
  const update = useUpdateRecord<Contact, { version: number }>('contacts', base.contact.id);
  const form = useRecordForm(initial, contactKnownKeys(customFields));
  const [nothingChanged, setNothingChanged] = useState(false);

  function submit() {
    setNothingChanged(false);
    const values = withoutBlanks(form.values);
    withEntries(form, values);
    const next = contactBodyOf(values, customFields, m, false);
    const before = contactBodyOf(base.values, customFields, m, false);
    const { patch, cleared } = patchOf(next.body, before.body, ['lastName', 'ownerId']);
    const clearedErrors = Object.fromEntries(cleared.map((field) => [field, m.form.errors.required]));
    const parsed = updateContactSchema.safeParse({ version: base.contact.version, ...patch });
    const issues = parsed.success ? [] : issuesOfZod(parsed.error.issues).filter((issue) => issue.path !== 'version');
    const localErrors = { ...clearedErrors, ...next.errors };
    if (issues.length > 0 || Object.keys(localErrors).length > 0) {
      form.showIssues(issues, localErrors);
      return;
    }
    form.clearErrors();
    if (!parsed.success) {
      setNothingChanged(true);
      return;
    }
    update.mutate(parsed.data, {
      onSuccess: (saved) => goTo(recordPath('contact', saved.id), { replace: true }),
      onError: showApiIssues(form),
    });
  }

  return (
    <RecordFormShell
      title={`${cm.editTitle}: ${contactFullName(base.contact)}`}
      testId="contact-form"
      className="ac-form"
      submitLabel={m.form.save}
      submitting={update.isPending}
      hasFieldErrors={Object.keys(form.errors).length > 0}
      otherErrors={form.otherErrors}
      notice={<SaveNotice error={update.error} nothingChanged={nothingChanged} onReload={onReload} />}
      attempt={form.attempt}
      onSubmit={submit}
      onCancel={() => goTo(recordPath('contact', base.contact.id))}
    >
      <ContactFormFields mode="edit" form={form} customFields={customFields} />
    </RecordFormShell>
  );
}
