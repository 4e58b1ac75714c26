import type { QueryParams } from '../../../api/http-client';
import { auditActions, auditPageSize, maxPeriodDays, type AuditAction } from './audit-types';

/**
 * The audit pages' URL search params and the API queries built from them. Unknown or malformed
 * values are dropped rather than failing the page (a hand-edited or stale link). Without dates
 * the API answers the last 7 days.
 */
export interface PeriodSearch {
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive. */
  to?: string;
}

export interface AuditSearch extends PeriodSearch {
  actorId?: string;
  subject?: string;
  action?: AuditAction;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const subjectName = /^[a-z][a-z-]{0,39}$/;

const text = (value: unknown, max: number): string | undefined => {
  const s = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  return s !== undefined && s !== '' && s.length <= max ? s : undefined;
};

/** A calendar date as the API takes it (YYYY-MM-DD), and a real one (no 31 February). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = isoDate.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date `days` later (earlier if negative), both YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** What is wrong with a period before asking the API: `to` before `from`, or longer than 31 days (both ends counted). */
export type PeriodIssue = 'order' | 'tooLong';

export function periodIssue({ from, to }: PeriodSearch): PeriodIssue | undefined {
  if (!from || !to) return undefined;
  const days = daysBetween(from, to);
  if (days < 0) return 'order';
  return days > maxPeriodDays - 1 ? 'tooLong' : undefined;
}

function validatePeriod(search: Record<string, unknown>): PeriodSearch {
  const out: PeriodSearch = {};
  if (isIsoDate(search.from)) out.from = search.from;
  if (isIsoDate(search.to)) out.to = search.to;
  return out;
}

/** The journal route's `validateSearch`. */
export function validateAuditSearch(search: Record<string, unknown>): AuditSearch {
  const out: AuditSearch = {};
  const actorId = text(search.actorId, 128);
  if (actorId) out.actorId = actorId;
  const subject = text(search.subject, 40);
  if (subject && subjectName.test(subject)) out.subject = subject;
  const action = text(search.action, 20);
  if (action && (auditActions as readonly string[]).includes(action)) out.action = action as AuditAction;
  return { ...out, ...validatePeriod(search) };
}

/** The repeated queries' route `validateSearch`: the period alone. */
export const validateUsageSearch = (search: Record<string, unknown>): PeriodSearch => validatePeriod(search);

/** The search without empty values: what goes into the URL. */
export function cleanSearch<S extends object>(search: S): S {
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined && value !== '')) as S;
}

export const hasAuditFilters = (search: AuditSearch): boolean => Object.keys(cleanSearch(search)).length > 0;

const periodQuery = ({ from, to }: PeriodSearch): QueryParams => ({ ...(from ? { from } : {}), ...(to ? { to } : {}) });

/** `GET /api/audit`'s query for one page: the filters, the page size and the cursor of a later page. */
export function auditQueryOf(search: AuditSearch, cursor?: string): QueryParams {
  return {
    ...(search.actorId ? { actorId: search.actorId } : {}),
    ...(search.subject ? { subject: search.subject } : {}),
    ...(search.action ? { action: search.action } : {}),
    ...periodQuery(search),
    limit: auditPageSize,
    ...(cursor ? { cursor } : {}),
  };
}

/** `GET /api/audit/usage`'s query. */
export const usageQueryOf = (search: PeriodSearch): QueryParams => periodQuery(search);

/** A day as YYYY-MM-DD on the user's calendar: today's, for the date inputs' upper bound. */
export const localIsoDate = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The period carried as a query string to the other tab (`?from=…&to=…`), empty without one. */
export function periodHref(path: string, { from, to }: PeriodSearch): string {
  const params = new URLSearchParams(cleanSearch({ from, to }) as Record<string, string>).toString();
  return params ? `${path}?${params}` : path;
}
