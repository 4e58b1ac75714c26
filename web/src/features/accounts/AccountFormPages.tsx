import { createAccountSchema, updateAccountSchema, type Account } from '@shared/domain/accounts/account';
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
import { useAccountsMessages } from './accounts-messages';
import { accountBodyOf, accountFormValuesOf, accountKnownKeys, defaultCurrency, withoutBlanks, type AccountFormValues } from './account-form-values';
import { AccountFormFields } from './AccountFormFields';
import '../../styles/accounts-contacts.css';

/**
 * Creating and editing an account (REC-2). Both check the values with the API's own schema
 * first, then put the API's field issues (400, 422 hierarchy loop) next to the fields; an edit
 * sends only what changed with the version it began from, and a 409 offers the latest version.
 */
const useFormContext = () => useRecordFormContext('account', defaultCurrency);

const accountForm: RecordFormSpec<AccountFormValues> = {
  resource: 'accounts',
  type: 'account',
  createSchema: createAccountSchema,
  updateSchema: updateAccountSchema,
  withoutBlanks,
  entries: ['phones', 'addresses'],
  bodyOf: accountBodyOf,
  knownKeys: accountKnownKeys,
  kept: ['name', 'ownerId'],
};

export function NewAccountPage({ parentId }: { parentId?: string }) {
  const am = useAccountsMessages();
  const ctx = useFormContext();
  useDocumentTitle(am.createTitle);
  if (!ctx.ready) return <LoadingState text={am.loading} />;
  return <NewAccountForm initial={accountFormValuesOf(parentId ? { parentId } : undefined, ctx)} customFields={ctx.customFields} />;
}

function NewAccountForm({ initial, customFields }: { initial: AccountFormValues; customFields: readonly CustomField[] }) {
  const m = useRecordsMessages();
  const am = useAccountsMessages();
  const goTo = useGoTo();
  const { form, submit, submitting, error } = useCreateRecordForm<AccountFormValues, Account>(accountForm, initial, customFields);

  return (
    <RecordFormShell
      title={am.createTitle}
      testId="account-form"
      className="ac-form"
      submitLabel={m.form.create}
      submitting={submitting}
      form={form}
      notice={<SaveNotice error={error} />}
      onSubmit={submit}
      onCancel={() => (initial.parent ? goTo(recordPath('account', initial.parent.id)) : goTo('/accounts'))}
    >
      <AccountFormFields mode="create" form={form} customFields={customFields} />
    </RecordFormShell>
  );
}

export function EditAccountPage({ accountId }: { accountId: string }) {
  const am = useAccountsMessages();
  const ctx = useFormContext();
  const { record: account, state, refetch } = useRecordPage<Account>('accounts', accountId, '/edit');
  const { generation, reload } = useFormGeneration(refetch);
  useDocumentTitle(account ? `${am.editTitle}: ${account.name}` : am.editTitle);

  if (state.pending || !ctx.ready || !account) return <RecordLoadState {...state} pending={state.pending || !ctx.ready} loading={am.loading} notFound={am.notFound} />;
  return (
    <EditAccountForm
      key={generation}
      account={account}
      initial={accountFormValuesOf(account, ctx)}
      customFields={ctx.customFields}
      onReload={reload}
    />
  );
}

function EditAccountForm({ account, initial, customFields, onReload }: { account: Account; initial: AccountFormValues; customFields: readonly CustomField[]; onReload: () => Promise<void> }) {
  const m = useRecordsMessages();
  const am = useAccountsMessages();
  const goTo = useGoTo();
  const { base, form, submit, submitting, error, nothingChanged } = useEditRecordForm(accountForm, account, initial, customFields);

  return (
    <RecordFormShell
      title={`${am.editTitle}: ${base.name}`}
      testId="account-form"
      className="ac-form"
      submitLabel={m.form.save}
      submitting={submitting}
      form={form}
      notice={<SaveNotice error={error} nothingChanged={nothingChanged} onReload={onReload} />}
      onSubmit={submit}
      onCancel={() => goTo(recordPath('account', base.id))}
    >
      <AccountFormFields mode="edit" form={form} customFields={customFields} selfId={base.id} />
    </RecordFormShell>
  );
}
