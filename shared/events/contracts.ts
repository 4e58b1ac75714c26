import type { Lead } from '../domain/leads/lead';
import type { RecordType } from '../domain/records/record-type';

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
  /** The lead became a deal, with the account and contact it was linked to or produced (REC-1). */
  LeadConverted: { lead: LeadRef; dealId: string; accountId?: string; contactId?: string; actorId: string };
}

export type LeadEventType = keyof LeadEvents;

/** The CRM's core records other than leads (REC-2…REC-7), announced alike. */
export interface RecordRef {
  type: RecordType;
  id: string;
  ownerId: string;
  title: string;
}

export interface RecordEvents {
  RecordCreated: { record: RecordRef; actorId: string };
  RecordUpdated: { record: RecordRef; changedFields: string[]; actorId: string };
  /** A duplicate was merged into this record (REC-12); its children and timeline follow. */
  RecordsMerged: { record: RecordRef; mergedId: string; mergedTitle: string; actorId: string };
  /** A file was attached to a record, or removed from it. */
  AttachmentAdded: { record: { type: RecordType; id: string }; attachmentId: string; fileName: string; bytes: number; actorId: string };
  AttachmentRemoved: { record: { type: RecordType; id: string }; attachmentId: string; fileName: string; actorId: string };
  /** A note was added to a record's timeline. */
  NoteAdded: { record: { type: RecordType; id: string }; actorId: string };
  /** A deal moved between stages (SAL-2): rules react (follow-ups, notifications, report aggregates). */
  DealStageChanged: { deal: RecordRef; pipelineId: string; from: string; to: string; outcome: 'open' | 'won' | 'lost'; daysInStage: number; actorId: string };
  /** A reply the client sees was written on a case (SRV-1): by staff, or by the client in the portal. `entryId`: its timeline entry. */
  CaseCommentAdded: { record: RecordRef; entryId: string; from: 'staff' | 'client'; actorId: string };
}

/** Imports and exports (REC-11): each event sets a background runner going. */
export interface ImportEvents {
  /** `read`: the uploaded file is to be read; `check`/`import`: one step of the dry run or the import. */
  ImportRequested: { importId: string; phase: 'read' | 'check' | 'import'; step: number };
  /** A list is to be written to a spreadsheet (REC-11). */
  ExportRequested: { exportId: string };
  ImportFinished: { importId: string; phase: 'check' | 'import'; status: string; counts: Record<string, number>; actorId: string };
}

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
