import { describe, expect, it } from 'vitest';
import { actorFrom, parseGroupsClaim } from '../../../functions/http/actor';

describe('cognito:groups claim', () => {
  it.each([
    ['[admin sales-rep]', ['admin', 'sales-rep']],
    ['[admin]', ['admin']],
    ['["admin","marketer"]', ['admin', 'marketer']],
    [['executive'], ['executive']],
    ['[superuser admin]', ['admin']],
    [undefined, []],
  ])('%j → %j', (claim, roles) => expect(parseGroupsClaim(claim)).toEqual(roles));
});

describe('the signed-in actor from the verified claims', () => {
  const event = (claims: Record<string, unknown> | undefined, lambda?: Record<string, unknown>) =>
    ({ requestContext: { authorizer: { ...(claims ? { jwt: { claims } } : {}), ...(lambda ? { lambda } : {}) } } }) as never;

  it('takes the id, email, name, roles and portal account from the claims, leaving out what is absent or empty', () => {
    expect(actorFrom(event({ sub: 'u1', email: 'a@b.ru', name: 'Анна', 'cognito:groups': '[sales-rep]', 'custom:accountId': 'acc1' }))).toEqual({
      type: 'user',
      id: 'u1',
      email: 'a@b.ru',
      name: 'Анна',
      roles: ['sales-rep'],
      accountId: 'acc1',
    });
    expect(actorFrom(event({ sub: 'u2', 'custom:accountId': '', email: 7, name: ['x'] }))).toEqual({ type: 'user', id: 'u2', roles: [] });
    expect(actorFrom(event({ sub: 'u2', 'custom:accountId': 42 }))).toEqual({ type: 'user', id: 'u2', roles: [] });
  });

  it('refuses a call without a subject claim as unauthorized', () => {
    for (const claims of [undefined, {}, { sub: '' }, { sub: 42 }]) {
      expect(() => actorFrom(event(claims))).toThrow(expect.objectContaining({ code: 'unauthorized', message: 'Sign in to continue' }));
    }
    // A call no authorizer looked at.
    expect(() => actorFrom({ requestContext: {} } as never)).toThrow(expect.objectContaining({ code: 'unauthorized' }));
  });

  it("acts for an integration API key as a user of the key's one role, and ignores an incomplete or unknown-role key context", () => {
    expect(actorFrom(event(undefined, { apiKeyId: 'k1', actorId: 'key-k1', name: 'ERP', role: 'sales-rep' }))).toEqual({ type: 'user', id: 'key-k1', name: 'ERP (API key)', roles: ['sales-rep'], apiKeyId: 'k1' });
    expect(actorFrom(event(undefined, { apiKeyId: 'k1', actorId: 'key-k1', role: 'sales-rep' }))).toMatchObject({ name: 'k1 (API key)' });
    // Without a whole key context (or with a role that is no role) only the JWT's claims count.
    expect(() => actorFrom(event(undefined, { apiKeyId: 'k1', actorId: 'key-k1', role: 'superuser' }))).toThrow(expect.objectContaining({ code: 'unauthorized' }));
    expect(() => actorFrom(event(undefined, { apiKeyId: 'k1', role: 'admin' }))).toThrow(expect.objectContaining({ code: 'unauthorized' }));
    expect(actorFrom(event({ sub: 'u3' }, { apiKeyId: 'k1', actorId: '', role: 'admin' }))).toEqual({ type: 'user', id: 'u3', roles: [] });
  });
});

describe('cognito:groups claim, written the ways API Gateway and Cognito write it', () => {
  it.each([
    ['[admin,sales-rep]', ['admin', 'sales-rep']],
    ['admin, marketer', ['admin', 'marketer']],
    ['  ["executive"]', ['executive']],
    ['[admin]x', []],
    ['x[admin]', []],
    // Brackets count only around the whole list, quotes only in a JSON list.
    ['admin[', []],
    [']admin', []],
    ['"admin" sales-rep', ['sales-rep']],
    [42, []],
  ])('%j → %j', (claim, roles) => expect(parseGroupsClaim(claim)).toEqual(roles));
});
