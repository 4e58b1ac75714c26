import type { TimelineEntry } from '@shared/api/contracts';
import { useI18n } from '../../i18n/use-i18n';
import { useUserName } from '../../api/use-users';
import { recordPath } from '../record-paths';
import { AppLink } from '../../ui/AppLink';
import { changeFieldLabel, describeChange, type ChangeContext } from './describe-change';

/**
 * One history entry: what happened, who and when; changes as "field: old → new" (custom fields
 * too); a note's text; an activity's subject, status and outcome; a stage move; a merge; a file.
 */
export function RecordTimelineEntry({ entry, ctx }: { entry: TimelineEntry; ctx: ChangeContext }) {
  const { format } = useI18n();
  // The context's words: a type may say its entries in its own terms.
  const { m } = ctx;
  const userName = useUserName();
  const data = entry.data ?? {};
  const text = (key: string): string | undefined => (typeof data[key] === 'string' && data[key] !== '' ? (data[key] as string) : undefined);
  const actor =
    entry.actor.type === 'user'
      ? entry.actor.name ?? userName(entry.actor.id)
      : entry.actor.type === 'form'
        ? `${m.timeline.actors.form}: ${entry.actor.name ?? entry.actor.id}`
        : entry.actor.name ?? m.timeline.actors.system;

  let headline: string | undefined;
  const facts: [string, string][] = [];
  if (entry.kind === 'attachment') {
    const fileName = text('fileName') ?? '';
    headline = text('action') === 'removed' ? m.timeline.fileRemoved(fileName) : m.timeline.fileAdded(fileName);
  } else if (entry.kind === 'merged') {
    const title = text('mergedTitle') ?? text('mergedId');
    if (title) headline = m.timeline.merged(title);
  } else if (entry.kind === 'activity') {
    const kind = text('activityKind');
    const subject = text('subject');
    headline = [kind ? m.timeline.activityKinds[kind] ?? kind : undefined, subject].filter(Boolean).join(': ');
    const status = text('status');
    if (status) facts.push([m.common.status, m.statuses[status] ?? status]);
    const dueAt = text('dueAt');
    if (dueAt) facts.push([m.timeline.activityDue, format.dateTime(dueAt)]);
    const outcome = text('outcome');
    if (outcome) facts.push([m.timeline.outcome, outcome]);
    const nextStep = text('nextStep');
    if (nextStep) facts.push([m.timeline.nextStep, nextStep]);
  } else if (entry.kind === 'stage_changed') {
    const days = data.daysInStage;
    if (typeof days === 'number') facts.push(['', m.timeline.daysInStage(days)]);
    const lostReason = text('lostReason');
    if (lostReason) facts.push([m.timeline.lostReason, ctx.describe?.('lostReason', lostReason) ?? lostReason]);
  }
  if (ctx.facts) facts.push(...ctx.facts(entry));
  const links = entry.kind === 'converted' ? convertedLinks(data) : [];

  return (
    <li className={`timeline-entry timeline-${entry.kind}`} data-testid="timeline-entry">
      <span className="timeline-dot" aria-hidden="true" />
      <div className="timeline-head">
        <strong className="timeline-kind">{m.timeline.kinds[entry.kind]}</strong>
        <time className="timeline-time" dateTime={entry.at}>
          {format.dateTime(entry.at)}
        </time>
      </div>
      <p className="timeline-actor">{actor}</p>
      {headline ? <p className="timeline-headline break">{headline}</p> : null}
      {facts.length > 0 ? (
        <p className="timeline-facts">
          {facts.map(([label, value]) => (
            <span key={`${label}:${value}`}>
              {label ? `${label}: ` : null}
              <strong>{value}</strong>
            </span>
          ))}
        </p>
      ) : null}
      {entry.changes && entry.changes.length > 0 ? (
        <ul className="timeline-changes">
          {entry.changes.map((change) => (
            <li key={change.field}>
              <span className="change-field">{changeFieldLabel(change.field, ctx)}:</span>{' '}
              <span className="change-from">{describeChange(change.field, change.from, ctx)}</span>
              <span className="change-arrow">{' → '}</span>
              <span className="change-to">{describeChange(change.field, change.to, ctx)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {links.length > 0 ? (
        <p className="timeline-facts">
          {links.map(({ type, id }) => (
            <AppLink key={`${type}:${id}`} href={recordPath(type, id)}>
              {m.timeline.made[type]}
            </AppLink>
          ))}
        </p>
      ) : null}
      {entry.note ? <blockquote className="timeline-note pre-line">{entry.note}</blockquote> : null}
    </li>
  );
}

/** A lead's conversion names the records it made: `{dealId, accountId?, contactId?}`. */
function convertedLinks(data: Record<string, unknown>): { type: 'deal' | 'account' | 'contact'; id: string }[] {
  const out: { type: 'deal' | 'account' | 'contact'; id: string }[] = [];
  for (const type of ['deal', 'account', 'contact'] as const) {
    const value = data[`${type}Id`];
    if (typeof value === 'string' && value) out.push({ type, id: value });
  }
  return out;
}
