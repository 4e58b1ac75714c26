import { randomUUID } from 'node:crypto';
import { AdminGetUserCommand, AdminListGroupsForUserCommand, CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { handler as authorizeApiKey } from '../../functions/api-keys/authorize-api-key';
import { handler as apiKeysApi } from '../../functions/api-keys/api-keys-api';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { handler as teamsApi } from '../../functions/teams/teams-api';
import { handler as usersApi } from '../../functions/users/users-api';
import { getUser, putUser } from '../../shared/data/users-repository';
import { admin, apiEvent, apiKeyEvent, invoke, rep, type TestUser } from '../support/api-event';
import { mailTo, valueAfter, waitForMail } from '../support/mail-store';
import { allItems, auditItems } from '../support/table-items';

/**
 * Administering people and keys (ACC-1, ACC-5) against the real parts: cognito-local for the
 * pool, the SES emulator's mail store for what was sent, DynamoDB Local for the directory.
 */
/** People are administered by admins: a call that names no one else is the admin's. */
const call = <T = any>(api: unknown, route: string, options: Omit<Parameters<typeof apiEvent>[0], 'route'> = {}) => invoke<T>(api, apiEvent({ route, user: admin, ...options }));
const cognito = new CognitoIdentityProviderClient({});
const poolId = inject('userPoolId');
const storeUrl = `${inject('sesEndpoint')}/store`;
const unique = () => `${randomUUID().slice(0, 8)}@people.test`;
const groupsOf = async (id: string) => ((await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: id }))).Groups ?? []).map((g) => g.GroupName).sort();

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, name: 'Анна Админова', roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
  await call(teamsApi, 'PUT /api/teams', { body: { version: 0, teams: [{ id: 'moscow', name: 'Москва', managerId: admin.sub, memberIds: [] }] } });
});

describe('inviting a user', () => {
  it('creates them in Cognito with their roles, puts them in the directory and the team, and mails a working temporary password', async () => {
    const email = unique();
    const res = await call(usersApi, 'POST /api/users/invitations', { body: { email: email.toUpperCase(), name: 'Пётр Новиков', roles: ['sales-rep'], teamId: 'moscow' } });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    expect(res.body).toMatchObject({ email, name: 'Пётр Новиков', roles: ['sales-rep'], invitedBy: { id: admin.sub } });

    const poolUser = await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: id }));
    expect(poolUser.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(await groupsOf(id)).toEqual(['sales-rep']);
    expect(await getUser(id)).toMatchObject({ email, invitedAt: expect.any(String) });
    expect((await call(teamsApi, 'GET /api/teams')).body.teams[0].memberIds).toContain(id);

    const mail = await waitForMail(storeUrl, email, /Приглашение/);
    expect(mail.body.text).toContain('Анна Админова приглашает вас');
    expect(mail.body.text).toContain('Менеджер по продажам');
    const auth = await cognito.send(
      new InitiateAuthCommand({ ClientId: inject('userPoolClientId'), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: valueAfter(mail, 'Временный пароль') } }),
    );
    expect(auth.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('refuses an existing email (409 naming the field) and bad roles, and changes nothing', async () => {
    const email = unique();
    expect((await call(usersApi, 'POST /api/users/invitations', { body: { email, roles: ['marketer'] } })).status).toBe(201);
    const before = (await allItems()).length;
    const again = await call(usersApi, 'POST /api/users/invitations', { body: { email, roles: ['marketer'] } });
    expect(again.status).toBe(409);
    expect(again.body.error.fields[0].path).toBe('email');

    const bad = [
      [{ email: unique(), roles: [] }, 'roles'],
      [{ email: unique(), roles: ['sales-rep', 'portal-user'] }, 'roles'],
      [{ email: unique(), roles: ['portal-user'] }, 'accountId'],
      [{ email: unique(), roles: ['sales-rep'], teamId: 'nowhere' }, 'teamId'],
      [{ email: 'not-an-email', roles: ['sales-rep'] }, 'email'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await call(usersApi, 'POST /api/users/invitations', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    expect((await allItems()).length).toBe(before);
  });

  it('sends the invitation again with a new password until the user has signed in', async () => {
    const email = unique();
    const id = (await call(usersApi, 'POST /api/users/invitations', { body: { email, roles: ['marketer'] } })).body.id as string;
    const first = valueAfter(await waitForMail(storeUrl, email, /Приглашение/), 'Временный пароль');
    expect((await call(usersApi, 'POST /api/users/{userId}/invitation', { pathParameters: { userId: id } })).status).toBe(200);
    expect(await mailTo(storeUrl, email)).toHaveLength(2);
    const second = valueAfter((await mailTo(storeUrl, email)).at(-1)!, 'Временный пароль');
    expect(second).not.toBe(first);

    await putUser({ id, email, roles: ['marketer'], lastSignInAt: new Date().toISOString() });
    expect((await call(usersApi, 'POST /api/users/{userId}/invitation', { pathParameters: { userId: id } })).status).toBe(409);
  });
});

describe('roles', () => {
  it('replaces the groups in Cognito and the directory; tokens issued before are stale, newer ones work', async () => {
    const email = unique();
    const id = (await call(usersApi, 'POST /api/users/invitations', { body: { email, roles: ['sales-rep'] } })).body.id as string;
    const before: TestUser = { sub: id, email, groups: ['sales-rep'], issuedAt: Math.floor(Date.now() / 1000) - 60 };
    expect((await call(leadsApi, 'GET /api/leads', { user: before })).status).toBe(200);

    const res = await call(usersApi, 'PUT /api/users/{userId}/roles', { pathParameters: { userId: id }, body: { roles: ['sales-manager', 'marketer'] } });
    expect(res.status).toBe(200);
    expect(await groupsOf(id)).toEqual(['marketer', 'sales-manager']);
    expect((await getUser(id))!.roles).toEqual(['sales-manager', 'marketer']);

    const stale = await call(leadsApi, 'GET /api/leads', { user: before });
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('session_stale');
    const fresh: TestUser = { sub: id, email, groups: ['sales-manager', 'marketer'], issuedAt: Math.floor(Date.now() / 1000) + 1 };
    expect((await call(leadsApi, 'GET /api/leads', { user: fresh })).status).toBe(200);
  });

  it('an admin cannot take the admin role from themselves; others may not change roles at all', async () => {
    const self = await call(usersApi, 'PUT /api/users/{userId}/roles', { pathParameters: { userId: admin.sub }, body: { roles: ['sales-manager'] } });
    expect(self.status).toBe(422);
    expect(self.body.error.fields[0].path).toBe('roles');
    expect((await call(usersApi, 'PUT /api/users/{userId}/roles', { user: rep, pathParameters: { userId: rep.sub }, body: { roles: ['admin'] } })).status).toBe(403);
    expect((await getUser(rep.sub))!.roles).toEqual(['sales-rep']);
  });

  it('disabling switches the user off in Cognito too, and enabling on again', async () => {
    const email = unique();
    const id = (await call(usersApi, 'POST /api/users/invitations', { body: { email, roles: ['marketer'] } })).body.id as string;
    await call(usersApi, 'POST /api/users/{userId}/disable', { pathParameters: { userId: id } });
    expect((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: id }))).Enabled).toBe(false);
    await call(usersApi, 'POST /api/users/{userId}/enable', { pathParameters: { userId: id } });
    expect((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: id }))).Enabled).toBe(true);
  });
});

