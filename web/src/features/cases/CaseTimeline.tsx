import { useId, useMemo } from 'react';
import type { TimelineEntry } from '@shared/api/contracts';
import { useI18n } from '../../i18n/use-i18n';
import { LoadingState } from '../../ui/LoadingState';
import { Spinner } from '../../ui/Spinner';
import { LoadFailed } from '../../ui/LoadFailed';
import { useUserName } from '../../api/use-users';
import { useRecordsMessages } from '../../records/records-messages';
import type { ChangeContext } from '../../records/timeline/describe-change';
import { RecordTimelineEntry } from '../../records/timeline/RecordTimelineEntry';
import { useCaseTimeline } from './case-api';
import { useCaseValueWords } from './CaseParts';
import { caseMessageOf, type CaseMessage } from './case-values';
import { useCasesMessages } from './cases-messages';
import '../../styles/records.css';
import './cases.css';

/**
 * A case's timeline, newest first: what was written on it (internal notes, replies to the client,
 * the client's messages, each with its text and who wrote it) among the records kit's entries for
 * everything else (created, changes old → new in the case's words, the client's rating).
 */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const { t, format, locale } = useI18n();
  const m = useRecordsMessages();
  const cm = useCasesMessages();
  const userName = useUserName();
  const headingId = useId();
  const describe = useCaseValueWords();
  const timeline = useCaseTimeline(caseId);
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  const ctx: ChangeContext = useMemo(
    () => ({ m: { ...m, fields: { ...m.fields, ...cm.fields } }, t, format, locale, userName, customFields: [], describe }),
    [m, cm, t, format, locale, userName, describe],
  );

  return (
    <section className="timeline-panel record-panel" aria-labelledby={headingId} data-testid="record-timeline">
      <h2 id={headingId} className="detail-title">
        {cm.timeline.title}
      </h2>
      {timeline.isPending ? (
        <LoadingState text={m.timeline.loading} />
      ) : timeline.isError && entries.length === 0 ? (
        <LoadFailed error={timeline.error} retry={() => void timeline.refetch()} />
      ) : entries.length === 0 ? (
        <p className="muted">{m.timeline.empty}</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {entries.map((entry) => {
            const message = caseMessageOf(entry);
            return message ? <CaseMessageEntry key={entry.id} entry={entry} message={message} /> : <RecordTimelineEntry key={entry.id} entry={entry} ctx={ctx} />;
          })}
        </ol>
      )}
      {timeline.isFetchNextPageError ? <LoadFailed error={timeline.error} retry={() => void timeline.fetchNextPage()} /> : null}
      {timeline.hasNextPage ? (
        <button type="button" className="button button-block" onClick={() => void timeline.fetchNextPage()} disabled={timeline.isFetchingNextPage} data-testid="timeline-more">
          {timeline.isFetchingNextPage ? <Spinner size="sm" /> : null}
          {timeline.isFetchingNextPage ? m.timeline.loadingMore : m.timeline.loadMore}
        </button>
      ) : null}
    </section>
  );
}

/** A note, a reply or a client's message: what kind, when, who, and the text itself. */
function CaseMessageEntry({ entry, message }: { entry: TimelineEntry; message: CaseMessage }) {
  const { format } = useI18n();
  const cm = useCasesMessages();
  const userName = useUserName();
  const label = { note: cm.timeline.note, reply: cm.timeline.staffReply, client: cm.timeline.clientMessage }[message.kind];
  return (
    <li className={`timeline-entry timeline-case-${message.kind}`} data-testid="timeline-entry" data-kind={message.kind}>
      <span className="timeline-dot" aria-hidden="true" />
      <div className="timeline-head">
        <strong className="timeline-kind">{label}</strong>
        <time className="timeline-time" dateTime={entry.at}>
          {format.dateTime(entry.at)}
        </time>
      </div>
      <p className="timeline-actor">{message.author ?? entry.actor.name ?? userName(entry.actor.id)}</p>
      <blockquote className="timeline-note pre-line">{message.text}</blockquote>
    </li>
  );
}
