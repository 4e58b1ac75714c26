import { useI18n } from '../../../i18n/use-i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { LoadingState } from '../../../ui/LoadingState';
import { Spinner } from '../../../ui/Spinner';
import { apiErrorMessage } from '../../../api/api-error-message';
import { TimelineEntryItem } from './TimelineEntryItem';
import { useLeadTimeline } from './use-lead-timeline';

/** The lead's history ("collective memory"), newest first, with "load more". */
export function LeadTimeline({ leadId }: { leadId: string }) {
  const { t } = useI18n();
  const timeline = useLeadTimeline(leadId);
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="timeline-panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="detail-title">
        {t.timeline.title}
      </h2>
      {timeline.isPending ? (
        <LoadingState text={t.timeline.loading} />
      ) : timeline.isError && entries.length === 0 ? (
        <ErrorNotice
          action={
            <button type="button" className="button" onClick={() => void timeline.refetch()}>
              {t.app.retry}
            </button>
          }
        >
          {apiErrorMessage(timeline.error, t)}
        </ErrorNotice>
      ) : entries.length === 0 ? (
        <p className="muted">{t.timeline.empty}</p>
      ) : (
        <>
          <ol className="timeline" data-testid="timeline">
            {entries.map((entry) => (
              <TimelineEntryItem key={entry.id} entry={entry} />
            ))}
          </ol>
          {timeline.hasNextPage ? (
            <button
              type="button"
              className="button button-block"
              onClick={() => void timeline.fetchNextPage()}
              disabled={timeline.isFetchingNextPage}
              data-testid="timeline-more"
            >
              {timeline.isFetchingNextPage ? <Spinner size="sm" /> : null}
              {timeline.isFetchingNextPage ? t.timeline.loadingMore : t.timeline.loadMore}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
