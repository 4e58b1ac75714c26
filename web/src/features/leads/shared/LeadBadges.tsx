import type { LeadStatus, Qualification } from '@shared/domain/leads/lead-process';
import { useI18n } from '../../../i18n/use-i18n';

/** A lead's status as a coloured badge (colour repeats the word, never replaces it). */
export function StatusBadge({ status }: { status: LeadStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-status-${status}`}>{t.statuses[status]}</span>;
}

export function QualificationBadge({ qualification }: { qualification: Qualification | undefined }) {
  const { t } = useI18n();
  if (!qualification) return <span className="muted">—</span>;
  return (
    <span className={`badge badge-qualification-${qualification}`}>
      <span className="badge-dot" aria-hidden="true" />
      {t.qualifications[qualification]}
    </span>
  );
}
