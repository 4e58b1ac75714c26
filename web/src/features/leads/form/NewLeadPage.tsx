import { useNavigate } from '@tanstack/react-router';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { createLeadSchema } from '@shared/domain/leads/lead';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useAppConfig } from '../../../config/use-config';
import { useI18n } from '../../../i18n/use-i18n';
import { LoadingState } from '../../../ui/LoadingState';
import { customValuesOf } from '../../../records/custom/custom-form';
import { customSchemaIssues } from '../../../records/custom/custom-issues';
import { useCustomFields } from '../../../records/custom/use-custom-fields';
import { useRecordsMessages } from '../../../records/records-messages';
import { LoadFailed } from '../../../ui/LoadFailed';
import { useCreateLead } from '../shared/use-lead';
import { issuesOfZod, showApiIssues } from '../../../records/form/form-errors';
import { createBodyOf, defaultCurrency, emptyLeadFormValues } from './lead-form-values';
import { LeadFormFields } from './LeadFormFields';
import { RecordFormShell } from '../../../records/form/RecordFormShell';
import { SaveNotice } from '../../../records/form/SaveNotice';
import { leadFormShell, useLeadForm } from './use-lead-form';

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
      onError: showApiIssues(form),
    });
  }

  return (
    <RecordFormShell
      {...leadFormShell(t)}
      title={t.form.createTitle}
      submitLabel={t.form.create}
      submitting={create.isPending}
      form={form}
      notice={<SaveNotice error={create.error} conflict="message" />}
      onSubmit={submit}
      onCancel={() => void navigate({ to: '/leads' })}
    >
      <LeadFormFields mode="create" values={form.values} errors={form.errors} onChange={form.change} onEdited={form.dropError} customFields={customFields} />
    </RecordFormShell>
  );
}
