import * as z from 'zod';

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

export interface TimelineActor {
  type: 'user' | 'form' | 'system';
  id: string;
  name?: string;
}

export interface TimelineChange {
  field: string;
  from?: unknown;
  to?: unknown;
}

export interface TimelineEntry {
  id: string;
  at: string;
  actor: TimelineActor;
  /** `note`: internal, staff only; `comment`: a reply on a case that its client sees too (`data`: text, authorId, authorName, from). */
  kind: 'created' | 'captured' | 'resubmitted' | 'updated' | 'rejected' | 'stage_changed' | 'converted' | 'note' | 'comment' | 'activity' | 'merged' | 'attachment';
  changes?: TimelineChange[];
  /** Free text that goes with the entry: the form message of a resubmission, a rejection comment. */
  note?: string;
  data?: Record<string, unknown>;
}

export interface UserSummary {
  id: string;
  email: string;
  name?: string;
  roles: string[];
  lastSignInAt?: string;
  /** Set when an admin disabled the user: their tokens are refused from the next request on. */
  disabledAt?: string;
  /** Set when the user was invited from the CRM (ACC-5); with no `lastSignInAt` the invitation is pending. */
  invitedAt?: string;
  invitedBy?: TimelineActor;
  /** A portal user's company (ACC-3), set at the invitation: the one account their token may name. */
  accountId?: string;
}

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
export interface AccessRequest {
  id: string;
  requester: TimelineActor & { email?: string };
  roles: string[];
  reason: string;
  status: 'open' | 'granted' | 'declined';
  createdAt: string;
  decidedAt?: string;
  decidedBy?: TimelineActor;
  /** The admin's answer, mailed to the requester with the decision. */
  note?: string;
}

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
export interface ApiKeySummary {
  id: string;
  name: string;
  role: string;
  /** The key's first characters (`crm_<id>_…`), to recognise it in a script. */
  prefix: string;
  createdAt: string;
  createdBy: TimelineActor;
  revokedAt?: string;
  revokedBy?: TimelineActor;
}

/** `POST /api/api-keys` (admins): name and role. */
export interface CreateApiKeyRequest {
  name: string;
  role: string;
}

/** The answer to `POST /api/api-keys`: the only time the secret is shown. Send it as the `X-Api-Key` header. */
export interface CreatedApiKey {
  key: ApiKeySummary;
  secret: string;
}
