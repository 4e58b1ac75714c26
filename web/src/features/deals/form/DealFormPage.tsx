import { useState } from 'react';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { currencies } from '@shared/domain/common/values';
import { createDealSchema, updateDealSchema, type CreateDealInput, type Deal, type UpdateDealInput } from '@shared/domain/deals/deal';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useAppConfig } from '../../../config/use-config';
import { LoadingState } from '../../../ui/LoadingState';
import { useGoTo } from '../../../ui/AppLink';
import { recordPath } from '../../../records/record-paths';
import { LoadFailed } from '../../../ui/LoadFailed';
import { customSchemaIssues } from '../../../records/custom/custom-issues';
import { useCustomFields } from '../../../records/custom/use-custom-fields';
import { issuesOfZod, showApiIssues, type FormErrors, type Issue } from '../../../records/form/form-errors';
import { useFormState } from '../../../records/form/use-form-state';
import { useRecordsMessages } from '../../../records/records-messages';
import { useCreateDeal, useDeal, usePipelines, useUpdateDeal, type StoredPipeline } from '../deal-api';
import { useDealsMessages } from '../deals-messages';
import { RecordFormShell } from '../../../records/form/RecordFormShell';
import { SaveNotice } from '../../../records/form/SaveNotice';
import { placeDealIssues } from './deal-form-errors';
import { createBodyOf, dealFormValuesOf, emptyDealFormValues, updatePatchOf, type Currency, type DealFormValues } from './deal-form-values';
import { DealFormFields } from './DealFormFields';
import { useLineProducts } from './LinesEditor';
import { RecordLoadState } from '../../../records/page/RecordLoadState';
import { useDecimalMark, useFormGeneration } from '../../../records/page/use-record-page';
import '../../../styles/deals-products.css';

/** Which errors a change of a form value clears. */
const errorKeysOf: Record<keyof DealFormValues, (key: string) => boolean> = {
  title: (k) => k === 'title',
  account: (k) => k === 'accountId',
  contacts: (k) => k === 'contactIds',
  pipelineId: (k) => k === 'pipelineId',
  amount: (k) => k === 'amount',
  currency: (k) => k === 'currency' || k === 'amount',
  expectedCloseDate: (k) => k === 'expectedCloseDate',
  needs: (k) => k === 'needs',
  description: (k) => k === 'description',
  ownerId: (k) => k === 'ownerId',
  lines: (k) => k === 'lines' || k.startsWith('lines.') || k === 'amount',
  // Each custom input clears its own error (`onEdited`).
  custom: () => false,
};

function useDealForm(initial: DealFormValues, customFields: readonly CustomField[]) {
  const m = useRecordsMessages();
  const dm = useDealsMessages();
  return useFormState(initial, {
    clears: (field, key) => errorKeysOf[field](key),
    place: (issues) =>
      placeDealIssues(
        issues,
        m,
        dm,
        customFields.map((f) => f.key),
      ),
  });
}

/**
 * The custom values' issues by the API's own schema, but for the fields whose problem was found
 * before it (`errors`, by `customValuesOf`): a number that is not one is left out of the body, and
 * must not show as missing.
 */
const customIssues = (fields: readonly CustomField[], custom: unknown, partial: boolean, errors: FormErrors): Issue[] => {
  const found = (path: string) => Object.keys(errors).some((key) => path === key || path.startsWith(`${key}.`));
  return customSchemaIssues(fields, custom, partial).filter((issue) => !found(issue.path));
};

function useDefaultCurrency(): Currency {
  const config = useAppConfig();
  return (currencies as readonly string[]).includes(config.currency) ? (config.currency as Currency) : 'RUB';
}

/** Waits for what the form needs: the pipelines and the deal type's custom fields. */
function useFormPrerequisites() {
  const pipelines = usePipelines();
  const custom = useCustomFields('deal');
  return { pipelines, custom, ready: pipelines.isSuccess && custom.isSuccess };
}

/** A new deal: validated with the API's own schema first, then by the API. */
export function NewDealPage() {
  const dm = useDealsMessages();
  const { pipelines, custom, ready } = useFormPrerequisites();
  useDocumentTitle(dm.form.createTitle);
  if (!ready || !pipelines.data || !custom.data) {
    const error = pipelines.error ?? custom.error;
    return error ? <LoadFailed error={error} retry={() => void (pipelines.isError ? pipelines.refetch() : custom.refetch())} /> : <LoadingState text={dm.loading} />;
  }
  return <NewDealForm pipelines={pipelines.data} customFields={custom.data.fields} />;
}

