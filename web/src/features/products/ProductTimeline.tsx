import { useId, useMemo } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { Spinner } from '../../ui/Spinner';
import { apiErrorMessage } from '../leads/shared/api-error-message';
import { useUserName } from '../leads/shared/use-users';
import type { ChangeContext } from '../records/timeline/describe-change';
import { RecordTimelineEntry } from '../records/timeline/RecordTimelineEntry';
import { useRecordsMessages } from '../records/records-messages';
import { useProductTimeline } from './product-api';
import { useProductsMessages } from './products-messages';
import { vatText } from './ProductBadges';

/**
 * A catalog item's history: price, availability and status changes, newest first. (The shared
 * RecordTimeline takes the record types with notes and custom fields; products have neither.)
 */
export function ProductTimeline({ productId }: { productId: string }) {
  const { t, format, locale } = useI18n();
  const m = useRecordsMessages();
  const pm = useProductsMessages();
  const userName = useUserName();
  const headingId = useId();
  const timeline = useProductTimeline(productId);
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  const ctx: ChangeContext = useMemo(
    () => ({
      m: { ...m, fields: { ...m.fields, ...pm.fields } },
      t,
      format,
      locale,
      userName,
      customFields: [],
      describe: (field: string, value: unknown) => {
        if (field === 'kind' && (value === 'product' || value === 'service')) return pm.kinds[value];
        if (field === 'status' && (value === 'active' || value === 'archived')) return pm.statuses[value];
        if (field === 'vatRate' && (value === null || typeof value === 'number')) return vatText(value, pm);
        return undefined;
      },
    }),
    [m, pm, t, format, locale, userName],
  );

  return (
    <section className="timeline-panel record-panel" aria-labelledby={headingId} data-testid="record-timeline">
      <h2 id={headingId} className="detail-title">
        {m.timeline.title}
      </h2>
      {timeline.isPending ? (
        <LoadingState text={m.timeline.loading} />
      ) : timeline.isError && entries.length === 0 ? (
        <ErrorNotice
          action={
            <button type="button" className="button" onClick={() => void timeline.refetch()}>
              {m.common.retry}
            </button>
          }
        >
          {apiErrorMessage(timeline.error, t)}
        </ErrorNotice>
      ) : entries.length === 0 ? (
        <p className="muted">{m.timeline.empty}</p>
      ) : (
        <>
          <ol className="timeline" data-testid="timeline">
            {entries.map((entry) => (
              <RecordTimelineEntry key={entry.id} entry={entry} ctx={ctx} />
            ))}
          </ol>
          {timeline.hasNextPage ? (
            <button type="button" className="button button-block" onClick={() => void timeline.fetchNextPage()} disabled={timeline.isFetchingNextPage} data-testid="timeline-more">
              {timeline.isFetchingNextPage ? <Spinner size="sm" /> : null}
              {timeline.isFetchingNextPage ? m.timeline.loadingMore : m.timeline.loadMore}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
