import { useQuery } from '@tanstack/react-query';
import type { Lead } from '@shared/domain/leads/lead';
import { useI18n } from '../../../i18n/use-i18n';
import { AppLink } from '../../../ui/AppLink';
import { recordKeys, useRecordsHttp } from '../../../records/records-http';
import { useConvertMessages } from './convert-messages';

/** On a converted lead's card: when it was converted, and links to the deal, account and contact it produced. */
export function ConversionSummary({ lead }: { lead: Lead }) {
  const m = useConvertMessages();
  const { format } = useI18n();
  const conversion = lead.conversion;
  if (!conversion) return null;
  return (
    <section className="notice notice-info convert-summary" data-testid="lead-conversion" aria-label={m.summary.title}>
      <p className="convert-summary-title">
        <strong>{m.summary.title}</strong> <span className="muted">· {m.summary.at(format.dateTime(conversion.at))}</span>
      </p>
      <ul className="convert-summary-links">
        <ProducedLink resource="deals" id={conversion.dealId} label={m.summary.deal} fallback={m.summary.openDeal} testId="lead-conversion-deal" />
        {conversion.accountId ? (
          <ProducedLink resource="accounts" id={conversion.accountId} label={m.summary.account} fallback={m.summary.openAccount} testId="lead-conversion-account" />
        ) : null}
        {conversion.contactId ? (
          <ProducedLink resource="contacts" id={conversion.contactId} label={m.summary.contact} fallback={m.summary.openContact} testId="lead-conversion-contact" />
        ) : null}
      </ul>
    </section>
  );
}

type Produced = 'deals' | 'accounts' | 'contacts';

/** A produced record's name, read with the record pages' own query key; a plain label until then. */
function ProducedLink({ resource, id, label, fallback, testId }: { resource: Produced; id: string; label: string; fallback: string; testId: string }) {
  const http = useRecordsHttp();
  const { data } = useQuery({
    queryKey: recordKeys.detail(resource, id),
    queryFn: () => http.get<Record<string, unknown>>(`/api/${resource}/${encodeURIComponent(id)}`),
    retry: false,
    staleTime: 60_000,
  });
  const name = data ? recordName(resource, data) : undefined;
  return (
    <li>
      <span className="muted">{label}:</span>{' '}
      <AppLink href={`/${resource}/${encodeURIComponent(id)}`} testId={testId}>
        {name || fallback}
      </AppLink>
    </li>
  );
}

function recordName(resource: Produced, record: Record<string, unknown>): string | undefined {
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
  if (resource === 'deals') return text('title');
  if (resource === 'accounts') return text('name');
  return [text('lastName'), text('firstName'), text('middleName')].filter(Boolean).join(' ') || undefined;
}
