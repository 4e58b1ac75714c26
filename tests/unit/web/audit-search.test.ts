import { describe, expect, it } from 'vitest';
import { auditActions as domainActions, auditQuerySchema } from '@shared/domain/audit/audit-entry';
import { ApiRequestError } from '../../../web/src/api/api-error';
import { isPeriodRejected } from '../../../web/src/features/settings/audit/audit-errors';
import {
  addDays,
  auditQueryOf,
  hasAuditFilters,
  isIsoDate,
  localIsoDate,
  periodHref,
  periodIssue,
  usageQueryOf,
  validateAuditSearch,
  validateUsageSearch,
} from '../../../web/src/features/settings/audit/audit-search';
import { auditActions } from '../../../web/src/features/settings/audit/audit-types';

/** The audit pages' URL params (ACC-4): what a link may carry, and the API queries built from it. */
describe('audit search params', () => {
  it('keeps the filters a link carries and drops what the API would refuse', () => {
    expect(
      validateAuditSearch({ actorId: 'u-1', subject: 'leads', action: 'export', from: '2026-03-01', to: '2026-03-31', cursor: 'x', other: 1 }),
    ).toEqual({ actorId: 'u-1', subject: 'leads', action: 'export', from: '2026-03-01', to: '2026-03-31' });
    expect(validateAuditSearch({ actorId: '', subject: 'Leads; drop', action: 'hack', from: '2026-02-30', to: '01.03.2026' })).toEqual({});
    expect(validateAuditSearch({ actorId: 'x'.repeat(129) })).toEqual({});
  });

  it('keeps only the period for the repeated queries', () => {
    expect(validateUsageSearch({ from: '2026-03-01', actorId: 'u-1', to: 'soon' })).toEqual({ from: '2026-03-01' });
  });

  it('knows a real calendar date', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate(20260301)).toBe(false);
  });

  it('counts days across months and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-20', 31)).toBe('2027-01-20');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('finds a period the API would refuse: backwards or longer than 31 days, both ends counted', () => {
    expect(periodIssue({})).toBeUndefined();
    expect(periodIssue({ from: '2026-03-01' })).toBeUndefined();
    expect(periodIssue({ from: '2026-03-01', to: '2026-03-01' })).toBeUndefined();
    expect(periodIssue({ from: '2026-03-01', to: '2026-03-31' })).toBeUndefined();
    expect(periodIssue({ from: '2026-03-01', to: '2026-04-01' })).toBe('tooLong');
    expect(periodIssue({ from: '2026-03-02', to: '2026-03-01' })).toBe('order');
  });

  it('agrees with the API on the longest period', () => {
    for (const [from, to] of [
      ['2026-03-01', '2026-03-31'],
      ['2026-03-01', '2026-04-01'],
      ['2026-02-01', '2026-03-03'],
      ['2026-02-01', '2026-03-04'],
    ] as const) {
      expect(periodIssue({ from, to }) === undefined, `${from}..${to}`).toBe(auditQuerySchema.safeParse({ from, to }).success);
    }
  });

  it('offers the domain’s actions, all of them', () => {
    expect([...auditActions].sort()).toEqual([...domainActions].sort());
  });

  it('reads the API refusing the period by the field it names', () => {
    const refusal = (path: string) => new ApiRequestError(400, 'validation_failed', 'Invalid', [{ path, code: 'too_big', message: 'At most 31 days' }]);
    expect(isPeriodRejected(refusal('query.to'))).toBe(true);
    expect(isPeriodRejected(refusal('query.from'))).toBe(true);
    expect(isPeriodRejected(refusal('query.limit'))).toBe(false);
    expect(isPeriodRejected(new ApiRequestError(403, 'forbidden', 'No'))).toBe(false);
    expect(isPeriodRejected(new Error('offline'))).toBe(false);
  });

  it('builds the journal query: filters, the page size and a later page cursor', () => {
    const search = { actorId: 'u-1', action: 'read' as const, from: '2026-03-01', to: '2026-03-07' };
    expect(auditQueryOf(search)).toEqual({ actorId: 'u-1', action: 'read', from: '2026-03-01', to: '2026-03-07', limit: 50 });
    expect(auditQueryOf({}, 'c2')).toEqual({ limit: 50, cursor: 'c2' });
    expect(usageQueryOf({ to: '2026-03-07' })).toEqual({ to: '2026-03-07' });
    expect(usageQueryOf({})).toEqual({});
  });

  it('says whether anything is filtered, and carries the period to the other tab', () => {
    expect(hasAuditFilters({})).toBe(false);
    expect(hasAuditFilters({ subject: undefined })).toBe(false);
    expect(hasAuditFilters({ subject: 'deals' })).toBe(true);
    expect(periodHref('/settings/audit/usage', {})).toBe('/settings/audit/usage');
    expect(periodHref('/settings/audit', { from: '2026-03-01', to: '2026-03-07' })).toBe('/settings/audit?from=2026-03-01&to=2026-03-07');
  });
});
