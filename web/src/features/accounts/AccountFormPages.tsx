import { createAccountSchema, updateAccountSchema, type Account } from '@shared/domain/accounts/account';
import { recordPath } from '../../records/record-paths';
import { EditRecordFormPage, NewRecordFormPage, type RecordFormPagesSpec } from '../../records/form/RecordFormPages';
import { useRecordFormContext } from '../../records/form/use-record-form-page';
import { useAccountsMessages } from './accounts-messages';
import { accountBodyOf, accountFormValuesOf, accountKnownKeys, defaultCurrency, withoutBlanks, type AccountFormValues } from './account-form-values';
import { AccountFormFields } from './AccountFormFields';
import '../../styles/accounts-contacts.css';

/**
 * Creating and editing an account (REC-2). Both check the values with the API's own schema
 * first, then put the API's field issues (400, 422 hierarchy loop) next to the fields; an edit
 * sends only what changed with the version it began from, and a 409 offers the latest version.
 */
const accountPages: RecordFormPagesSpec<AccountFormValues, Account, ReturnType<typeof useFormContext>> = {
  form: {
    resource: 'accounts',
    type: 'account',
    createSchema: createAccountSchema,
    updateSchema: updateAccountSchema,
    withoutBlanks,
    entries: ['phones', 'addresses'],
    bodyOf: accountBodyOf,
    knownKeys: accountKnownKeys,
    kept: ['name', 'ownerId'],
  },
  testId: 'account-form',
  useMessages: useAccountsMessages,
  useContext: useFormContext,
  valuesOf: accountFormValuesOf,
  nameOf: (account) => account.name,
  Fields: AccountFormFields,
};

function useFormContext() {
  return useRecordFormContext('account', defaultCurrency);
}

export function NewAccountPage({ parentId }: { parentId?: string }) {
  return <NewRecordFormPage spec={accountPages} start={parentId ? { parentId } : undefined} cancelPath={(initial) => (initial.parent ? recordPath('account', initial.parent.id) : '/accounts')} />;
}

export function EditAccountPage({ accountId }: { accountId: string }) {
  return <EditRecordFormPage spec={accountPages} id={accountId} />;
}
