import { useNavigate } from '@tanstack/react-router';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { createLeadSchema } from '@shared/domain/leads/lead';
import { isApiError } from '../../../api/api-error';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useAppConfig } from '../../../config/use-config';
import { useI18n } from '../../../i18n/use-i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { LoadingState } from '../../../ui/LoadingState';
import { customValuesOf } from '../../../records/custom/custom-form';
import { customSchemaIssues } from '../../../records/custom/custom-issues';
import { useCustomFields } from '../../../records/custom/use-custom-fields';
import { useRecordsMessages } from '../../../records/records-messages';
import { apiErrorMessage } from '../../../api/api-error-message';
import { LoadFailed } from '../../../ui/LoadFailed';
import { useCreateLead } from '../shared/use-lead';
import { issuesOfApi, issuesOfZod } from './lead-form-errors';
import { createBodyOf, defaultCurrency, emptyLeadFormValues } from './lead-form-values';
import { LeadFormFields } from './LeadFormFields';
import { LeadFormShell } from './LeadFormShell';
import { useLeadForm } from './use-lead-form';

/** A lead entered by hand, once the lead type's custom fields are known. */
export function NewLeadPage() {
  const { t } = useI18n();
  const custom = useCustomFields('lead');
  useDocumentTitle(t.form.createTitle);
  if (custom.isError) return <LoadFailed error={custom.error} retry={() => void custom.refetch()} />;
  if (!custom.data) return <LoadingState text={t.app.loadingPage} />;
  return <NewLeadForm customFields={custom.data.fields} />;
}

/** Validated with the API's own schemas first (the custom ones built from the definitions), then by the API. */
function NewLeadForm({ customFields }: { customFields: readonly CustomField[] }) {
  const { t } = useI18n();
  const rm = useRecordsMessages();
  const config = useAppConfig();
  const navigate = useNavigate();
  const create = useCreateLead();
  const form = useLeadForm(emptyLeadFormValues(defaultCurrency(config.currency), customFields));

  function submit() {
    const custom = customValuesOf(customFields, form.values.custom, rm, true);
    const parsed = createLeadSchema.safeParse(createBodyOf(form.values, custom.values));
    const issues = [...(parsed.success ? [] : issuesOfZod(parsed.error.issues)), ...customSchemaIssues(customFields, custom.values, false)];
    if (!parsed.success || issues.length > 0 || Object.keys(custom.errors).length > 0) {
      form.showIssues(issues, custom.errors);
      return;
    }
    form.clearErrors();
    create.mutate(parsed.data, {
      onSuccess: (lead) => void navigate({ to: '/leads/$leadId', params: { leadId: lead.id }, replace: true }),
      onError: (error) => {
        if (isApiError(error) && error.fields.length > 0) form.showIssues(issuesOfApi(error.fields));
      },
    });
  }

  const requestFailed = create.isError && !(isApiError(create.error) && create.error.fields.length > 0);
  return (
    <LeadFormShell
      title={t.form.createTitle}
      submitLabel={t.form.create}
      submitting={create.isPending}
      hasFieldErrors={Object.keys(form.errors).length > 0}
      otherErrors={form.otherErrors}
      notice={requestFailed ? <ErrorNotice>{apiErrorMessage(create.error, t)}</ErrorNotice> : null}
      attempt={form.attempt}
      onSubmit={submit}
      onCancel={() => void navigate({ to: '/leads' })}
    >
      <LeadFormFields mode="create" values={form.values} errors={form.errors} onChange={form.change} onEdited={form.dropError} customFields={customFields} />
    </LeadFormShell>
  );
}
