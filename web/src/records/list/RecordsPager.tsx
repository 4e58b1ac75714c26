import { useRecordsMessages } from '../records-messages';

interface RecordsPagerProps {
  pageNumber: number | undefined;
  count: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous / next over the server's cursor pages. */
export function RecordsPager({ pageNumber, count, hasPrevious, hasNext, onPrevious, onNext }: RecordsPagerProps) {
  const m = useRecordsMessages();
  return (
    <nav className="pager" aria-label={m.list.pagination}>
      <p className="pager-status" aria-live="polite">
        {pageNumber ? <span>{m.list.pageLabel(pageNumber)} · </span> : null}
        {m.list.shown(count)}
      </p>
      <div className="pager-buttons">
        <button type="button" className="button" onClick={onPrevious} disabled={!hasPrevious} data-testid="page-previous">
          <span aria-hidden="true">←</span> {m.list.previous}
        </button>
        <button type="button" className="button" onClick={onNext} disabled={!hasNext} data-testid="page-next">
          {m.list.next} <span aria-hidden="true">→</span>
        </button>
      </div>
    </nav>
  );
}
