import type { AuditActor } from './audit-types';

/**
 * Words and links for what the audit trail records: a record's page for the record types, the
 * actor's name, a call's query in one line, and the hint for a call repeated again and again
 * ("the same query 100 times → a saved list is needed", ACC-4).
 */

/** Subjects whose records have their own page in the app: `leads` → `/leads/$id`. */
export const recordPageSubjects = ['leads', 'accounts', 'contacts', 'deals'] as const;
type RecordPageSubject = (typeof recordPageSubjects)[number];

const isRecordPageSubject = (subject: string): subject is RecordPageSubject => (recordPageSubjects as readonly string[]).includes(subject);

/** The page of the record an entry is about, when its subject is a record type. */
export function recordHrefOf(subject: string, recordId: string | undefined): string | undefined {
  return recordId && isRecordPageSubject(subject) ? `/${subject}/${encodeURIComponent(recordId)}` : undefined;
}

/** Who acted: the name the entry carries, else the user directory's, else the id; API keys marked as such. */
export function actorLabel(actor: AuditActor, userName: (id: string) => string, apiKey: (name: string) => string): string {
  if (actor.type === 'api-key') return apiKey(actor.name || actor.id);
  return actor.name || userName(actor.id);
}

/** A route as declared (`GET /api/leads/{leadId}`): its method, its path and whether the path names something. */
export function parseRoute(route: string): { method: string; path: string; hasParams: boolean } {
  const [method = '', path = ''] = route.trim().split(/\s+/, 2);
  return { method: method.toUpperCase(), path, hasParams: path.includes('{') };
}

/** Query keys that page or order a list rather than choose what is in it. */
const pagingKeys = new Set(['limit', 'cursor', 'sort']);

export const queryEntries = (query: Record<string, string> | undefined): [string, string][] =>
  Object.entries(query ?? {}).sort(([a], [b]) => a.localeCompare(b));

/** `status=new · ownerId=…`, keys in order; empty without a query. */
export const queryText = (query: Record<string, string> | undefined): string =>
  queryEntries(query)
    .map(([key, value]) => `${key}=${value}`)
    .join(' · ');

const filtersIn = (query: Record<string, string>): [string, string][] => queryEntries(query).filter(([key, value]) => !pagingKeys.has(key) && value !== '');

/**
 * Why a call may repeat, and so what to suggest:
 * - `saved-list`: a search, or a list with the same filters, again and again: a saved list is needed;
 * - `routine`: a list with no filters: going back to a list is ordinary work;
 * - `record`: the same record (or its parts) opened again and again;
 * - `report`: the same export again and again: a regular report may serve better;
 * - `other`: anything else repeated identically (a script or an integration polling, say).
 */
export type UsageHint = 'saved-list' | 'routine' | 'record' | 'report' | 'other';

export function usageHintOf(route: string, query: Record<string, string>): UsageHint {
  const { method, path, hasParams } = parseRoute(route);
  if (path.startsWith('/api/exports') && method === 'POST') return 'report';
  if (method !== 'GET') return 'other';
  if (hasParams) return 'record';
  if (path === '/api/search') return 'saved-list';
  return filtersIn(query).length > 0 ? 'saved-list' : 'routine';
}

/** The app's own list with the same filters, for a repeated record list call (`GET /api/leads?status=new` → `/leads?status=new`). */
export function listHrefOf(route: string, query: Record<string, string>): string | undefined {
  const { method, path } = parseRoute(route);
  const resource = /^\/api\/([a-z-]+)$/.exec(path)?.[1];
  if (method !== 'GET' || !resource || !isRecordPageSubject(resource)) return undefined;
  const params = new URLSearchParams(queryEntries(query).filter(([key]) => key !== 'limit' && key !== 'cursor'));
  const search = params.toString();
  return search ? `/${resource}?${search}` : `/${resource}`;
}

/** The chart's bars: the most repeated calls first, each as a share of the largest count (0..1). */
export function topBars<T extends { count: number }>(items: readonly T[], limit: number): { item: T; share: number }[] {
  const top = [...items].sort((a, b) => b.count - a.count).slice(0, limit);
  const max = Math.max(1, ...top.map((item) => item.count));
  return top.map((item) => ({ item, share: item.count / max }));
}
