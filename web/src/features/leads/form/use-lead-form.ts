import { useState } from 'react';
import { useI18n } from '../../../i18n/use-i18n';
import { placeIssues, type Issue, type LeadFormErrors } from './lead-form-errors';
import type { LeadFormField, LeadFormValues } from './lead-form-values';

/** The form's values and errors; editing a field clears its error. */
export function useLeadForm(initial: LeadFormValues) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<LeadFormErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  /** Bumped on every failed submit, so the form can move focus to the first problem. */
  const [attempt, setAttempt] = useState(0);

  return {
    values,
    errors,
    otherErrors,
    attempt,
    change<F extends LeadFormField>(field: F, value: LeadFormValues[F]) {
      setValues((current) => ({ ...current, [field]: value }));
      setErrors((current) => {
        if (!(field in current)) return current;
        const { [field]: _removed, ...rest } = current;
        return rest;
      });
    },
    /** Clears one error by its key: a custom field's (`custom.segment`). */
    dropError(key: keyof LeadFormErrors) {
      setErrors((current) => {
        if (!(key in current)) return current;
        const { [key]: _removed, ...rest } = current;
        return rest;
      });
    },
    showIssues(issues: Issue[], extra: LeadFormErrors = {}) {
      const placed = placeIssues(issues, t);
      // What the form found itself (a number that is not one) says more than the schema's "required".
      setErrors({ ...placed.fields, ...extra });
      setOtherErrors(placed.other);
      setAttempt((n) => n + 1);
    },
    clearErrors() {
      setErrors({});
      setOtherErrors([]);
    },
  };
}
