import type { UserSummary } from '@shared/api/contracts';
import { isApiError } from '../../../api/api-error';

/**
 * The users page's pure rules (ACC-1): its URL search (a text filter and a status filter), who
 * matches them, who counts as "active recently", a user's status (active, invited and not yet
 * signed in, disabled) and last sign-in in words, and why a disable or enable was refused.
 */
export const userStatusFilters = ['active', 'invited', 'disabled'] as const;
export type UserStatusFilter = (typeof userStatusFilters)[number];

export interface UsersSearch {
  /** Part of a name, an email or a role's label. */
  q?: string;
  /** Absent: everyone. */
  status?: UserStatusFilter;
}

const maxQueryLength = 100;

/** The route's `validateSearch`: a stale or hand-edited link drops what it cannot use. */
export function validateUsersSearch(search: Record<string, unknown>): UsersSearch {
  const out: UsersSearch = {};
  const q = typeof search.q === 'string' ? search.q.slice(0, maxQueryLength) : typeof search.q === 'number' ? String(search.q) : '';
  if (q.trim()) out.q = q;
  if (userStatusFilters.includes(search.status as UserStatusFilter)) out.status = search.status as UserStatusFilter;
  return out;
}

/** Signed in within this long counts as "active recently". */
export const recentWindowMs = 60 * 60_000;

/** Signed in within the last hour (a sign-in stamped slightly in the future by clock skew counts too). */
export function isActiveRecently(user: Pick<UserSummary, 'lastSignInAt'>, now: number): boolean {
  if (!user.lastSignInAt) return false;
  const at = Date.parse(user.lastSignInAt);
  return !Number.isNaN(at) && now - at <= recentWindowMs;
}

export const isDisabled = (user: Pick<UserSummary, 'disabledAt'>): boolean => Boolean(user.disabledAt);

/** Invited from the CRM (ACC-5) and never signed in since; a disabled user reads as disabled. */
export const isInvited = (user: Pick<UserSummary, 'invitedAt' | 'lastSignInAt' | 'disabledAt'>): boolean =>
  Boolean(user.invitedAt) && !user.lastSignInAt && !isDisabled(user);

/** The users matching the search, by name, email or role label (case-insensitive), in the order given. */
export function filterUsers<U extends UserSummary>(users: readonly U[], search: UsersSearch, roleLabel: (role: string) => string): U[] {
  const needle = search.q?.trim().toLocaleLowerCase() ?? '';
  return users.filter((user) => {
    if (search.status === 'active' && (isDisabled(user) || isInvited(user))) return false;
    if (search.status === 'invited' && !isInvited(user)) return false;
    if (search.status === 'disabled' && !isDisabled(user)) return false;
    if (!needle) return true;
    const haystack = [user.name ?? '', user.email, ...user.roles.map(roleLabel)].join('\n').toLocaleLowerCase();
    return haystack.includes(needle);
  });
}

export interface StatusWords {
  active: string;
  invited: string;
  disabledSince: (when: string) => string;
}

/** "Active", "Invited" or "Disabled since <date and time>". */
export function statusText(user: Pick<UserSummary, 'disabledAt' | 'invitedAt' | 'lastSignInAt'>, words: StatusWords, dateTime: (iso: string) => string): string {
  if (user.disabledAt) return words.disabledSince(dateTime(user.disabledAt));
  return isInvited(user) ? words.invited : words.active;
}

const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How long ago, in words of the locale ("5 минут назад", "2 days ago"); under a minute is "now". */
export function timeAgo(iso: string, now: number, localeTag: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const format = new Intl.RelativeTimeFormat(localeTag, { numeric: 'auto' });
  const elapsed = Math.max(0, now - at);
  for (const [unit, size] of units) {
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  }
  return format.format(0, 'second');
}

/** Why the API refused to disable or enable: the admin's own account, a user gone meanwhile, or anything else. */
export type ToggleFailure = 'self' | 'notFound' | 'forbidden' | 'other';

export function toggleFailure(error: unknown): ToggleFailure {
  if (!isApiError(error)) return 'other';
  if (error.status === 422 && error.fields.some((field) => field.path === 'userId' && field.code === 'self')) return 'self';
  if (error.status === 404) return 'notFound';
  if (error.status === 403) return 'forbidden';
  return 'other';
}
