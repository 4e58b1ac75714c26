import { useI18n } from '../i18n/use-i18n';
import { ErrorNotice } from './ErrorNotice';
import { apiErrorMessage } from '../api/api-error-message';

/** A failed load, said in the user's language, with a retry button. */
export function LoadFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  return (
    <ErrorNotice
      action={
        <button type="button" className="button" onClick={retry}>
          {t.app.retry}
        </button>
      }
    >
      {apiErrorMessage(error, t)}
    </ErrorNotice>
  );
}
