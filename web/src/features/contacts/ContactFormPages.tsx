import { contactFullName, createContactSchema, updateContactSchema, type Contact } from '@shared/domain/contacts/contact';
import { recordPath } from '../../records/record-paths';
import { EditRecordFormPage, NewRecordFormPage, type RecordFormPagesSpec } from '../../records/form/RecordFormPages';
import { useRecordFormContext } from '../../records/form/use-record-form-page';
import { useContactsMessages } from './contacts-messages';
import { contactBodyOf, contactFormValuesOf, contactKnownKeys, withoutBlanks, type ContactFormValues } from './contact-form-values';
import { ContactFormFields } from './ContactFormFields';
import '../../styles/accounts-contacts.css';

/**
 * Creating and editing a contact (REC-3). Both check the values with the API's own schema first,
 * then put the API's field issues next to the fields; an edit sends only what changed with the
 * version it began from, and a 409 offers the latest version.
 */
const contactPages: RecordFormPagesSpec<ContactFormValues, Contact, ReturnType<typeof useFormContext>> = {
  form: {
    resource: 'contacts',
    type: 'contact',
    createSchema: createContactSchema,
    updateSchema: updateContactSchema,
    withoutBlanks,
    entries: ['phones', 'emails', 'addresses', 'socialLinks'],
    bodyOf: contactBodyOf,
    knownKeys: contactKnownKeys,
    kept: ['lastName', 'ownerId'],
  },
  testId: 'contact-form',
  useMessages: useContactsMessages,
  useContext: useFormContext,
  valuesOf: contactFormValuesOf,
  nameOf: contactFullName,
  Fields: ContactFormFields,
};

function useFormContext() {
  return useRecordFormContext('contact', (configured) => configured || 'RUB');
}

export function NewContactPage({ accountId }: { accountId?: string }) {
  return <NewRecordFormPage spec={contactPages} start={accountId ? { accountId } : undefined} cancelPath={(initial) => (initial.account ? recordPath('account', initial.account.id) : '/contacts')} />;
}

export function EditContactPage({ contactId }: { contactId: string }) {
  return <EditRecordFormPage spec={contactPages} id={contactId} />;
}
