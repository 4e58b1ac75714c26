import type { TimelineEntry } from '@shared/api/contracts';
import { useI18n } from '../../../i18n/use-i18n';
import { customValueText } from '../../../records/custom/custom-value';
import { useCustomFields } from '../../../records/custom/use-custom-fields';
import { useRecordsMessages } from '../../../records/records-messages';
import { useUserName } from '../../../api/use-users';
import { describeChangeValue, fieldLabel } from './change-value';

/**
 * One history entry: what happened, who did it and when, and each change as "field: old → new";
 * a custom field's (`custom.<key>`) by its label and in words.
 */
export function TimelineEntryItem({ entry }: { entry: TimelineEntry }) {
  const { t, format, locale } = useI18n();
  const m = useRecordsMessages();
  const userName = useUserName();
  const { data: custom } = useCustomFields('lead');
  const customField = (field: string) => (field.startsWith('custom.') ? custom?.fields.find((f) => `custom.${f.key}` === field) : undefined);
  const label = (field: string) => customField(field)?.label ?? fieldLabel(field, t);
  const describe = (field: string, value: unknown) => {
    const definition = customField(field);
    return definition ? (customValueText(definition, value, { m, format, locale }) ?? t.timeline.emptyValue) : describeChangeValue(field, value, t, format, userName);
  };
  const data = entry.data ?? {};
  const text = (key: string): string | undefined => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  const actor =
    entry.actor.type === 'user'
      ? entry.actor.name ?? userName(entry.actor.id)
      : entry.actor.type === 'form'
        ? `${t.timeline.actors.form}: ${entry.actor.name ?? entry.actor.id}`
        : entry.actor.name ?? t.timeline.actors.system;

  const facts: [string, string][] = [];
  const formId = text('formId');
  const byThatForm = entry.actor.type === 'form' && entry.actor.id === formId;
  if ((entry.kind === 'captured' || entry.kind === 'resubmitted') && formId && !byThatForm) facts.push([t.lead.formId, formId]);
  const channel = text('channel');
  if (entry.kind === 'created' && channel && channel in t.channels) facts.push([t.timeline.channel, t.channels[channel as keyof typeof t.channels]]);
  const reason = text('reason');
  if (entry.kind === 'rejected' && reason && reason in t.rejectionReasons) {
    facts.push([t.timeline.reason, t.rejectionReasons[reason as keyof typeof t.rejectionReasons]]);
  }

  return (
    <li className={`timeline-entry timeline-${entry.kind}`} data-testid="timeline-entry">
      <span className="timeline-dot" aria-hidden="true" />
      <div className="timeline-head">
        <strong className="timeline-kind">{t.timeline.kinds[entry.kind]}</strong>
        <time className="timeline-time" dateTime={entry.at}>
          {format.dateTime(entry.at)}
        </time>
      </div>
      <p className="timeline-actor">{actor}</p>
      {facts.length > 0 ? (
        <p className="timeline-facts">
          {facts.map(([label, value]) => (
            <span key={label}>
              {label}: <strong>{value}</strong>
            </span>
          ))}
        </p>
      ) : null}
      {entry.changes && entry.changes.length > 0 ? (
        <ul className="timeline-changes">
          {entry.changes.map((change) => (
            <li key={change.field}>
              <span className="change-field">{label(change.field)}:</span> <span className="change-from">{describe(change.field, change.from)}</span>
              <span className="change-arrow">{' → '}</span>
              <span className="change-to">{describe(change.field, change.to)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {entry.note ? <blockquote className="timeline-note pre-line">{entry.note}</blockquote> : null}
    </li>
  );
}
