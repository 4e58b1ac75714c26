import type { CaseRating, CaseStatus } from '@shared/domain/cases/case';
import { Spinner } from '../../ui/Spinner';
import { stars } from './portal-cases';
import { usePortalMessages } from './portal-messages';

/** A case's status in the client's words, as a coloured badge (the colour repeats the word, never replaces it). */
export function CaseStatusBadge({ status, testId }: { status: CaseStatus; testId?: string }) {
  const p = usePortalMessages();
  return (
    <span className={`badge portal-status portal-status-${status}`} data-testid={testId}>
      {p.statuses[status]}
    </span>
  );
}

/** A given score as stars, read out as "4 из 5". */
export function RatingStars({ rating }: { rating: Pick<CaseRating, 'score'> }) {
  const p = usePortalMessages();
  return (
    <span className="portal-stars" role="img" aria-label={`${p.rating.score}: ${p.rating.outOf(rating.score)}`} title={p.rating.scores[rating.score]}>
      {stars(rating.score)}
    </span>
  );
}

/** A button that says it is working (spinner, its busy words, `aria-busy`) and takes no second press meanwhile. */
export function BusyButton(props: { busy: boolean; label: string; busyLabel: string; primary?: boolean; disabled?: boolean; onClick?: () => void; testId: string }) {
  const { busy, label, busyLabel, primary = true, disabled = false, onClick, testId } = props;
  return (
    <button
      type={onClick ? 'button' : 'submit'}
      className={primary ? 'button button-primary' : 'button'}
      disabled={busy || disabled}
      aria-busy={busy}
      onClick={onClick}
      data-testid={testId}
    >
      {busy ? <Spinner size="sm" /> : null}
      {busy ? busyLabel : label}
    </button>
  );
}