describe('access requests', () => {
  it('a user files one for roles they lack; admins are mailed; one open at a time; the admin grants, the roles follow and the user is mailed', async () => {
    const email = unique();
    const id = (await call(usersApi, 'POST /api/users/invitations', { body: { email, name: 'Ира Запросова', roles: ['sales-rep'] } })).body.id as string;
    const asker: TestUser = { sub: id, email, groups: ['sales-rep'], issuedAt: Math.floor(Date.now() / 1000) + 1 };

    const held = await call(usersApi, 'POST /api/access-requests', { user: asker, body: { roles: ['sales-rep'], reason: 'хочу' } });
    expect(held.status).toBe(422);
    const filed = await call(usersApi, 'POST /api/access-requests', { user: asker, body: { roles: ['sales-rep', 'marketer'], reason: 'Веду рассылки по своим клиентам' } });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ roles: ['marketer'], status: 'open', requester: { id, email } });
    expect((await call(usersApi, 'POST /api/access-requests', { user: asker, body: { roles: ['executive'], reason: 'ещё' } })).status).toBe(409);
    await waitForMail(storeUrl, admin.email, /Запрос доступа/);

    const mine = await call(usersApi, 'GET /api/access-requests', { user: asker });
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([filed.body.id]);
    expect((await call(usersApi, 'GET /api/access-requests', { user: rep })).body.items).toEqual([]);
    const open = await call(usersApi, 'GET /api/access-requests', { query: { status: 'open' } });
    expect(open.body.items.map((r: { id: string }) => r.id)).toContain(filed.body.id);

    expect((await call(usersApi, 'POST /api/access-requests/{requestId}/grant', { user: asker, pathParameters: { requestId: filed.body.id }, body: {} })).status).toBe(403);
    const granted = await call(usersApi, 'POST /api/access-requests/{requestId}/grant', { pathParameters: { requestId: filed.body.id }, body: { note: 'Одобрено' } });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ status: 'granted', decidedBy: { id: admin.sub }, note: 'Одобрено' });
    expect(await groupsOf(id)).toEqual(['marketer', 'sales-rep']);
    expect((await waitForMail(storeUrl, email, /Доступ выдан/)).body.text).toContain('Одобрено');
    expect((await call(usersApi, 'POST /api/access-requests/{requestId}/decline', { pathParameters: { requestId: filed.body.id }, body: {} })).status).toBe(409);

    // The grant changed the roles: the token of before is stale, one with the new groups works.
    expect((await call(usersApi, 'GET /api/access-requests', { user: asker })).status).toBe(401);
    const regranted: TestUser = { ...asker, groups: ['sales-rep', 'marketer'] };
    // Decided, the user may ask again.
    expect((await call(usersApi, 'POST /api/access-requests', { user: regranted, body: { roles: ['executive'], reason: 'Отчёты' } })).status).toBe(201);
  });
});

