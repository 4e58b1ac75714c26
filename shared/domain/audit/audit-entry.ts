import * as z from 'zod';
import type { Permission } from '../../auth/permissions';

/**
 * The audit trail (ACC-4): every signed-in call — each read of a record, each list, search,
 * export and change, allowed or refused — as who, what, when and from where. Entries are written
 * by the API itself (functions/http/audit.ts), never by the caller, and kept the client's
 * `auditRetentionDays` (auditRetention).
 */
export const auditActions = ['read', 'list', 'search', 'export', 'import', 'create', 'update', 'delete', 'merge', 'transfer', 'manage'] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * How long entries and usage counters are kept: a client setting (`auditRetentionDays` in
 * infra/clients/<name>.json, passed to the functions in their environment), within these bounds:
 * at least a month, so the usage view's periods are there, at most ten years.
 */
export const auditRetention = { defaultDays: 400, minDays: 30, maxDays: 3650 } as const;
/** Identical calls repeated this often in a period are shown in the usage view. */
export const usageThreshold = 5;

export interface AuditEntry {
  id: string;
  at: string;
  actor: { type: 'user' | 'api-key'; id: string; name?: string };
  action: AuditAction;
  subject: string;
  recordId?: string;
  route: string;
  /** Whether the permission matrix let the call through (refused calls are on the trail too). */
  outcome: 'allowed' | 'denied';
  sourceIp?: string;
  query?: Record<string, string>;
}

export interface UsageRow {
  actorId: string;
  route: string;
  query: Record<string, string>;
  count: number;
  lastAt: string;
}

/**
 * What a call did, in the trail's words: a GET of a whole collection is a list (those are what the
 * usage view counts), any other GET a read of a record or of something of it; a search a search.
 */
export function auditActionOf(method: string, path: string, permission: Permission | undefined): AuditAction {
  // The session: the user's sign-in, a read of their own profile.
  if (!permission) return 'read';
  const subject = 'subject' in permission ? permission.subject : undefined;
  if (subject === 'search') return 'search';
  if (subject === 'exports' && permission.action === 'create') return 'export';
  if (subject === 'imports' && permission.action === 'create') return 'import';
  if (method === 'GET') return path.includes('{') ? 'read' : 'list';
  return permission.action;
}

/** The record a call was about: the route's first id parameter. */
export function auditRecordId(path: string, pathParameters: Record<string, string | undefined> | undefined): string | undefined {
  const name = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).find((p) => p === 'id' || p.endsWith('Id'));
  return name ? pathParameters?.[name] : undefined;
}

/** A query as the usage view compares them: keys sorted, paging left out (the same list, page after page, is one query). */
export function normalisedQuery(query: Record<string, string | undefined> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query ?? {})
      .filter(([key, value]) => value !== undefined && key !== 'cursor')
      .sort(([a], [b]) => a.localeCompare(b)) as [string, string][],
  );
}

const day = z.iso.date();

/** The trail's filters; without dates, the last week. At most 31 days at once, so a page costs a bounded number of reads. */
export const auditQuerySchema = z
  .strictObject({
    actorId: z.string().min(1).max(128).optional(),
    subject: z.string().min(1).max(40).optional(),
    action: z.enum(auditActions).optional(),
    from: day.optional(),
    to: day.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2000).optional(),
  })
  .superRefine((q, ctx) => periodIssues(q, ctx));
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const usageQuerySchema = z.strictObject({ from: day.optional(), to: day.optional() }).superRefine((q, ctx) => periodIssues(q, ctx));
export type UsageQuery = z.infer<typeof usageQuerySchema>;

const dayMs = 86_400_000;
function periodIssues(q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (q.from && q.to && (Date.parse(q.to) - Date.parse(q.from)) / dayMs > 30) ctx.addIssue({ code: 'custom', path: ['to'], message: 'at most 31 days after from' });
  if (q.from && q.to && q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'not before from' });
}

/** The days of a period, newest first: `to` (today by default) back to `from` (a week before `to` by default). */
export function periodDays(query: { from?: string | undefined; to?: string | undefined }, now: Date): string[] {
  const to = query.to ?? now.toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(to) - 6 * dayMs).toISOString().slice(0, 10);
  const days: string[] = [];
  for (let t = Date.parse(to); t >= Date.parse(from) && days.length < 31; t -= dayMs) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** The log message of a failed audit write (calls are refused while the trail cannot be written); the stack's alarm counts it. */
export const auditWriteFailed = 'Audit write failed';
