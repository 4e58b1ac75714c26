import type { FieldIssue } from '@shared/api/contracts';
import { useI18n } from '../../../i18n/use-i18n';
import { apiErrorMessage } from '../../../api/api-error-message';
import { issueText } from '../../../records/form/form-errors';
import { useRecordsMessages } from '../../../records/records-messages';
import { fieldRefusal } from './user-admin';

/** A form's failed submit in words: a text per field, and what to say above the fields. */
export interface RefusalText<F extends string> {
  fields: Partial<Record<F, string>>;
  failure: string | undefined;
}

interface RefusalOptions<F extends string> {
  /** The field a 409 without issues is about (an existing email). */
  conflictField?: F;
  /** The form's own words for an issue; undefined: the general words of a field issue. */
  fieldText?: (field: F, issue: FieldIssue, status: number) => string | undefined;
}

/**
 * The API's refusal of a form (400, 409, 422 with field issues) put on its fields, the issues on
 * no field (or else `fixErrors`) above them; any other failure as a message.
 */
export function useRefusalText() {
  const rm = useRecordsMessages();
  const { t } = useI18n();
  return <F extends string>(error: unknown, known: readonly F[], fixErrors: string, options: RefusalOptions<F> = {}): RefusalText<F> => {
    const refusal = fieldRefusal(error, known, options.conflictField);
    if (!refusal) return { fields: {}, failure: apiErrorMessage(error, t) };
    const fields: Partial<Record<F, string>> = {};
    for (const field of known) {
      const issue = refusal.fields[field];
      if (issue) fields[field] = options.fieldText?.(field, issue, refusal.status) ?? issueText(issue, rm);
    }
    return { fields, failure: refusal.other.length ? refusal.other.map((issue) => issueText(issue, rm)).join(' ') : fixErrors || undefined };
  };
}