function NewDealForm({ pipelines, customFields }: { pipelines: StoredPipeline[]; customFields: CustomField[] }) {
  const m = useRecordsMessages();
  const dm = useDealsMessages();
  const goTo = useGoTo();
  const create = useCreateDeal();
  const currency = useDefaultCurrency();
  const initial = emptyDealFormValues(currency, '');
  const form = useDealForm({ ...initial, pipelineId: pipelines.find((p) => p.id === 'default')?.id ?? pipelines[0]?.id ?? '' }, customFields);
  const productOf = useLineProducts(form.values.lines);

  function submit() {
    const { body, errors } = createBodyOf(form.values, productOf, customFields, m);
    if (pipelines.length <= 1) delete body.pipelineId;
    const parsed = createDealSchema.safeParse(body);
    const issues = [...(parsed.success ? [] : issuesOfZod(parsed.error.issues)), ...customIssues(customFields, body.custom, false, errors)];
    if (issues.length > 0 || Object.keys(errors).length > 0 || !parsed.success) {
      form.showIssues(issues, errors);
      return;
    }
    form.clearErrors();
    create.mutate(parsed.data as CreateDealInput, {
      onSuccess: (deal) => goTo(recordPath('deal', deal.id), { replace: true }),
      onError: showApiIssues(form),
    });
  }

  return (
    <RecordFormShell
      title={dm.form.createTitle}
      submitLabel={m.form.create}
      submitting={create.isPending}
      form={form}
      notice={<SaveNotice error={create.error} conflict="message" />}
      onSubmit={submit}
      onCancel={() => goTo('/deals')}
      testId="deal-form"
    >
      <DealFormFields mode="create" values={form.values} errors={form.errors} onChange={form.change} onEdited={(key) => form.dropErrors((k) => k === key)} pipelines={pipelines} customFields={customFields} productOf={productOf} />
    </RecordFormShell>
  );
}

/** Edit a deal. "Reload" after a conflict starts the form again from the latest version. */
export function EditDealPage({ dealId }: { dealId: string }) {
  const dm = useDealsMessages();
  const { data: deal, isPending, error, refetch } = useDeal(dealId);
  const { pipelines, custom, ready } = useFormPrerequisites();
  const { generation, reload } = useFormGeneration(refetch);
  useDocumentTitle(deal ? `${dm.form.editTitle}: ${deal.title}` : dm.form.editTitle);

  const pending = isPending || (!ready && !pipelines.isError && !custom.isError);
  if (pending || !deal) return <RecordLoadState pending={pending} error={error} loading={dm.loading} notFound={dm.notFound} />;
  if (!ready) return <LoadFailed error={pipelines.error ?? custom.error} retry={() => void (pipelines.isError ? pipelines.refetch() : custom.refetch())} />;
  return (
    <EditDealForm
      key={generation}
      deal={deal}
      pipelines={pipelines.data ?? []}
      customFields={custom.data?.fields ?? []}
      onReload={reload}
    />
  );
}

function EditDealForm({ deal: loaded, pipelines, customFields, onReload }: { deal: Deal; pipelines: StoredPipeline[]; customFields: CustomField[]; onReload: () => Promise<void> }) {
  const decimal = useDecimalMark();
  const m = useRecordsMessages();
  const dm = useDealsMessages();
  const goTo = useGoTo();
  const currency = useDefaultCurrency();
  // The deal as it was when editing began is the base of the patch and its version.
  const [base] = useState(loaded);
  const update = useUpdateDeal(base.id);
  const form = useDealForm(dealFormValuesOf(base, customFields, currency, decimal), customFields);
  const productOf = useLineProducts(form.values.lines);
  const [nothingChanged, setNothingChanged] = useState(false);

  function submit() {
    setNothingChanged(false);
    const { patch, errors } = updatePatchOf(form.values, base, productOf, customFields, m);
    if (Object.keys(patch).length === 1 && Object.keys(errors).length === 0) {
      form.clearErrors();
      setNothingChanged(true);
      return;
    }
    const parsed = updateDealSchema.safeParse(patch);
    const issues = [...(parsed.success ? [] : issuesOfZod(parsed.error.issues).filter((issue) => issue.path !== 'version')), ...customIssues(customFields, patch.custom, true, errors)];
    if (issues.length > 0 || Object.keys(errors).length > 0 || !parsed.success) {
      form.showIssues(issues, errors);
      return;
    }
    form.clearErrors();
    update.mutate(parsed.data as UpdateDealInput, {
      onSuccess: () => goTo(recordPath('deal', base.id), { replace: true }),
      onError: showApiIssues(form),
    });
  }

  return (
    <RecordFormShell
      title={`${dm.form.editTitle}: ${base.title}`}
      submitLabel={m.form.save}
      submitting={update.isPending}
      form={form}
      notice={<SaveNotice error={update.error} nothingChanged={nothingChanged} onReload={onReload} />}
      onSubmit={submit}
      onCancel={() => goTo(recordPath('deal', base.id))}
      testId="deal-form"
    >
      <DealFormFields mode="edit" values={form.values} errors={form.errors} onChange={form.change} onEdited={(key) => form.dropErrors((k) => k === key)} pipelines={pipelines} customFields={customFields} productOf={productOf} />
    </RecordFormShell>
  );
}
