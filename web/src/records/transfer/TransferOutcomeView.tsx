import type { RowSelection } from '../list/row-selection';
import { useTransferMessages } from './transfer-messages';
import { transferOutcomes, type TransferSummary } from './transfer-outcome';

/** What a transfer came to: the counts by outcome, then each record that did not move, by name and id, and why. */
export function TransferOutcomeView({ summary, names }: { summary: TransferSummary; names: RowSelection }) {
  const tm = useTransferMessages();
  return (
    <div className="transfer-outcome" data-testid="transfer-outcome">
      <p className="transfer-outcome-summary" data-testid="transfer-summary">
        {tm.summary(summary.counts.moved, summary.total)}
      </p>
      <dl className="transfer-counts">
        {transferOutcomes.map((outcome) => (
          <div key={outcome} className={summary.counts[outcome] > 0 ? `transfer-count transfer-count-${outcome}` : 'transfer-count'} data-testid={`transfer-count-${outcome}`}>
            <dt>{tm.outcomes[outcome]}</dt>
            <dd>{summary.counts[outcome]}</dd>
          </div>
        ))}
      </dl>
      {summary.failed.length > 0 ? (
        <section className="transfer-failed" aria-label={tm.failed}>
          <h3>{tm.failed}</h3>
          <ul data-testid="transfer-failed">
            {summary.failed.map(({ id, outcome }) => (
              <li key={id}>
                <strong>{names.get(id) || id}</strong> <span className="muted">({id})</span> — {tm.reasons[outcome]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
