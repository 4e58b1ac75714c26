import { describe, expect, it } from 'vitest';
import { mayWork, narrowToVisible, sees, visibleOwners } from '../../../shared/auth/visibility';
import { ownersFilter } from '../../../shared/data/owners-filter';

/** Whose records a scope shows, and how a list query is narrowed to them (ACC-2). */
const teams = [
  { managerId: 'boss', memberIds: ['a', 'b'] },
  { managerId: 'other', memberIds: ['c'] },
];

describe('visible owners', () => {
  it('own: the user; team: also the members of the teams the user manages; all: everyone', () => {
    expect([...(visibleOwners('own', 'a', teams) as Set<string>)]).toEqual(['a']);
    expect([...(visibleOwners('team', 'boss', teams) as Set<string>)].sort()).toEqual(['a', 'b', 'boss']);
    // A member's team scope does not reach the colleagues: only a manager's does.
    expect([...(visibleOwners('team', 'a', teams) as Set<string>)]).toEqual(['a']);
    expect(visibleOwners('all', 'a', teams)).toBe('all');
    // A manager whose scope is only their own sees no more for managing a team.
    expect([...(visibleOwners('own', 'boss', teams) as Set<string>)]).toEqual(['boss']);
    expect(sees('all', 'anyone')).toBe(true);
    expect(sees(new Set(['a']), 'b')).toBe(false);
  });

  it('narrow a list: an owner out of sight gives nothing, one owner is the owner filter, several a set', () => {
    expect(narrowToVisible({ ownerId: 'c' }, new Set(['a', 'b']))).toBeUndefined();
    expect(narrowToVisible({ ownerId: 'a' }, new Set(['a', 'b']))).toEqual({ query: { ownerId: 'a' } });
    expect(narrowToVisible<{ ownerId?: string; status?: string }>({ status: 'new' }, new Set(['a']))).toEqual({ query: { status: 'new', ownerId: 'a' } });
    expect(narrowToVisible({}, new Set(['a', 'b']))).toEqual({ query: {}, owners: ['a', 'b'] });
    expect(narrowToVisible({ ownerId: 'z' }, 'all')).toEqual({ query: { ownerId: 'z' } });
  });
});

describe('who works a client (the portal’s staff of an account)', () => {
  it('is whoever the matrix lets link to records of that owner, by their own roles and teams', () => {
    expect(mayWork({ id: 'a', roles: ['sales-rep'] }, 'accounts', 'link', 'a', teams)).toBe(true);
    expect(mayWork({ id: 'b', roles: ['sales-rep'] }, 'accounts', 'link', 'a', teams)).toBe(false);
    expect(mayWork({ id: 'boss', roles: ['sales-manager'] }, 'accounts', 'link', 'a', teams)).toBe(true);
    expect(mayWork({ id: 'agent', roles: ['service-agent'] }, 'accounts', 'link', 'a', teams)).toBe(true);
    // A role that links nothing works no client, not even one of its own; unknown roles count for nothing.
    expect(mayWork({ id: 'm', roles: ['marketer'] }, 'accounts', 'link', 'm', teams)).toBe(false);
    expect(mayWork({ id: 'a', roles: ['sales-rep', 'astronaut'] }, 'accounts', 'link', 'a', teams)).toBe(true);
  });
});

describe('the owners filter on a list page', () => {
  it('stays within DynamoDB’s 100 values per IN by joining groups with OR', () => {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const owners = Array.from({ length: 150 }, (_, i) => `u${i}`);
    const expression = ownersFilter(owners, names, values);
    expect(expression.match(/ IN \(/g)).toHaveLength(2);
    expect(expression.startsWith('(#ownerId IN (:owner0, ')).toBe(true);
    expect(expression).toContain(' OR #ownerId IN (:owner100, ');
    expect(Object.keys(values)).toHaveLength(150);
    expect(ownersFilter(['a', 'b'], {}, {})).toBe('#ownerId IN (:owner0, :owner1)');
  });
});
