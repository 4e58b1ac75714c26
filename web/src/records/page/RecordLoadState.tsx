import type { ReactNode } from 'react';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { AppLink } from '../../ui/AppLink';
import { apiErrorMessage } from '../../api/api-error-message';
import { LoadFailed } from '../../ui/LoadFailed';
import { useMovedFrom } from './use-record';

interface RecordLoadStateProps {
  pending: boolean;
  error: unknown;
  /** "Try again" after a failure other than "not found"; without it the failure is only said. */
  retry?: () => void;
  loading: string;
  notFound: string;
  /** The way back to the list, above the error. */
  back?: ReactNode;
}

/** What a record's page or form shows until it has the record: loading, "not found", or a failure to load. */
export function RecordLoadState({ pending, error, retry, loading, notFound, back }: RecordLoadStateProps) {
  const { t } = useI18n();
  if (pending) return <LoadingState text={loading} />;
  return (
    <section className="page">
      {back}
      {isApiError(error) && error.isNotFound ? (
        <ErrorNotice>{notFound}</ErrorNotice>
      ) : retry ? (
        <LoadFailed error={error} retry={retry} />
      ) : (
        <ErrorNotice>{apiErrorMessage(error, t)}</ErrorNotice>
      )}
    </section>
  );
}

/** A record page's link back to its list. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <AppLink href={href} className="back-link">
      <span aria-hidden="true">←</span> {label}
    </AppLink>
  );
}

/** Says so when the page was reached by a merged record's id and shows the survivor (`id`). */
export function MovedNotice({ id, text }: { id: string; text: string }) {
  const movedFrom = useMovedFrom();
  return movedFrom && movedFrom !== id ? (
    <p className="notice notice-info" role="status" data-testid="record-moved">
      {text}
    </p>
  ) : null;
}
