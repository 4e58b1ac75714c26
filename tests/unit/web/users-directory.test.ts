import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../web/src/api/api-error';
import {
  filterUsers,
  isActiveRecently,
  statusText,
  timeAgo,
  toggleFailure,
  validateUsersSearch,
} from '../../../web/src/features/settings/users/user-directory';

/** The users page's rules (ACC-1): its URL search, who matches, who is active recently, status words, refusals. */
const now = Date.parse('2026-03-10T12:00:00Z');
const minutesAgo = (n: number) => new Date(now - n * 60_000).toISOString();
const roleLabels: Record<string, string> = { admin: 'Администратор', 'sales-rep': 'Менеджер по продажам' };
const roleLabel = (role: string) => roleLabels[role] ?? role;

const users = [
  { id: 'a', email: 'anna@example.com', name: 'Анна Админ', roles: ['admin'], lastSignInAt: minutesAgo(5) },
  { id: 'b', email: 'boris@example.com', name: 'Борис', roles: ['sales-rep'], lastSignInAt: minutesAgo(600), disabledAt: minutesAgo(30) },
  { id: 'c', email: 'c@example.com', roles: ['sales-rep'] },
  { id: 'd', email: 'dina@example.com', roles: ['marketer'], invitedAt: minutesAgo(90) },
];

describe('users search', () => {
  it('keeps a text and a known status, drops the rest', () => {
    expect(validateUsersSearch({ q: 'анна', status: 'disabled' })).toEqual({ q: 'анна', status: 'disabled' });
    expect(validateUsersSearch({ status: 'invited' })).toEqual({ status: 'invited' });
    expect(validateUsersSearch({ q: '   ', status: 'gone', extra: 1 })).toEqual({});
    expect(validateUsersSearch({ q: 42 })).toEqual({ q: '42' });
    expect(validateUsersSearch({ q: 'x'.repeat(300) }).q).toHaveLength(100);
  });

  it('filters by name, email or role label, case-insensitively, and by status', () => {
    const ids = (search: Parameters<typeof filterUsers>[1]) => filterUsers(users, search, roleLabel).map((u) => u.id);
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ q: 'АННА' })).toEqual(['a']);
    expect(ids({ q: 'c@example' })).toEqual(['c']);
    expect(ids({ q: 'менеджер' })).toEqual(['b', 'c']);
    expect(ids({ status: 'active' })).toEqual(['a', 'c']);
    expect(ids({ status: 'invited' })).toEqual(['d']);
    expect(ids({ status: 'disabled' })).toEqual(['b']);
    expect(ids({ q: 'менеджер', status: 'active' })).toEqual(['c']);
    expect(ids({ q: 'nobody' })).toEqual([]);
  });
});

describe('active recently', () => {
  it('is a sign-in within the last hour, not one older or absent', () => {
    expect(isActiveRecently({ lastSignInAt: minutesAgo(0) }, now)).toBe(true);
    expect(isActiveRecently({ lastSignInAt: minutesAgo(60) }, now)).toBe(true);
    expect(isActiveRecently({ lastSignInAt: minutesAgo(61) }, now)).toBe(false);
    expect(isActiveRecently({ lastSignInAt: minutesAgo(-2) }, now)).toBe(true);
    expect(isActiveRecently({}, now)).toBe(false);
    expect(isActiveRecently({ lastSignInAt: 'not a date' }, now)).toBe(false);
  });

  it('says how long ago in the locale', () => {
    expect(timeAgo(minutesAgo(5), now, 'en-GB')).toBe('5 minutes ago');
    expect(timeAgo(minutesAgo(0), now, 'en-GB')).toBe('now');
    expect(timeAgo(minutesAgo(3 * 60), now, 'en-GB')).toBe('3 hours ago');
    expect(timeAgo(minutesAgo(2 * 24 * 60), now, 'ru-RU')).toBe('позавчера');
    expect(timeAgo(minutesAgo(5), now, 'ru-RU')).toBe('5 минут назад');
    expect(timeAgo('garbage', now, 'en-GB')).toBe('garbage');
  });
});

describe('status wording and refusals', () => {
  const words = { active: 'Active', invited: 'Invited', disabledSince: (when: string) => `Disabled since ${when}` };
  it('says active, invited (not signed in since), or disabled since when', () => {
    expect(statusText({}, words, (iso) => iso)).toBe('Active');
    expect(statusText({ disabledAt: '2026-03-10T11:30:00Z' }, words, (iso) => `[${iso}]`)).toBe('Disabled since [2026-03-10T11:30:00Z]');
    expect(statusText({ invitedAt: minutesAgo(10) }, words, (iso) => iso)).toBe('Invited');
    expect(statusText({ invitedAt: minutesAgo(10), lastSignInAt: minutesAgo(2) }, words, (iso) => iso)).toBe('Active');
    expect(statusText({ invitedAt: minutesAgo(10), disabledAt: '2026-03-10T11:30:00Z' }, words, (iso) => iso)).toBe('Disabled since 2026-03-10T11:30:00Z');
  });

  it('tells disabling oneself, an unknown user and a non-admin apart from other failures', () => {
    expect(toggleFailure(new ApiRequestError(422, 'validation_failed', 'x', [{ path: 'userId', code: 'self', message: 'self' }]))).toBe('self');
    expect(toggleFailure(new ApiRequestError(422, 'validation_failed', 'x', [{ path: 'other', code: 'self', message: '' }]))).toBe('other');
    expect(toggleFailure(new ApiRequestError(404, 'not_found', 'x'))).toBe('notFound');
    expect(toggleFailure(new ApiRequestError(403, 'forbidden', 'x'))).toBe('forbidden');
    expect(toggleFailure(new Error('boom'))).toBe('other');
  });
});
