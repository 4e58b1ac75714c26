import type * as z from 'zod';
import type { Lead } from '../domain/leads/lead';
import type { importEventSchemas, leadEventSchemas, leadRefSchema, publishedFieldsSchema, recordEventSchemas, recordRefSchema } from './detail-schemas';

/**
 * Domain events: typed contracts shared by producers (written to the outbox in the same
 * transaction as the change) and consumers (EventBridge rules). Consumers must be idempotent:
 * the bus delivers at least once; `id` is the deduplication key.
 */
export interface EventEnvelope<TType extends string, TDetail> {
  id: string;
  type: TType;
  /** EventBridge `source`, e.g. `crm.leads`. */
  source: string;
  occurredAt: string;
  detail: TDetail;
}

/** The detail types are inferred from their zod schemas (detail-schemas.ts): one source for producers and consumers. */
type DetailsOf<S extends Record<string, z.ZodType>> = { [K in keyof S]: z.output<S[K]> };

export type LeadRef = z.output<typeof leadRefSchema>;
export type LeadEvents = DetailsOf<typeof leadEventSchemas>;
export type LeadEventType = keyof LeadEvents;

/** The CRM's core records other than leads (REC-2…REC-7), announced alike. */
export type RecordRef = z.output<typeof recordRefSchema>;
export type RecordEvents = DetailsOf<typeof recordEventSchemas>;

/** Imports and exports (REC-11): each event sets a background runner going. */
export type ImportEvents = DetailsOf<typeof importEventSchemas>;

type AllEvents = LeadEvents & RecordEvents & ImportEvents;
export type DomainEventType = keyof AllEvents;

export type DomainEvent = {
  [K in DomainEventType]: EventEnvelope<K, AllEvents[K]>;
}[DomainEventType];

export const eventSources = { leads: 'crm.leads', deals: 'crm.deals', cases: 'crm.cases', records: 'crm.records', transfers: 'crm.transfers' } as const;

/** Which EventBridge `source` announces each event type. */
export const eventSourceOf = (type: DomainEventType): string =>
  type.startsWith('Lead')
    ? eventSources.leads
    : type.startsWith('Deal')
      ? eventSources.deals
      : type.startsWith('Case')
        ? eventSources.cases
        : type.startsWith('Import') || type.startsWith('Export')
          ? eventSources.transfers
          : eventSources.records;

/** The payload published as an EventBridge event's `detail`. */
export type PublishedDetail<E extends DomainEvent = DomainEvent> = E['detail'] & z.output<typeof publishedFieldsSchema>;

export function leadRef(lead: Lead): LeadRef {
  const name = [lead.lastName, lead.firstName, lead.middleName].filter(Boolean).join(' ');
  return {
    id: lead.id,
    ownerId: lead.ownerId,
    status: lead.status,
    version: lead.version,
    ...(name ? { name } : {}),
    ...(lead.company ? { company: lead.company } : {}),
    ...(lead.email ? { email: lead.email } : {}),
  };
}
