import { describe, expect, it } from 'vitest';
import type { ApiKeySummary } from '../../../shared/api/contracts';
import { curlExample, keyBody, keyProblems, keyRoles, sortKeys } from '../../../web/src/features/settings/api-keys/api-keys';

/** Integration API keys: the roles a key may have, the order shown, a new key's fields, the example request. */
const key = (id: string, createdAt: string, revokedAt?: string): ApiKeySummary => ({
  id,
  name: id,
  role: 'sales-rep',
  prefix: `crm_${id}_`,
  createdAt,
  createdBy: { type: 'user', id: 'admin' },
  ...(revokedAt ? { revokedAt } : {}),
});

describe('API keys', () => {
  it('may have any role but a portal user’s', () => {
    expect(keyRoles).not.toContain('portal-user');
    expect(keyRoles).toContain('admin');
    expect(keyRoles).toContain('sales-rep');
  });

  it('are shown active first, newest first', () => {
    const keys = [key('old', '2026-01-01T00:00:00Z'), key('gone', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'), key('new', '2026-02-01T00:00:00Z')];
    expect(sortKeys(keys).map((k) => k.id)).toEqual(['new', 'old', 'gone']);
  });

  it('need a name and a known role, sent trimmed', () => {
    expect(keyProblems({ name: ' ', role: '' })).toEqual({ name: 'nameRequired', role: 'roleRequired' });
    expect(keyProblems({ name: 'Телефония', role: 'portal-user' })).toEqual({ role: 'roleRequired' });
    expect(keyProblems({ name: 'Телефония', role: 'sales-rep' })).toEqual({});
    expect(keyBody({ name: '  Телефония ', role: 'sales-rep' })).toEqual({ name: 'Телефония', role: 'sales-rep' });
  });

  it('are tried with curl and the X-Api-Key header against the leads', () => {
    expect(curlExample('crm_01H_secret', 'https://crm.example.ru')).toBe('curl -H "X-Api-Key: crm_01H_secret" https://crm.example.ru/api/leads');
    expect(curlExample('s', 'http://localhost:3000/')).toBe('curl -H "X-Api-Key: s" http://localhost:3000/api/leads');
  });
});
