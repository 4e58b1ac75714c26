import { useMemo } from 'react';
import type { TimelineEntry } from '@shared/api/contracts';
import type { Messages } from '../../../i18n/messages';
import { useI18n } from '../../../i18n/use-i18n';

/**
 * What the records kit's timeline needs to tell a lead's history as the lead card always has: the
 * lead's words for its entries and fields, and the facts only a lead's entries carry.
 */
export function useLeadTimelineWords() {
  const { t } = useI18n();
  return useMemo(
    () => ({
      title: t.timeline.title,
      words: {
        loading: t.timeline.loading,
        empty: t.timeline.empty,
        loadMore: t.timeline.loadMore,
        loadingMore: t.timeline.loadingMore,
        emptyValue: t.timeline.emptyValue,
        kinds: t.timeline.kinds,
        retry: t.app.retry,
      },
      fieldLabels: t.fields,
      entryFacts: (entry: TimelineEntry) => leadEntryFacts(entry, t),
    }),
    [t],
  );
}

/** The web form a submission came through (unless it is the actor already named), the channel a lead was created from, a rejection's reason. */
export function leadEntryFacts(entry: TimelineEntry, t: Messages): [string, string][] {
  const data = entry.data ?? {};
  const text = (key: string): string | undefined => {
    const value = data[key];
    return typeof value === 'string' ? value : undefined;
  };
  const facts: [string, string][] = [];
  const formId = text('formId');
  const byThatForm = entry.actor.type === 'form' && entry.actor.id === formId;
  if ((entry.kind === 'captured' || entry.kind === 'resubmitted') && formId && !byThatForm) facts.push([t.lead.formId, formId]);
  const channel = text('channel');
  if (entry.kind === 'created' && channel && channel in t.channels) facts.push([t.timeline.channel, t.channels[channel as keyof Messages['channels']]]);
  const reason = text('reason');
  if (entry.kind === 'rejected' && reason && reason in t.rejectionReasons) {
    facts.push([t.timeline.reason, t.rejectionReasons[reason as keyof Messages['rejectionReasons']]]);
  }
  return facts;
}
