import { useNavigate } from '@tanstack/react-router';
import { createLeadSchema } from '@shared/domain/leads/lead';
import { isApiError } from '../../../api/api-error';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useAppConfig } from '../../../config/use-config';
import { useI18n } from '../../../i18n/use-i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { apiErrorMessage } from '../shared/api-error-message';
import { useCreateLead } from '../shared/use-lead';
import { issuesOfApi, issuesOfZod } from './lead-form-errors';
import { createBodyOf, defaultCurrency, emptyLeadFormValues } from './lead-form-values';
import { LeadFormFields } from './LeadFormFields';
import { LeadFormShell } from './LeadFormShell';
import { useLeadForm } from './use-lead-form';

/** A lead entered by hand: validated with the API's own schema first, then by the API. */
export function NewLeadPage() {
  const { t } = useI18n();
  const config = useAppConfig();
  const navigate = useNavigate();
  const create = useCreateLead();
  const form = useLeadForm(emptyLeadFormValues(defaultCurrency(config.currency)));
  useDocumentTitle(t.form.createTitle);

  function submit() {
    const parsed = createLeadSchema.safeParse(createBodyOf(form.values));
    if (!parsed.success) {
      form.showIssues(issuesOfZod(parsed.error.issues));
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
      <LeadFormFields mode="create" values={form.values} errors={form.errors} onChange={form.change} />
    </LeadFormShell>
  );
}
