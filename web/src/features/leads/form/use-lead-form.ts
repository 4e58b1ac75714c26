import type { Messages } from '../../../i18n/messages';
import { useI18n } from '../../../i18n/use-i18n';
import { useFormState } from '../../../records/form/use-form-state';
import { placeIssues } from './lead-form-errors';
import type { LeadFormValues } from './lead-form-values';

/** The form's values and errors (the records kit's form state); editing a field clears its error. */
export function useLeadForm(initial: LeadFormValues) {
  const { t } = useI18n();
  const form = useFormState(initial, {
    clears: (field, key) => key === field,
    place: (issues) => placeIssues(issues, t),
    // What the form found itself (a number that is not one) says more than the schema's "required".
    prefer: 'found',
  });
  return {
    ...form,
    /** Clears one error by its key: a custom field's (`custom.segment`). */
    dropError: (key: string) => form.dropErrors((k) => k === key),
  };
}

/** The records kit's form shell as the lead form has always looked: its test ids and its words. */
export const leadFormShell = (t: Messages) => ({ testId: 'lead-form', actionTestIds: 'lead-form', fixErrorsText: t.form.fixErrors });
