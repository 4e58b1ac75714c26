import { describe, expect, it } from 'vitest';
import { linkableOwners } from '../../../shared/services/reference-guard';

/** Whose records a lookup by name may link (ACC-2, SAL-12): an import's account, a deal's contact by email. */
describe('linkable owners', () => {
  it('are none for a role that links nothing of the type, without asking anything (a marketer importing leads)', async () => {
    await expect(linkableOwners({ type: 'user', id: 'm', roles: ['marketer'] }, 'accounts')).resolves.toEqual(new Set());
    await expect(linkableOwners({ type: 'user', id: 'e', roles: ['executive'] }, 'contacts')).resolves.toEqual(new Set());
  });

  it('are everyone’s for the app itself and for an admin', async () => {
    await expect(linkableOwners({ type: 'system', id: 'import' }, 'accounts')).resolves.toBe('all');
    await expect(linkableOwners({ type: 'user', id: 'a', roles: ['admin'] }, 'accounts')).resolves.toBe('all');
  });
});
