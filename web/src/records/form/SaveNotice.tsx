import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { apiErrorMessage } from '../../api/api-error-message';
import { useRecordsMessages } from '../records-messages';

interface SaveNoticeProps {
  error: unknown;
  nothingChanged?: boolean;
  /** Starts the form again from the latest version (offered with a version conflict). */
  onReload?: () => Promise<void>;
  /**
   * What a 409 means: `version`, another user's save (the default), or `message`, a conflict
   * the server words itself (a create: a taken SKU), shown as any other failure.
   */
  conflict?: 'version' | 'message';
  /** A type's own words for another user's save (the kit's by default). */
  conflictText?: string;
  /** The test id of "load the latest version": `record-form-reload` by default. */
  reloadTestId?: string;
}

/**
 * What went wrong with a save as a whole: a version conflict (with "load the latest version"),
 * another failure the fields cannot show, or "nothing changed".
 */
export function SaveNotice({ error, nothingChanged = false, onReload, conflict = 'version', conflictText, reloadTestId = 'record-form-reload' }: SaveNoticeProps) {
  const { t } = useI18n();
  const m = useRecordsMessages();
  const [reloading, setReloading] = useState(false);
  if (conflict === 'version' && isApiError(error) && error.isConflict) {
    return (
      <ErrorNotice
        action={
          onReload ? (
            <button
              type="button"
              className="button"
              data-testid={reloadTestId}
              disabled={reloading}
              onClick={() => {
                setReloading(true);
                void onReload().finally(() => setReloading(false));
              }}
            >
              {m.form.reload}
            </button>
          ) : undefined
        }
      >
        <span data-testid="record-form-conflict">{conflictText ?? m.form.conflict}</span>
      </ErrorNotice>
    );
  }
  if (error && !(isApiError(error) && error.fields.length > 0)) return <ErrorNotice>{apiErrorMessage(error, t)}</ErrorNotice>;
  if (nothingChanged) {
    return (
      <p className="notice notice-info" role="status">
        {m.form.nothingChanged}
      </p>
    );
  }
  return null;
}
