import type { AuditAction, AuditEntry, UsageRow } from '@shared/domain/audit/audit-entry';

/**
 * The audit trail's API as the web reads it (ACC-4): `GET /api/audit` (who did what to which
 * record, newest first, a cursor page at a time) and `GET /api/audit/usage` (identical calls
 * repeated within a period). Both answer only to admins (`audit` · `read`); others get 403.
 * The entries' shapes are the domain's; only types come from there, so that the routes' search
 * validation (in the initial bundle) does not bring the domain's schemas along.
 */
export type { AuditAction, AuditEntry };
export type AuditActor = AuditEntry['actor'];
export type UsageItem = UsageRow;

/** The domain's actions, in the filter's order (a unit test keeps the two lists the same). */
export const auditActions = ['read', 'list', 'search', 'export', 'import', 'create', 'update', 'delete', 'merge', 'transfer', 'manage'] as const satisfies readonly AuditAction[];

export interface AuditPage {
  items: AuditEntry[];
  nextCursor?: string;
}

export interface UsagePage {
  items: UsageItem[];
}

/** Entries per request (the API takes 1..100). */
export const auditPageSize = 50;
/** The longest period the API accepts, both ends included: `to` at most 30 days after `from`. */
export const maxPeriodDays = 31;
