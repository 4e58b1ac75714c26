import { useState } from 'react';
import { createAccountSchema, updateAccountSchema, type Account } from '@shared/domain/accounts/account';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { useDocumentTitle } from '../../app/use-document-title';
import { LoadingState } from '../../ui/LoadingState';
import { useGoTo } from '../imports/shared/AppLink';
import { recordPath } from '../imports/shared/record-paths';
import { issuesOfZod, showApiIssues } from '../records/form/form-errors';
import { RecordFormShell } from '../records/form/RecordFormShell';
import { SaveNotice } from '../records/form/SaveNotice';
import { useRecordsMessages } from '../records/records-messages';
import { useAccountsMessages } from './accounts-messages';
import { accountBodyOf, accountFormValuesOf, accountKnownKeys, defaultCurrency, withoutBlanks, type AccountFormValues } from './account-form-values';
import { AccountFormFields } from './AccountFormFields';
import { useRecordForm } from './kit/record-form';
import { patchOf } from './kit/record-form';
import { RecordLoadState } from '../records/page/RecordLoadState';
import { useFormGeneration, useRecordPage } from '../records/page/use-record-page';
import { useCreateRecord, useUpdateRecord } from '../records/page/use-record';
import { useRecordFormContext } from '../records/form/use-record-form-page';
import '../../styles/accounts-contacts.css';

/**
 * Creating and editing an account (REC-2). Both check the values with the API's own schema
 * first, then put the API's field issues (400, 422 hierarchy loop) next to the fields; an edit
 * sends only what changed with the version it began from, and a 409 offers the latest version.
 */
const useFormContext = () => useRecordFormContext('account', defaultCurrency);

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
  const create = useCreateRecord<Account, unknown>('accounts');
  const form = useRecordForm(initial, accountKnownKeys(customFields));

  function submit() {
    const values = withoutBlanks(form.values);
    form.change('phones', values.phones);
    form.change('addresses', values.addresses);
    const { body, errors } = accountBodyOf(values, customFields, m, true);
    const parsed = createAccountSchema.safeParse(body);
    if (!parsed.success || Object.keys(errors).length > 0) {
      form.showIssues(parsed.success ? [] : issuesOfZod(parsed.error.issues), errors);
      return;
    }
    form.clearErrors();
    create.mutate(parsed.data, {
      onSuccess: (account) => goTo(recordPath('account', account.id), { replace: true }),
      onError: showApiIssues(form),
    });
  }

  return (
    <RecordFormShell
      title={am.createTitle}
      testId="account-form"
      className="ac-form"
      submitLabel={m.form.create}
      submitting={create.isPending}
      hasFieldErrors={Object.keys(form.errors).length > 0}
      otherErrors={form.otherErrors}
      notice={<SaveNotice error={create.error} nothingChanged={false} />}
      attempt={form.attempt}
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

/** The account as it was when editing began is the base of the patch and its version. */
function EditAccountForm({ account, initial, customFields, onReload }: { account: Account; initial: AccountFormValues; customFields: readonly CustomField[]; onReload: () => Promise<void> }) {
  const m = useRecordsMessages();
  const am = useAccountsMessages();
  const goTo = useGoTo();
  const [base] = useState(() => ({ account, values: initial }));
  const update = useUpdateRecord<Account, { version: number }>('accounts', base.account.id);
  const form = useRecordForm(initial, accountKnownKeys(customFields));
  const [nothingChanged, setNothingChanged] = useState(false);

  function submit() {
    setNothingChanged(false);
    const values = withoutBlanks(form.values);
    form.change('phones', values.phones);
    form.change('addresses', values.addresses);
    const next = accountBodyOf(values, customFields, m, false);
    const before = accountBodyOf(base.values, customFields, m, false);
    const { patch, cleared } = patchOf(next.body, before.body, ['name', 'ownerId']);
    const clearedErrors = Object.fromEntries(cleared.map((field) => [field, m.form.errors.required]));
    const parsed = updateAccountSchema.safeParse({ version: base.account.version, ...patch });
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
      onSuccess: (saved) => goTo(recordPath('account', saved.id), { replace: true }),
      onError: showApiIssues(form),
    });
  }

  return (
    <RecordFormShell
      title={`${am.editTitle}: ${base.account.name}`}
      testId="account-form"
      className="ac-form"
      submitLabel={m.form.save}
      submitting={update.isPending}
      hasFieldErrors={Object.keys(form.errors).length > 0}
      otherErrors={form.otherErrors}
      notice={<SaveNotice error={update.error} nothingChanged={nothingChanged} onReload={onReload} />}
      attempt={form.attempt}
      onSubmit={submit}
      onCancel={() => goTo(recordPath('account', base.account.id))}
    >
      <AccountFormFields mode="edit" form={form} customFields={customFields} selfId={base.account.id} />
    </RecordFormShell>
  );
}
