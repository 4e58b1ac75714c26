import { useId, useMemo } from 'react';
import type { TimelineEntry } from '@shared/api/contracts';
import type { CustomizableType } from '@shared/domain/custom-fields/custom-field';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { Spinner } from '../../ui/Spinner';
import { apiErrorMessage } from '../../api/api-error-message';
import { useUserName } from '../../api/use-users';
import { useCustomFields } from '../custom/use-custom-fields';
import { typeOfResource, type RecordResource } from '../records-http';
import { useRecordsMessages, type RecordsMessages } from '../records-messages';
import type { ChangeContext } from './describe-change';
import { RecordTimelineEntry } from './RecordTimelineEntry';
import { useRecordTimeline } from './use-record-timeline';
import '../../styles/records.css';

/**
 * A record's history ("collective memory"), newest first, with "load more": field changes
 * old → new (custom fields by their labels), notes, activities, stage moves, merges and files.
 *
 *   <RecordTimeline resource="accounts" id={account.id} />
 *
 * `describeValue` lets a feature word its own values (a deal's stage ids as stage names),
 * `fieldLabels` name the fields the records' messages do not (a catalog item's), `words` say the
 * entries in a type's own terms («Лид создан»), and `entryFacts` add what only that type's entries
 * carry (a lead's web form, channel, rejection reason).
 */
type TimelineWords = Partial<Pick<RecordsMessages['timeline'], 'loading' | 'empty' | 'loadMore' | 'loadingMore' | 'emptyValue' | 'kinds'>> & { retry?: string };

interface RecordTimelineProps {
  /** The types with custom fields, and catalog items (cases have a timeline of their own, with the client's replies). */
  resource: RecordResource | 'products';
  id: string;
  describeValue?: (field: string, value: unknown) => string | undefined;
  fieldLabels?: Readonly<Record<string, string>>;
  title?: string;
  words?: TimelineWords;
  entryFacts?: (entry: TimelineEntry) => [string, string][];
  /** Beside a card's main column it stays in view as the page scrolls, as a panel of its own (the lead card). */
  sticky?: boolean;
}

export function RecordTimeline({ resource, id, describeValue, fieldLabels, title, words, entryFacts, sticky = false }: RecordTimelineProps) {
  const { t, format, locale } = useI18n();
  const kitWords = useRecordsMessages();
  const m = useMemo(
    () => (words ? { ...kitWords, timeline: { ...kitWords.timeline, ...words, kinds: { ...kitWords.timeline.kinds, ...words.kinds } } } : kitWords),
    [kitWords, words],
  );
  const userName = useUserName();
  const headingId = useId();
  const timeline = useRecordTimeline(resource, id);
  // Catalog items have no custom fields.
  const { data: custom } = useCustomFields((resource === 'products' ? 'product' : typeOfResource[resource]) as CustomizableType, resource !== 'products');
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  const ctx: ChangeContext = useMemo(
    () => ({
      m: fieldLabels ? { ...m, fields: { ...m.fields, ...fieldLabels } } : m,
      t,
      format,
      locale,
      userName,
      customFields: custom?.fields ?? [],
      ...(describeValue ? { describe: describeValue } : {}),
      ...(entryFacts ? { facts: entryFacts } : {}),
    }),
    [m, t, format, locale, userName, custom, describeValue, fieldLabels, entryFacts],
  );

  return (
    <section className={sticky ? 'timeline-panel' : 'timeline-panel record-panel'} aria-labelledby={headingId} data-testid="record-timeline">
      <h2 id={headingId} className="detail-title">
        {title ?? m.timeline.title}
      </h2>
      {timeline.isPending ? (
        <LoadingState text={m.timeline.loading} />
      ) : timeline.isError && entries.length === 0 ? (
        <ErrorNotice
          action={
            <button type="button" className="button" onClick={() => void timeline.refetch()}>
              {words?.retry ?? m.common.retry}
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
          {timeline.isFetchNextPageError ? <ErrorNotice>{apiErrorMessage(timeline.error, t)}</ErrorNotice> : null}
          {timeline.hasNextPage ? (
            <button
              type="button"
              className="button button-block"
              onClick={() => void timeline.fetchNextPage()}
              disabled={timeline.isFetchingNextPage}
              data-testid="timeline-more"
            >
              {timeline.isFetchingNextPage ? <Spinner size="sm" /> : null}
              {timeline.isFetchingNextPage ? m.timeline.loadingMore : m.timeline.loadMore}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
