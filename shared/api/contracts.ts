import * as z from 'zod';
import type { MatchReason } from '../domain/duplicates/match-keys';
import type { RecordBase } from '../domain/records/record-type';

/**
 * Shapes every API answer shares. Errors: `{ error: { code, message, fields? } }` where each
 * field issue names the offending field by its dotted path (e.g. `budget.amount`).
 */
export const fieldIssueSchema = z.object({ path: z.string(), message: z.string(), code: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorCodes = [
  'validation_failed',
  'unauthorized',
  /** The token predates a change of the caller's roles: get a fresh token and try again. */
  'session_stale',
  'forbidden',
  'not_found',
  'version_conflict',
  /** The thing already exists or is already in that state (a user's email, a decided request). */
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'origin_not_allowed',
  'rate_limited',
  'unprocessable',
  /** The record was merged into another (REC-12): `mergedInto` names it, `Location` points at it. */
  'moved',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    fields: z.array(fieldIssueSchema).optional(),
    /** On version_conflict: the version now stored, so a client can reload and retry. */
    currentVersion: z.number().optional(),
    /** On moved: the record this one was merged into. */
    mergedInto: z.object({ type: z.string(), id: z.string() }).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `cursor` for the next page. Absent on the last page. */
  nextCursor?: string;
}

/**
 * The answers below are zod schemas with their types inferred (one source): the web compiles
 * against the types, the OpenAPI document is generated from the schemas (ADR 0017).
 */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional().meta({ description: 'Opaque; pass back as `cursor` for the next page. Absent on the last page.' }) });

/** Lists that are never paged. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const timelineActorSchema = z.object({ type: z.enum(['user', 'form', 'system']), id: z.string(), name: z.string().optional() });
export type TimelineActor = z.infer<typeof timelineActorSchema>;

export const timelineChangeSchema = z.object({ field: z.string(), from: z.unknown().optional(), to: z.unknown().optional() });
export type TimelineChange = z.infer<typeof timelineChangeSchema>;

export const timelineEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: timelineActorSchema,
  /** `note`: internal, staff only; `comment`: a reply on a case that its client sees too (`data`: text, authorId, authorName, from). */
  kind: z.enum(['created', 'captured', 'resubmitted', 'updated', 'rejected', 'stage_changed', 'converted', 'note', 'comment', 'activity', 'merged', 'attachment']),
  changes: z.array(timelineChangeSchema).optional(),
  /** Free text that goes with the entry: the form message of a resubmission, a rejection comment. */
  note: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
}).meta({ title: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const userSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().optional(),
  roles: z.array(z.string()),
  lastSignInAt: z.string().optional(),
  /** Set when an admin disabled the user: their tokens are refused from the next request on. */
  disabledAt: z.string().optional(),
  /** Set when the user was invited from the CRM (ACC-5); with no `lastSignInAt` the invitation is pending. */
  invitedAt: z.string().optional(),
  invitedBy: timelineActorSchema.optional(),
  /** A portal user's company (ACC-3), set at the invitation: the one account their token may name. */
  accountId: z.string().optional(),
}).meta({ title: 'UserSummary' });
export type UserSummary = z.infer<typeof userSummarySchema>;

/** `POST /api/users/invitations` (admins): creates the Cognito user and emails them a link and a temporary password. */
export interface InviteUserRequest {
  email: string;
  name?: string;
  /** At least one staff or portal role; `portal-user` needs `accountId`. */
  roles: string[];
  /** The team the new user joins as a member (optional). */
  teamId?: string;
  /** A portal user's company (ACC-3). */
  accountId?: string;
}

/** `PUT /api/users/{userId}/roles` (admins): replaces the user's Cognito groups; effective from their next request. */
export interface SetRolesRequest {
  roles: string[];
}

/** An access request (ACC-5): a signed-in user asks for more roles; an admin grants or declines it. */
export const accessRequestSchema = z.object({
  id: z.string(),
  requester: timelineActorSchema.extend({ email: z.string().optional() }),
  roles: z.array(z.string()),
  reason: z.string(),
  status: z.enum(['open', 'granted', 'declined']),
  createdAt: z.string(),
  decidedAt: z.string().optional(),
  decidedBy: timelineActorSchema.optional(),
  /** The admin's answer, mailed to the requester with the decision. */
  note: z.string().optional(),
}).meta({ title: 'AccessRequest' });
export type AccessRequest = z.infer<typeof accessRequestSchema>;

/** `POST /api/access-requests` (any staff user, for themselves). */
export interface FileAccessRequest {
  roles: string[];
  reason: string;
}

/** `POST /api/access-requests/{requestId}/grant|decline` (admins). */
export interface DecideAccessRequest {
  note?: string;
}

/** An integration API key (server-to-server: telephony, accounting, scripts). The secret is never stored or shown again. */
export const apiKeySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  /** The key's first characters (`crm_<id>_…`), to recognise it in a script. */
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: timelineActorSchema,
  revokedAt: z.string().optional(),
  revokedBy: timelineActorSchema.optional(),
}).meta({ title: 'ApiKeySummary' });
export type ApiKeySummary = z.infer<typeof apiKeySummarySchema>;

/** `POST /api/api-keys` (admins): name and role. */
export interface CreateApiKeyRequest {
  name: string;
  role: string;
}

/** The answer to `POST /api/api-keys`: the only time the secret is shown. Send it as the `X-Api-Key` header. */
export const createdApiKeySchema = z.object({ key: apiKeySummarySchema, secret: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

/** What every core record carries (RecordBase), as answered. */
export const recordBaseSchema = z.object({
  id: z.string(),
  ownerId: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  /** Optimistic locking: an update names the version it was based on. */
  version: z.number().int(),
  /** Values of the admin-defined custom fields (REC-9), by key. */
  custom: z.record(z.string(), z.unknown()).optional(),
}) satisfies z.ZodType<RecordBase>;

/** A record of any type: the base, and its type's own fields besides. */
export const anyRecordSchema: z.ZodType<RecordBase> = recordBaseSchema.loose();

const matchStrengthSchema = z.enum(['strong', 'weak']);
// Spelt out rather than imported: match-keys.ts brings the phone numbering plans with it. Answers typed
// against these schemas fail the typecheck if a reason is missing here.
const matchReasonSchema = z.enum(['email', 'phone', 'taxId', 'name'] as const satisfies readonly MatchReason[]);
/** Why two records look like the same party (REC-12): the keys they share, each with its strength. */
export const matchBasisSchema = z.object({
  reasons: z.array(matchReasonSchema),
  strength: matchStrengthSchema,
  evidence: z.array(z.object({ reason: matchReasonSchema, strength: matchStrengthSchema })),
});

/** A record's likely duplicates (`GET /api/{resource}/{id}/duplicates`). */
export const duplicateCandidateOf = <T extends z.ZodType>(record: T) => matchBasisSchema.extend({ record });

/** A pair of a type's duplicates view (`GET /api/{resource}/duplicates`). */
export const duplicatePairSchema = z.object({
  records: z.tuple([anyRecordSchema, anyRecordSchema]),
  reasons: z.array(matchReasonSchema),
  strength: matchStrengthSchema.optional(),
  evidence: matchBasisSchema.shape.evidence.optional(),
  detectedAt: z.string(),
}).meta({ title: 'DuplicatePair' });

/** Where the browser sends a file itself (a signed PUT): attachments and import uploads (ADR 0010). */
export const uploadTargetSchema = z
  .object({
    url: z.string(),
    method: z.literal('PUT'),
    /** Headers the upload must send exactly: the signature covers them. */
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  })
  .meta({ title: 'UploadTarget' });
