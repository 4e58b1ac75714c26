import { randomUUID } from 'node:crypto';
import {
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  DeleteUserAttributesCommand,
  InitiateAuthCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as apiKeysApi } from '../../functions/api-keys/api-keys-api';
import { handler as casesApi } from '../../functions/cases/cases-api';
import { handler as dealsApi } from '../../functions/deals/deals-api';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { handler as portalApi } from '../../functions/portal/portal-api';
import { handler as usersApi } from '../../functions/users/users-api';
import { isRole, type Role } from '../../shared/auth/roles';
import { getUser, putUser } from '../../shared/data/users-repository';
import { strongPassword } from '../../shared/auth/strong-password';
import { apiEvent, invoke, type TestUser } from '../support/api-event';

/**
 * Tokens and claims (issue 12, section 4): a role change refuses every token issued before it,
 * whatever the timing; a portal user's account is the one the directory holds for them, never
 * one they could write into their own token.
 */
const call = <T = any>(api: unknown, route: string, options: Omit<Parameters<typeof apiEvent>[0], 'route'> & { user: TestUser }) => invoke<T>(api, apiEvent({ route, ...options }));
const admin: TestUser = { sub: 'tokens-admin', email: 'admin@tokens.test', groups: ['admin'] };
const unique = () => `${randomUUID().slice(0, 8)}@tokens.test`;
const cognito = new CognitoIdentityProviderClient({});
const poolId = inject('userPoolId');
const clientId = inject('userPoolClientId');

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, name: 'Анна Админова', roles: ['admin'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a role change', () => {
  /** An instant inside whole second `second` (epoch seconds), as Cognito's `iat` would count it. */
  const within = (second: number, ms: number) => second * 1000 + ms;

  it('refuses the tokens issued before it at −1 s, in the same second and +1 s; tokens with the new roles work', async () => {
    const email = unique();
    const id = (await call(usersApi, 'POST /api/users/invitations', { user: admin, body: { email, roles: ['admin'] } })).body.id as string;
    const changeSecond = Math.floor(Date.now() / 1000) + 2;
    // The clock alone is faked: the change happens 600 ms into its second.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(within(changeSecond, 600));
    const demoted = await call(usersApi, 'PUT /api/users/{userId}/roles', { user: admin, pathParameters: { userId: id }, body: { roles: ['sales-rep'] } });
    expect(demoted.status).toBe(200);

    for (const offset of [-1, 0, 1]) {
      const asAdmin: TestUser = { sub: id, email, groups: ['admin'], issuedAt: changeSecond + offset };
      const refused = await call(apiKeysApi, 'GET /api/api-keys', { user: asAdmin });
      expect(refused.status, `admin token issued at ${offset} s`).toBe(401);
      expect(refused.body.error.code).toBe('session_stale');
      expect(refused.body).not.toHaveProperty('items');
    }
    for (const offset of [0, 1]) {
      const asRep: TestUser = { sub: id, email, groups: ['sales-rep'], issuedAt: changeSecond + offset };
      expect((await call(leadsApi, 'GET /api/leads', { user: asRep })).status, `rep token issued at ${offset} s`).toBe(200);
      expect((await call(apiKeysApi, 'GET /api/api-keys', { user: asRep })).status).toBe(403);
    }
  });

  it('refuses a token with the roles of before even when the change came in the second before the token', async () => {
    const email = unique();
    const id = (await call(usersApi, 'POST /api/users/invitations', { user: admin, body: { email, roles: ['sales-rep'] } })).body.id as string;
    const changeSecond = Math.floor(Date.now() / 1000) + 2;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(within(changeSecond, 999));
    expect((await call(usersApi, 'PUT /api/users/{userId}/roles', { user: admin, pathParameters: { userId: id }, body: { roles: ['sales-manager', 'marketer'] } })).status).toBe(200);
    vi.setSystemTime(within(changeSecond + 1, 1));
    const before: TestUser = { sub: id, email, groups: ['sales-rep'], issuedAt: changeSecond + 1 };
    expect((await call(leadsApi, 'GET /api/leads', { user: before })).status).toBe(401);
    // The order Cognito lists the groups in does not matter.
    const after: TestUser = { sub: id, email, groups: ['marketer', 'sales-manager'], issuedAt: changeSecond + 1 };
    expect((await call(leadsApi, 'GET /api/leads', { user: after })).status).toBe(200);
  });
});

