import { useId } from 'react';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n/use-i18n';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { Spinner } from '../../ui/Spinner';
import { AppLink } from '../../ui/AppLink';
import { recordPath } from '../../records/record-paths';
import { LoadFailed } from '../../ui/LoadFailed';
import { useDuplicatesMessages } from '../../records/duplicates/duplicates-messages';
import { recordSubtitle, recordTitle } from '../../records/duplicates/merge-fields';
import { mergeTypes, useDismissPair, useDuplicatePairs, type DuplicatePair, type MergeType } from '../../records/duplicates/use-duplicates';
import '../../styles/transfer.css';

/**
 * The duplicates view of a type (REC-12): every pair the detector keeps, each once, with why they
 * look alike; compare-and-merge opens the merge screen, "not duplicates" dismisses the pair for good.
 */
export function DuplicatesPage({ type }: { type: MergeType }) {
  const m = useDuplicatesMessages();
  const titleId = useId();
  useDocumentTitle(`${m.view.title}: ${m.types[type]}`);
  const pairs = useDuplicatePairs(type);
  const items = pairs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="page page-wide" aria-labelledby={titleId} data-testid="duplicates-view">
      <header className="page-header">
        <h1 id={titleId}>{m.view.title}</h1>
      </header>
      <p className="muted">{m.view.intro}</p>
      <nav className="transfer-tabs" aria-label={m.view.tabsLabel}>
        {mergeTypes.map((each) => (
          <AppLink
            key={each}
            href={`/duplicates/${each}`}
            className={each === type ? 'transfer-tab transfer-tab-on' : 'transfer-tab'}
            testId={`duplicates-tab-${each}`}
          >
            {m.types[each]}
          </AppLink>
        ))}
      </nav>

      {pairs.isPending ? (
        <LoadingState text={m.view.loading} />
      ) : pairs.isError ? (
        <LoadFailed error={pairs.error} retry={() => void pairs.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={m.view.empty} />
      ) : (
        <>
          <p className="muted" role="status">
            {m.view.pairs(items.length)}
            {pairs.hasNextPage ? '+' : ''}
          </p>
          <ul className="duplicates-list">
            {items.map((pair) => (
              <PairItem key={`${pair.records[0].id}:${pair.records[1].id}`} type={type} pair={pair} />
            ))}
          </ul>
          {pairs.hasNextPage ? (
            <button type="button" className="button" disabled={pairs.isFetchingNextPage} onClick={() => void pairs.fetchNextPage()}>
              {pairs.isFetchingNextPage ? <Spinner size="sm" /> : null} {m.view.loadMore}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function PairItem({ type, pair }: { type: MergeType; pair: DuplicatePair }) {
  const m = useDuplicatesMessages();
  const { format } = useI18n();
  const dismiss = useDismissPair(type);
  const [a, b] = pair.records;
  // The older record survives by default: it is the one others already link to.
  const [survivor, duplicate] = a.createdAt <= b.createdAt ? [a, b] : [b, a];

  return (
    <li className="duplicates-item" data-testid="duplicate-pair">
      <div className="duplicates-pair">
        {[survivor, duplicate].map((record) => {
          const subtitle = recordSubtitle(type, record);
          return (
            <div key={record.id} className="duplicates-item-main">
              <AppLink href={recordPath(type, record.id)} className="break">
                {recordTitle(type, record)}
              </AppLink>
              {subtitle ? <span className="cell-sub break">{subtitle}</span> : null}
            </div>
          );
        })}
        <span className="duplicates-reasons">
          <span className="visually-hidden">{m.panel.matchedBy}: </span>
          {pair.reasons.map((reason) => (
            <span key={reason} className="duplicates-reason">
              {m.reasons[reason] ?? reason}
            </span>
          ))}
          {pair.strength === 'weak' ? (
            <span className="duplicates-reason duplicates-weak" data-testid="duplicates-weak">
              {m.view.weak}
            </span>
          ) : null}
          <span className="cell-sub">
            {m.view.detected}: {format.dateTime(pair.detectedAt)}
          </span>
        </span>
      </div>
      <div className="duplicates-actions">
        <AppLink
          href={`/merge/${type}/${encodeURIComponent(survivor.id)}/${encodeURIComponent(duplicate.id)}`}
          className="button button-primary"
          testId="duplicate-compare"
        >
          {m.panel.compare}
        </AppLink>
        <button type="button" className="button" disabled={dismiss.isPending} onClick={() => dismiss.mutate([a.id, b.id])} data-testid="duplicate-dismiss">
          {dismiss.isPending ? m.view.dismissing : m.view.dismiss}
        </button>
      </div>
      {dismiss.isError ? <ErrorNotice>{m.view.dismissFailed}</ErrorNotice> : null}
    </li>
  );
}
