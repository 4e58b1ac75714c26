import type { LeadSource } from '@shared/domain/leads/lead';
import { useI18n } from '../../../i18n/use-i18n';

/** Where the lead came from, read-only (the API sets the source once, at creation). */
export function SourceSummary({ source }: { source: LeadSource }) {
  const { t } = useI18n();
  const rows: [string, string | undefined][] = [
    [t.lead.channel, t.channels[source.channel]],
    [t.lead.campaign, source.campaign],
    [t.lead.utm.source, source.utm?.source],
    [t.lead.utm.campaign, source.utm?.campaign],
  ];
  return (
    <dl className="detail-list detail-list-inline">
      {rows
        .filter((row): row is [string, string] => Boolean(row[1]))
        .map(([label, value]) => (
          <div className="detail-row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