describe('API keys', () => {
  it('are created with a name and a role, shown once, stored hashed, authorize their calls, are attributed, and stop at the next request once revoked', async () => {
    const created = await call(apiKeysApi, 'POST /api/api-keys', { body: { name: 'Телефония', role: 'sales-manager' } });
    expect(created.status).toBe(201);
    const { key, secret } = created.body as { key: { id: string; prefix: string }; secret: string };
    expect(secret).toMatch(/^crm_[0-9A-Z]{26}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(key.prefix)).toBe(true);
    const stored = (await allItems()).find((item) => item.pk === `APIKEY#${key.id}`)!;
    // The secret part (itself possibly holding `_`) is nowhere in the item beyond the four characters of the prefix.
    const secretPart = secret.slice(`crm_${key.id}_`.length);
    expect(secretPart).toHaveLength(43);
    expect(JSON.stringify(stored)).not.toContain(secretPart.slice(4, 24));
    const listed = await call(apiKeysApi, 'GET /api/api-keys');
    expect(listed.body.items[0]).toMatchObject({ id: key.id, name: 'Телефония', role: 'sales-manager' });
    expect(JSON.stringify(listed.body)).not.toContain('secretHash');

    expect(await authorizeApiKey({ headers: { 'x-api-key': `${secret.slice(0, -1)}x` } })).toEqual({ isAuthorized: false, context: {} });
    expect(await authorizeApiKey({ headers: {} })).toEqual({ isAuthorized: false, context: {} });
    const decision = await authorizeApiKey({ headers: { 'x-api-key': secret } });
    expect(decision).toEqual({ isAuthorized: true, context: { apiKeyId: key.id, actorId: `key-${key.id}`, name: 'Телефония', role: 'sales-manager' } });

    const asKey = (route: string, options: Omit<Parameters<typeof apiEvent>[0], 'route'> = {}) => invoke(leadsApi, apiKeyEvent(apiEvent({ route, ...options }), decision.context as Record<string, string>));
    const made = await asKey('POST /api/leads', { body: { lastName: 'Звонков', phone: '+7 900 000-00-01' } });
    expect(made.status).toBe(201);
    expect(made.body.ownerId).toBe(`key-${key.id}`);
    expect((await auditItems()).at(-1)).toMatchObject({ actor: { id: `key-${key.id}`, name: 'Телефония (API key)' }, route: 'POST /api/leads', sourceIp: '198.51.100.50' });

    // A key never manages keys, even an admin's.
    const adminKey = (await call(apiKeysApi, 'POST /api/api-keys', { body: { name: 'Скрипт', role: 'admin' } })).body;
    const adminKeyContext = (await authorizeApiKey({ headers: { 'x-api-key': adminKey.secret } })).context as Record<string, string>;
    expect((await invoke(apiKeysApi, apiKeyEvent(apiEvent({ route: 'POST /api/api-keys', body: { name: 'x', role: 'admin' } }), adminKeyContext))).status).toBe(403);
    expect((await call(apiKeysApi, 'POST /api/api-keys', { body: { name: 'Портал', role: 'portal-user' } })).status).toBe(400);

    expect((await call(apiKeysApi, 'POST /api/api-keys/{keyId}/revoke', { pathParameters: { keyId: key.id } })).body).toMatchObject({ revokedAt: expect.any(String) });
    expect((await call(apiKeysApi, 'POST /api/api-keys/{keyId}/revoke', { pathParameters: { keyId: key.id } })).status).toBe(409);
    expect(await authorizeApiKey({ headers: { 'x-api-key': secret } })).toEqual({ isAuthorized: false, context: {} });
    // The gateway may still hold the authorizer's allow for a while: the audit write refuses the key.
    const afterRevoke = await asKey('GET /api/leads');
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.body.error.message).toMatch(/revoked/);
  });

  it('only reach a function without the edge when the key authorizer let them through', async () => {
    const direct = apiEvent({ route: 'GET /api/leads', throughEdge: false });
    expect((await invoke(leadsApi, direct)).status).toBe(403);
  });
});
