import { useTransferMessages } from './transfer-messages';

/** Above a list with chosen records: how many, «Передать» and the way to clear the choice. */
export function SelectionBar({ count, onTransfer, onClear }: { count: number; onTransfer: () => void; onClear: () => void }) {
  const tm = useTransferMessages();
  return (
    <div className="selection-bar" role="region" aria-label={tm.bar} data-testid="selection-bar">
      <p className="selection-bar-count" aria-live="polite" data-testid="selection-count">
        {tm.selected(count)}
      </p>
      <button type="button" className="button button-primary" onClick={onTransfer} data-testid="transfer-open">
        {tm.transfer}
      </button>
      <button type="button" className="button button-link" onClick={onClear} data-testid="selection-clear">
        {tm.clear}
      </button>
    </div>
  );
}
