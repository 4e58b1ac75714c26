import * as z from 'zod';
import { leadChannels, leadStatuses } from '../domain/leads/lead-process';
import { recordTypes } from '../domain/records/record-type';

/**
 * The one source of every domain event's detail: producers are typed by what these infer
 * (shared/events/contracts.ts), consumers parse what the bus delivers with them
 * (functions/handlers/event-handler.ts). Objects are not strict: a field added to an event later
 * must not send the consumers of older code to the dead-letter queue.
 */
const id = z.string().min(1);
const recordType = z.enum(recordTypes);
/** The record's version after the change: consumers that care about order ignore older ones (ADR 0018). */
const version = z.number().int().positive();

export const leadRefSchema = z.object({
  id,
  ownerId: id,
  status: z.enum(leadStatuses),
  version,
  name: z.string().optional(),
  company: z.string().optional(),
  email: z.string().optional(),
});

/** A captured lead's contact details and source, for its owner's email; the message cut to its first 500 characters. */
export const capturedLeadSchema = z.object({
  phone: z.string().optional(),
  topic: z.string().optional(),
  message: z.string().optional(),
  utmSource: z.string().optional(),
  pageUrl: z.string().optional(),
});

export const recordRefSchema = z.object({
  type: recordType,
  id,
  ownerId: id,
  title: z.string(),
  version,
  /** The pending reminder of this version (an open activity's reminderAt), if any: its schedule follows it (ADR 0012). */
  reminder: z.iso.datetime({ offset: true }).optional(),
});

/** A record named without its state (attachments, notes): no version, nothing to order by. */
const recordLinkSchema = z.object({ type: recordType, id });

export const leadEventSchemas = {
  LeadCreated: z.object({ lead: leadRefSchema, channel: z.enum(leadChannels), actorId: id }),
  /**
   * A lead arrived through a public web form (also announced as LeadCreated). `captured` is what its
   * owner's email shows beyond the ref, so the notifier reads no record (issue 14 §5); events
   * published before it carried none.
   */
  LeadCaptured: z.object({ lead: leadRefSchema, formId: id, campaign: z.string().optional(), captured: capturedLeadSchema.optional() }),
  /** The same person sent a form again within a day; the existing lead was updated. */
  LeadResubmitted: z.object({ lead: leadRefSchema, formId: id, submissionCount: z.number().int().positive() }),
  LeadUpdated: z.object({ lead: leadRefSchema, changedFields: z.array(z.string()), actorId: id }),
  LeadRejected: z.object({ lead: leadRefSchema, stage: z.string(), reason: z.string(), actorId: id }),
  /** The lead became a deal, with the account and contact it was linked to or produced (REC-1). */
  LeadConverted: z.object({ lead: leadRefSchema, dealId: id, accountId: id.optional(), contactId: id.optional(), actorId: id }),
};

/** The CRM's core records other than leads (REC-2…REC-7), announced alike. */
export const recordEventSchemas = {
  RecordCreated: z.object({ record: recordRefSchema, actorId: id }),
  RecordUpdated: z.object({ record: recordRefSchema, changedFields: z.array(z.string()), actorId: id }),
  /** A duplicate was merged into this record (REC-12); its children and timeline follow. */
  RecordsMerged: z.object({ record: recordRefSchema, mergedId: id, mergedTitle: z.string(), actorId: id }),
  /** A file was attached to a record, or removed from it. */
  AttachmentAdded: z.object({ record: recordLinkSchema, attachmentId: id, fileName: z.string(), bytes: z.number().int().nonnegative(), actorId: id }),
  AttachmentRemoved: z.object({ record: recordLinkSchema, attachmentId: id, fileName: z.string(), actorId: id }),
  /** A note was added to a record's timeline. */
  NoteAdded: z.object({ record: recordLinkSchema, actorId: id }),
  /** A deal moved between stages (SAL-2): rules react (follow-ups, notifications, report aggregates). */
  DealStageChanged: z.object({
    deal: recordRefSchema,
    pipelineId: id,
    from: z.string(),
    to: z.string(),
    outcome: z.enum(['open', 'won', 'lost']),
    daysInStage: z.number().nonnegative(),
    actorId: id,
  }),
  /** A reply the client sees was written on a case (SRV-1): by staff, or by the client in the portal. `entryId`: its timeline entry. */
  CaseCommentAdded: z.object({ record: recordRefSchema, entryId: id, from: z.enum(['staff', 'client']), actorId: id }),
};

/** Imports and exports (REC-11): each event sets a background runner going. */
export const importEventSchemas = {
  /** `read`: the uploaded file is to be read; `check`/`import`: one step of the dry run or the import. */
  ImportRequested: z.object({ importId: id, phase: z.enum(['read', 'check', 'import']), step: z.number().int().nonnegative() }),
  /** A list is to be written to a spreadsheet (REC-11). */
  ExportRequested: z.object({ exportId: id }),
  ImportFinished: z.object({ importId: id, phase: z.enum(['check', 'import']), status: z.string(), counts: z.record(z.string(), z.number()), actorId: id }),
};

export const eventDetailSchemas = { ...leadEventSchemas, ...recordEventSchemas, ...importEventSchemas };

/**
 * What the outbox publisher adds to a detail on the bus: the domain event's id (the
 * deduplication key), when it happened, and the id that ties a chain of events to the request
 * that started it, when the producer knew one.
 */
export const publishedFieldsSchema = z.object({ eventId: id, occurredAt: z.iso.datetime(), correlationId: id.optional() });
