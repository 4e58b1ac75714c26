import { Spinner } from '../../ui/Spinner';
import { AppLink } from '../../ui/AppLink';
import { recordPath } from '../record-paths';
import { LoadFailed } from '../../ui/LoadFailed';
import { useDuplicatesMessages } from './duplicates-messages';
import { recordSubtitle, recordTitle } from './merge-fields';
import { useDuplicates, type MergeType } from './use-duplicates';
import '../../styles/transfer.css';

/**
 * On an account's or a contact's page: the records that look like the same party (same email,
 * phone, tax id or name), why, and the way to compare and merge each. Nothing is shown when there
 * are none, unless `showEmpty` asks for the plain "none found".
 */
export function DuplicatesPanel({ type, id, showEmpty = false }: { type: MergeType; id: string; showEmpty?: boolean }) {
  const m = useDuplicatesMessages();
  const { data, isPending, isError, error, refetch } = useDuplicates(type, id);

  if (isPending) {
    return showEmpty ? (
      <section className="duplicates-panel" aria-busy="true">
        <p className="transfer-working" role="status">
          <Spinner size="sm" /> {m.panel.loading}
        </p>
      </section>
    ) : null;
  }
  if (isError) {
    return (
      <section className="duplicates-panel" aria-labelledby={`duplicates-${id}`}>
        <h2 id={`duplicates-${id}`}>{m.panel.title}</h2>
        <LoadFailed error={error} retry={() => void refetch()} />
      </section>
    );
  }
  const items = data.items.filter((item) => item.record.id !== id);
  if (items.length === 0 && !showEmpty) return null;

  return (
    <section className="duplicates-panel" aria-labelledby={`duplicates-${id}`} data-testid="duplicates-panel">
      <h2 id={`duplicates-${id}`}>
        {m.panel.title} {items.length > 0 ? <span className="transfer-tab-count">{items.length}</span> : null}
      </h2>
      {items.length === 0 ? (
        <p className="muted">{m.panel.none}</p>
      ) : (
        <ul className="duplicates-list">
          {items.map(({ record, reasons, strength }) => {
            const subtitle = recordSubtitle(type, record);
            return (
              <li key={record.id} className="duplicates-item" data-testid="duplicate-item">
                <div className="duplicates-item-main">
                  <AppLink href={recordPath(type, record.id)} className="break">
                    {recordTitle(type, record)}
                  </AppLink>
                  {subtitle ? <span className="cell-sub break">{subtitle}</span> : null}
                  <span className="duplicates-reasons">
                    <span className="visually-hidden">{m.panel.matchedBy}: </span>
                    {reasons.map((reason) => (
                      <span key={reason} className="duplicates-reason">
                        {m.reasons[reason] ?? reason}
                      </span>
                    ))}
                    {strength === 'weak' ? (
                      <span className="duplicates-reason duplicates-weak" data-testid="duplicates-weak">
                        {m.view.weak}
                      </span>
                    ) : null}
                  </span>
                </div>
                <AppLink href={`/merge/${type}/${encodeURIComponent(id)}/${encodeURIComponent(record.id)}`} className="button" testId="duplicate-compare">
                  {m.panel.compare}
                </AppLink>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
