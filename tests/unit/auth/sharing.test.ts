import { describe, expect, it } from 'vitest';
import { actions, scopes } from '../../../shared/auth/permissions';
import { sharedScope, sharingSetSchema } from '../../../shared/domain/access/sharing';

describe('sharing of record types', () => {
  it('leaves every scope as it is for a private type', () => {
    for (const scope of scopes) for (const action of actions) expect(sharedScope(scope, 'private', action)).toBe(scope);
  });

  it('widens reading for a read-shared type, reading and updating for an edit-shared one, and nothing else', () => {
    const widened = (level: 'read' | 'edit') => actions.filter((action) => sharedScope('own', level, action) === 'all');
    expect(widened('read')).toEqual(['read']);
    expect(widened('edit')).toEqual(['read', 'update']);
    expect(sharedScope('team', 'edit', 'transfer')).toBe('team');
  });

  it('takes a partial setting with the rest private, and names a bad level or unknown type', () => {
    expect(sharingSetSchema.parse({ types: { deals: 'read' }, version: 2 })).toEqual({
      types: { leads: 'private', accounts: 'private', contacts: 'private', deals: 'read', activities: 'private', cases: 'private' },
      version: 2,
    });
    const bad = sharingSetSchema.safeParse({ types: { accounts: 'public', orders: 'read' }, version: 0 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['types', 'types.accounts']);
  });
});
