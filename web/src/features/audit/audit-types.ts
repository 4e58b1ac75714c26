/**
 * The audit trail's API contract (ACC-4), as the web reads it: `GET /api/audit` (who did what to
 * which record, newest first, a cursor page at a time) and `GET /api/audit/usage` (identical calls
 * repeated within a period). Both answer only to admins (`audit` · `read`); others get 403.
 */
export const auditActions = ['read', 'list', 'search', 'export', 'create', 'update', 'delete', 'merge', 'import', 'transfer', 'manage'] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditActor {
  type: 'user' | 'api-key';
  id: string;
  name?: string;
}

export interface AuditEntry {
  id: string;
  /** ISO date-time. */
  at: string;
  actor: AuditActor;
  action: AuditAction;
  /** The permission subject: `leads`, `accounts`, `search`, `exports`… */
  subject: string;
  recordId?: string;
  /** The API route as declared: `GET /api/leads/{leadId}`. */
  route: string;
  status: number;
  sourceIp?: string;
  query?: Record<string, string>;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor?: string;
}

/** One call (same user, route and query) repeated within the period. */
export interface UsageItem {
  actorId: string;
  route: string;
  query: Record<string, string>;
  count: number;
  /** ISO date-time of the latest repeat. */
  lastAt: string;
}

export interface UsagePage {
  items: UsageItem[];
}

/** Entries per request (the API takes 1..100). */
export const auditPageSize = 50;
/** The longest period the API accepts: `to` at most this many days after `from`. */
export const maxPeriodDays = 31;
