import type { Lead } from '../domain/leads/lead';

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

type LeadRef = Pick<Lead, 'id' | 'ownerId' | 'status'> & { name?: string; company?: string; email?: string };

export interface LeadEvents {
  LeadCreated: { lead: LeadRef; channel: Lead['source']['channel']; actorId: string };
  /** A lead arrived through a public web form (also announced as LeadCreated). */
  LeadCaptured: { lead: LeadRef; formId: string; campaign?: string };
  /** The same person sent a form again within a day; the existing lead was updated. */
  LeadResubmitted: { lead: LeadRef; formId: string; submissionCount: number };
  LeadUpdated: { lead: LeadRef; changedFields: string[]; actorId: string };
  LeadRejected: { lead: LeadRef; stage: string; reason: string; actorId: string };
}

export type LeadEventType = keyof LeadEvents;

export type DomainEvent = {
  [K in LeadEventType]: EventEnvelope<K, LeadEvents[K]>;
}[LeadEventType];

export const eventSources = { leads: 'crm.leads' } as const;

/** The payload published as an EventBridge event's `detail`. */
export type PublishedDetail<E extends DomainEvent = DomainEvent> = E['detail'] & { eventId: string; occurredAt: string };

export function leadRef(lead: Lead): LeadRef {
  const name = [lead.lastName, lead.firstName, lead.middleName].filter(Boolean).join(' ');
  return {
    id: lead.id,
    ownerId: lead.ownerId,
    status: lead.status,
    ...(name ? { name } : {}),
    ...(lead.company ? { company: lead.company } : {}),
    ...(lead.email ? { email: lead.email } : {}),
  };
}