describe('a portal user’s account', () => {
  let x: { id: string };
  let y: { id: string };
  let dealOfX: { id: string };
  let caseOfX: { id: string };

  beforeAll(async () => {
    x = (await call(accountsApi, 'POST /api/accounts', { user: admin, body: { name: 'ООО «Своё»' } })).body;
    y = (await call(accountsApi, 'POST /api/accounts', { user: admin, body: { name: 'ООО «Чужое»' } })).body;
    dealOfX = (await call(dealsApi, 'POST /api/deals', { user: admin, body: { title: 'Сделка своего', accountId: x.id } })).body;
    await call(dealsApi, 'POST /api/deals', { user: admin, body: { title: 'Сделка чужого', accountId: y.id } });
    caseOfX = (await call(casesApi, 'POST /api/cases', { user: admin, body: { subject: 'Обращение своего', accountId: x.id } })).body;
    await call(casesApi, 'POST /api/cases', { user: admin, body: { subject: 'Обращение чужого', accountId: y.id } });
  });

  /** A portal user invited to X, with a password, signed in to the local Cognito as the web app would. */
  async function invitedPortalUser() {
    const email = unique();
    const invited = await call(usersApi, 'POST /api/users/invitations', { user: admin, body: { email, roles: ['portal-user'], accountId: x.id } });
    expect(invited.status).toBe(201);
    const password = strongPassword();
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: email, Password: password, Permanent: true }));
    const signIn = async () =>
      (await cognito.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }))).AuthenticationResult!;
    return { id: invited.body.id as string, email, signIn };
  }

  /** The caller as the JWT authorizer would pass the ID token's claims on. */
  function userOf(idToken: string): TestUser {
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const groups = (claims['cognito:groups'] as string[] | undefined) ?? [];
    return {
      sub: String(claims.sub),
      email: String(claims.email),
      groups: groups.filter((g): g is Role => isRole(g)),
      ...(typeof claims['custom:accountId'] === 'string' ? { accountId: claims['custom:accountId'] } : {}),
      issuedAt: Number(claims.iat),
    };
  }

  const titles = (res: { body: { items?: { title?: string; subject?: string }[] } }) => (res.body.items ?? []).map((item) => item.title ?? item.subject);

  it('is kept in the directory from the invitation', async () => {
    const { id } = await invitedPortalUser();
    expect(await getUser(id)).toMatchObject({ roles: ['portal-user'], accountId: x.id });
  });

  it('cannot be rewritten by the user through the local Cognito, and the portal still shows only their own account', async () => {
    const user = await invitedPortalUser();
    const tokens = await user.signIn();
    await expect(
      cognito.send(new UpdateUserAttributesCommand({ AccessToken: tokens.AccessToken!, UserAttributes: [{ Name: 'custom:accountId', Value: y.id }] })),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(cognito.send(new DeleteUserAttributesCommand({ AccessToken: tokens.AccessToken!, UserAttributeNames: ['custom:accountId'] }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
    const stored = await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: user.email }));
    expect(stored.UserAttributes?.find((a) => a.Name === 'custom:accountId')?.Value).toBe(x.id);
    // What the client may write, it still may.
    await cognito.send(new UpdateUserAttributesCommand({ AccessToken: tokens.AccessToken!, UserAttributes: [{ Name: 'name', Value: 'Пётр Покупкин' }] }));

    const client = userOf((await user.signIn()).IdToken!);
    expect(client.accountId).toBe(x.id);
    expect(titles(await call(portalApi, 'GET /api/portal/deals', { user: client }))).toEqual(['Сделка своего']);
    expect(titles(await call(portalApi, 'GET /api/portal/cases', { user: client }))).toEqual(['Обращение своего']);
  });

  it('is the directory’s, not the token’s: a token naming another account is refused and shows nothing of it', async () => {
    const user = await invitedPortalUser();
    const client = userOf((await user.signIn()).IdToken!);
    const forged: TestUser = { ...client, accountId: y.id };
    for (const route of ['GET /api/portal/deals', 'GET /api/portal/cases']) {
      const res = await call(portalApi, route, { user: forged });
      expect(res.status, route).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
      expect(JSON.stringify(res.body)).not.toContain('чужого');
    }
    // A staff user who wrote themselves an account is refused as well.
    const staff: TestUser = { ...admin, accountId: y.id };
    expect((await call(usersApi, 'GET /api/users', { user: staff })).status).toBe(401);
    // The own account still works.
    expect(titles(await call(portalApi, 'GET /api/portal/deals', { user: client }))).toEqual(['Сделка своего']);
    expect((await call(portalApi, 'GET /api/portal/deals/{id}', { user: client, pathParameters: { id: dealOfX.id } })).status).toBe(200);
    expect((await call(portalApi, 'GET /api/portal/cases/{id}', { user: client, pathParameters: { id: caseOfX.id } })).status).toBe(200);
  });
});
