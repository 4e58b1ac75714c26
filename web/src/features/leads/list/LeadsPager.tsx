import { useI18n } from '../../../i18n/use-i18n';

interface LeadsPagerProps {
  pageNumber: number | undefined;
  count: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous / next over the server's cursor pages. */
export function LeadsPager({ pageNumber, count, hasPrevious, hasNext, onPrevious, onNext }: LeadsPagerProps) {
  const { t } = useI18n();
  return (
    <nav className="pager" aria-label={t.leads.pagination}>
      <p className="pager-status" aria-live="polite">
        {pageNumber ? <span>{t.leads.pageLabel(pageNumber)} · </span> : null}
        {t.leads.shown(count)}
      </p>
      <div className="pager-buttons">
        <button type="button" className="button" onClick={onPrevious} disabled={!hasPrevious} data-testid="page-previous">
          <span aria-hidden="true">←</span> {t.leads.previous}
        </button>
        <button type="button" className="button" onClick={onNext} disabled={!hasNext} data-testid="page-next">
          {t.leads.next} <span aria-hidden="true">→</span>
        </button>
      </div>
    </nav>
  );
}
