import { contactFullName, createContactSchema, updateContactSchema, type Contact } from '@shared/domain/contacts/contact';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { useDocumentTitle } from '../../app/use-document-title';
import { LoadingState } from '../../ui/LoadingState';
import { useGoTo } from '../imports/shared/AppLink';
import { recordPath } from '../imports/shared/record-paths';
import { RecordFormShell } from '../records/form/RecordFormShell';
import { SaveNotice } from '../records/form/SaveNotice';
import { useRecordFormContext } from '../records/form/use-record-form-page';
import { useCreateRecordForm, useEditRecordForm, type RecordFormSpec } from '../records/form/use-record-save';
import { RecordLoadState } from '../records/page/RecordLoadState';
import { useFormGeneration, useRecordPage } from '../records/page/use-record-page';
import { useRecordsMessages } from '../records/records-messages';
import { useContactsMessages } from './contacts-messages';
import { contactBodyOf, contactFormValuesOf, contactKnownKeys, withoutBlanks, type ContactFormValues } from './contact-form-values';
import { ContactFormFields } from './ContactFormFields';
import '../../styles/accounts-contacts.css';

/**
 * Creating and editing a contact (REC-3). Both check the values with the API's own schema first,
 * then put the API's field issues next to the fields; an edit sends only what changed with the
 * version it began from, and a 409 offers the latest version.
 */
const useFormContext = () => useRecordFormContext('contact', (configured) => configured || 'RUB');

const contactForm: RecordFormSpec<ContactFormValues> = {
  resource: 'contacts',
  type: 'contact',
  createSchema: createContactSchema,
  updateSchema: updateContactSchema,
  withoutBlanks,
  entries: ['phones', 'emails', 'addresses', 'socialLinks'],
  bodyOf: contactBodyOf,
  knownKeys: contactKnownKeys,
  kept: ['lastName', 'ownerId'],
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
  const { form, submit, submitting, error } = useCreateRecordForm<ContactFormValues, Contact>(contactForm, initial, customFields);

  return (
    <RecordFormShell
      title={cm.createTitle}
      testId="contact-form"
      className="ac-form"
      submitLabel={m.form.create}
      submitting={submitting}
      form={form}
      notice={<SaveNotice error={error} />}
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

function EditContactForm({ contact, initial, customFields, onReload }: { contact: Contact; initial: ContactFormValues; customFields: readonly CustomField[]; onReload: () => Promise<void> }) {
  const m = useRecordsMessages();
  const cm = useContactsMessages();
  const goTo = useGoTo();
  const { base, form, submit, submitting, error, nothingChanged } = useEditRecordForm(contactForm, contact, initial, customFields);

  return (
    <RecordFormShell
      title={`${cm.editTitle}: ${contactFullName(base)}`}
      testId="contact-form"
      className="ac-form"
      submitLabel={m.form.save}
      submitting={submitting}
      form={form}
      notice={<SaveNotice error={error} nothingChanged={nothingChanged} onReload={onReload} />}
      onSubmit={submit}
      onCancel={() => goTo(recordPath('contact', base.id))}
    >
      <ContactFormFields mode="edit" form={form} customFields={customFields} />
    </RecordFormShell>
  );
}
