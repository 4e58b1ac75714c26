import { describe, expect, it } from 'vitest';
import { refusalOf, rolesKey, standingOf, type CallerCheck } from '../../../shared/domain/audit/caller-standing';

/**
 * The rule a caller must meet to be served (ADR 0013, 0014), as reads apply it to the item they
 * read; writes check the same rule as a transaction's condition (tests/integration/audit.test.ts).
 */
const rep: CallerCheck = { kind: 'user', id: 'u1', roles: ['sales-rep'] };
const portal: CallerCheck = { kind: 'user', id: 'u2', roles: ['portal-user'], accountId: 'acc-1' };
const key: CallerCheck = { kind: 'api-key', keyId: 'k1' };

describe('standingOf', () => {
  it('lets a user without a directory item or without changed roles through', () => {
    expect(standingOf(rep, undefined)).toBe('active');
    expect(standingOf(rep, { pk: 'USER#u1' })).toBe('active');
  });

  it('refuses a disabled user, whatever else holds', () => {
    expect(standingOf(rep, { pk: 'USER#u1', disabledAt: '2026-12-07T10:00:00Z', rolesKey: 'sales-rep' })).toBe('disabled');
  });

  it('compares the token’s groups with the roles an admin set, as sets', () => {
    expect(standingOf(rep, { pk: 'USER#u1', rolesKey: 'admin' })).toBe('stale');
    expect(standingOf({ ...rep, roles: ['marketer', 'sales-manager', 'marketer'] }, { pk: 'USER#u1', rolesKey: rolesKey(['sales-manager', 'marketer']) })).toBe('active');
  });

  it('serves a token naming a portal account only when the directory holds that account for the user', () => {
    expect(standingOf(portal, { pk: 'USER#u2', accountId: 'acc-1' })).toBe('active');
    expect(standingOf(portal, { pk: 'USER#u2', accountId: 'acc-2' })).toBe('foreign-account');
    expect(standingOf(portal, undefined)).toBe('foreign-account');
    expect(standingOf(portal, { pk: 'USER#u2' })).toBe('foreign-account');
  });

  it('serves an API key that exists and is not revoked', () => {
    expect(standingOf(key, { pk: 'APIKEY#k1' })).toBe('active');
    expect(standingOf(key, { pk: 'APIKEY#k1', revokedAt: '2026-12-07T10:00:00Z' })).toBe('revoked');
    expect(standingOf(key, undefined)).toBe('revoked');
  });
});

describe('refusalOf', () => {
  it('names the part a failed transactional check failed on', () => {
    expect(refusalOf(rep, { disabledAt: 'x' })).toBe('disabled');
    expect(refusalOf(portal, { accountId: 'acc-2' })).toBe('foreign-account');
    expect(refusalOf(rep, { rolesKey: 'admin' })).toBe('stale');
    expect(refusalOf(key, undefined)).toBe('revoked');
  });
});
