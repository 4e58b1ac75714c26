import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../../shared/api/contracts';
import { ApiRequestError, refusalOf } from '../../../web/src/api/api-error';
import { fileBody, fileProblems, openRequestOf, requestableRoles, sortRequests } from '../../../web/src/features/settings/access-requests/access-requests';
import { validateAccessRequestsSearch } from '../../../web/src/features/settings/access-requests/access-requests-search';

/** Access requests (ACC-5): the admin's filter, the order shown, what a user may ask for, refusals. */
const request = (id: string, patch: Partial<AccessRequest>): AccessRequest => ({
  id,
  requester: { type: 'user', id: 'u1', name: 'Борис' },
  roles: ['sales-manager'],
  reason: 'Веду команду',
  status: 'open',
  createdAt: '2026-03-10T10:00:00Z',
  ...patch,
});

describe('the admin page’s filter', () => {
  it('keeps a known status and drops anything else', () => {
    expect(validateAccessRequestsSearch({ status: 'granted' })).toEqual({ status: 'granted' });
    expect(validateAccessRequestsSearch({ status: 'maybe', q: 'x' })).toEqual({});
    expect(validateAccessRequestsSearch({})).toEqual({});
  });
});

describe('the order shown', () => {
  it('puts open ones first, longest waiting on top, then the latest decided', () => {
    const items = [
      request('granted-old', { status: 'granted', createdAt: '2026-03-01T00:00:00Z', decidedAt: '2026-03-02T00:00:00Z' }),
      request('open-new', { createdAt: '2026-03-10T12:00:00Z' }),
      request('declined-new', { status: 'declined', createdAt: '2026-03-05T00:00:00Z', decidedAt: '2026-03-09T00:00:00Z' }),
      request('open-old', { createdAt: '2026-03-08T09:00:00Z' }),
    ];
    expect(sortRequests(items).map((r) => r.id)).toEqual(['open-old', 'open-new', 'declined-new', 'granted-old']);
    expect(items[0]!.id).toBe('granted-old');
  });
});

describe('what a user may ask for', () => {
  it('is the staff roles they do not have yet, never the portal', () => {
    expect(requestableRoles(['sales-rep'])).toEqual(['admin', 'sales-manager', 'marketer', 'service-agent', 'service-manager', 'executive']);
    expect(requestableRoles(['admin', 'sales-manager', 'sales-rep', 'marketer', 'service-agent', 'service-manager', 'executive'])).toEqual([]);
  });

  it('is nothing new while their own request is open (another user’s does not count)', () => {
    const items = [request('a', { requester: { type: 'user', id: 'u2' } }), request('b', { status: 'declined' }), request('c', {})];
    expect(openRequestOf(items, 'u1')?.id).toBe('c');
    expect(openRequestOf(items, 'u3')).toBeUndefined();
  });

  it('needs a role and a reason, sent trimmed', () => {
    expect(fileProblems({ roles: [], reason: '  ' })).toEqual({ roles: 'rolesRequired', reason: 'reasonRequired' });
    expect(fileProblems({ roles: ['marketer'], reason: 'формы' })).toEqual({});
    expect(fileBody({ roles: ['marketer'], reason: '  формы на сайте \n' })).toEqual({ roles: ['marketer'], reason: 'формы на сайте' });
  });
});

describe('refusals', () => {
  it('tells already decided or open (409), gone, not allowed and others apart', () => {
    expect(refusalOf(new ApiRequestError(409, 'unknown', 'decided'))).toBe('conflict');
    expect(refusalOf(new ApiRequestError(404, 'not_found', 'x'))).toBe('notFound');
    expect(refusalOf(new ApiRequestError(403, 'forbidden', 'x'))).toBe('forbidden');
    expect(refusalOf(new ApiRequestError(500, 'internal', 'x'))).toBe('other');
    expect(refusalOf(new Error('x'))).toBe('other');
  });
});
