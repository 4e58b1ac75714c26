import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { apiErrorMessage } from '../../api/api-error-message';
import { useImportMessages } from './import-messages';

/**
 * A write on the import that failed. A version conflict or a step the import has left is said as
 * such (the job has already been refetched); a field error is shown where it belongs, not here.
 */
export function ActionError({ error, ignoreFields = false }: { error: unknown; ignoreFields?: boolean }) {
  const { t } = useI18n();
  const m = useImportMessages();
  if (!error) return null;
  if (isApiError(error)) {
    if (error.isConflict) return <ErrorNotice>{m.conflict}</ErrorNotice>;
    if (ignoreFields && error.fields.length > 0 && error.status === 400) return null;
    if (error.status === 422) return <ErrorNotice>{m.notEditable}</ErrorNotice>;
  }
  return <ErrorNotice>{apiErrorMessage(error, t)}</ErrorNotice>;
}
