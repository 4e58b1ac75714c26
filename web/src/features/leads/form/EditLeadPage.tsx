import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { updateLeadSchema, type Lead } from '@shared/domain/leads/lead';
import { leadDisplayName } from '@shared/domain/leads/lead-changes';
import { isOpenStatus } from '@shared/domain/leads/lead-process';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useAppConfig } from '../../../config/use-config';
import { useI18n } from '../../../i18n/use-i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { customValuesOf } from '../../../records/custom/custom-form';
import { customSchemaIssues } from '../../../records/custom/custom-issues';
import { useCustomFields } from '../../../records/custom/use-custom-fields';
import { useRecordsMessages } from '../../../records/records-messages';
import { LoadFailed } from '../../../ui/LoadFailed';
import { RecordLoadState } from '../../../records/page/RecordLoadState';
import { useDecimalMark, useFormGeneration } from '../../../records/page/use-record-page';
import { useLead, useUpdateLead } from '../shared/use-lead';
import { issuesOfZod, showApiIssues } from '../../../records/form/form-errors';
import type { LeadFormErrors } from './lead-form-errors';
import { defaultCurrency, leadFormValuesOf, updatePatchOf } from './lead-form-values';
import { LeadFormFields } from './LeadFormFields';
import { RecordFormShell } from '../../../records/form/RecordFormShell';
import { SaveNotice } from '../../../records/form/SaveNotice';
import { SourceSummary } from './SourceSummary';
import { leadFormShell, useLeadForm } from './use-lead-form';

/** Edit a lead. "Reload" after a conflict starts the form again from the latest version. */
export function EditLeadPage({ leadId }: { leadId: string }) {
  const { t } = useI18n();
  const { data: lead, isPending, error, refetch } = useLead(leadId);
  const custom = useCustomFields('lead');
  const { generation, reload } = useFormGeneration(refetch);
  useDocumentTitle(lead ? `${t.form.editTitle}: ${leadDisplayName(lead)}` : t.form.editTitle);

  if (custom.isError && !isPending) return <LoadFailed error={custom.error} retry={() => void custom.refetch()} />;
  if (isPending || !custom.data || !lead) return <RecordLoadState pending={isPending || custom.isPending} error={error} loading={t.lead.loading} notFound={t.lead.notFound} />;
  if (!isOpenStatus(lead.status)) {
    return (
      <section className="page">
        <ErrorNotice>{t.form.closed}</ErrorNotice>
        <Link to="/leads/$leadId" params={{ leadId }} className="back-link">
          <span aria-hidden="true">←</span> {leadDisplayName(lead)}
        </Link>
      </section>
    );
  }
  return (
    <EditLeadForm
      key={generation}
      lead={lead}
      customFields={custom.data.fields}
      onReload={reload}
    />
  );
}

/** The lead as it was when editing began is the base of the patch and its version. */
function EditLeadForm({ lead: loaded, customFields, onReload }: { lead: Lead; customFields: readonly CustomField[]; onReload: () => Promise<void> }) {
  const { t } = useI18n();
  const decimal = useDecimalMark();
  const rm = useRecordsMessages();
  const config = useAppConfig();
  const navigate = useNavigate();
  const [base] = useState(loaded);
  const update = useUpdateLead(base.id);
  const [initial] = useState(() => leadFormValuesOf(base, defaultCurrency(config.currency), decimal, customFields));
  const form = useLeadForm(initial);
  const [nothingChanged, setNothingChanged] = useState(false);

  function submit() {
    setNothingChanged(false);
    const custom = customValuesOf(customFields, form.values.custom, rm, false);
    const before = customValuesOf(customFields, initial.custom, rm, false).values;
    const { patch, cleared } = updatePatchOf(form.values, base, { next: custom.values, before });
    const clearedErrors: LeadFormErrors = { ...custom.errors, ...Object.fromEntries(cleared.map((field) => [field, t.form.cannotClear])) };
    const parsed = updateLeadSchema.safeParse(patch);
    const issues = [
      ...(parsed.success ? [] : issuesOfZod(parsed.error.issues).filter((issue) => issue.path !== 'version')),
      ...customSchemaIssues(customFields, patch.custom, true),
    ];
    if (Object.keys(clearedErrors).length > 0 || issues.length > 0) {
      form.showIssues(issues, clearedErrors);
      return;
    }
    form.clearErrors();
    if (!parsed.success) {
      setNothingChanged(true);
      return;
    }
    update.mutate(parsed.data, {
      onSuccess: () => void navigate({ to: '/leads/$leadId', params: { leadId: base.id }, replace: true }),
      onError: showApiIssues(form),
    });
  }

  return (
    <RecordFormShell
      {...leadFormShell(t)}
      title={`${t.form.editTitle}: ${leadDisplayName(base)}`}
      submitLabel={t.form.save}
      submitting={update.isPending}
      form={form}
      notice={<SaveNotice error={update.error} nothingChanged={nothingChanged} onReload={onReload} conflictText={t.form.conflict} reloadTestId="lead-form-reload" />}
      onSubmit={submit}
      onCancel={() => void navigate({ to: '/leads/$leadId', params: { leadId: base.id } })}
    >
      <LeadFormFields
        mode="edit"
        values={form.values}
        errors={form.errors}
        onChange={form.change}
        onEdited={form.dropError}
        customFields={customFields}
        sourceSummary={<SourceSummary source={base.source} />} />
    </RecordFormShell>
  );
}
