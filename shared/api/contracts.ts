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
  'forbidden',
  'not_found',
  'version_conflict',
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
  kind: 'created' | 'captured' | 'resubmitted' | 'updated' | 'rejected' | 'stage_changed' | 'converted' | 'note' | 'activity' | 'merged' | 'attachment';
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
}
