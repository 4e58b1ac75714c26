import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { handler as searchApi } from '../../functions/search/search-api';
import { handler as teamsApi } from '../../functions/teams/teams-api';
import { putUser } from '../../shared/data/users-repository';
import { admin, apiEvent, invoke, type TestUser } from '../support/api-event';
import { allItems } from '../support/table-items';
import { deriveIndex } from '../support/derived-index';

/**
 * Sharing of record types (ACC-2): an admin opens a type for reading or editing by everyone whose
 * role may read it. Until then a rep's accounts are the rep's; shared for reading, every rep reads
 * and finds them but may not change them; shared for editing, they may update them, yet never give
 * them to another owner (SAL-12). Other types stay private.
 */
const call = <T = any>(api: unknown, route: string, options: Omit<Parameters<typeof apiEvent>[0], 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));

const repA: TestUser = { sub: 'share-rep-a', email: 'share-a@example.com', groups: ['sales-rep'] };
const repB: TestUser = { sub: 'share-rep-b', email: 'share-b@example.com', groups: ['sales-rep'] };
const agent: TestUser = { sub: 'share-agent', email: 'agent@example.com', groups: ['service-agent'] };

let accountOfA: { id: string; version: number };
let leadOfA: { id: string };
let version = 0;

const share = async (types: Record<string, string>, user: TestUser = admin) => call(teamsApi, 'PUT /api/sharing', { user, body: { types, version } });
const setSharing = async (types: Record<string, string>) => {
  const saved = await share(types);
  expect(saved.status).toBe(200);
  version = saved.body.version;
};
const readAccount = (user: TestUser) => call(accountsApi, 'GET /api/accounts/{id}', { user, pathParameters: { id: accountOfA.id } });
const listedAccounts = async (user: TestUser) => ((await call(accountsApi, 'GET /api/accounts', { user })).body.items as { id: string }[]).map((a) => a.id);

beforeAll(async () => {
  for (const user of [admin, repA, repB, agent]) await putUser({ id: user.sub, email: user.email, roles: user.groups });
  accountOfA = (await call(accountsApi, 'POST /api/accounts', { user: repA, body: { name: 'ООО «Общий доступ»' } })).body;
  leadOfA = (await call(leadsApi, 'POST /api/leads', { user: repA, body: { lastName: 'Частный', email: 'private@share.example' } })).body;
});

describe('sharing of record types', () => {
  it('is private for every type until an admin sets it, and is read by managers and admins only', async () => {
    const read = await call(teamsApi, 'GET /api/sharing', { user: admin });
    expect(read.body).toEqual({ types: { leads: 'private', accounts: 'private', contacts: 'private', deals: 'private', activities: 'private', cases: 'private' }, version: 0 });
    expect((await call(teamsApi, 'GET /api/sharing', { user: repA })).status).toBe(403);
    expect((await readAccount(repB)).status).toBe(404);
    expect(await listedAccounts(repB)).toEqual([]);
  });

  it('refuses a rep, an unknown level or type, and a stale version, changing nothing', async () => {
    const before = await allItems();
    const byRep = await share({ accounts: 'read' }, repA);
    expect(byRep.status).toBe(403);
    const badLevel = await share({ accounts: 'everyone' });
    expect(badLevel.status).toBe(400);
    expect(badLevel.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['types.accounts']);
    const badType = await share({ invoices: 'read' });
    expect(badType.status).toBe(400);
    const stale = await call(teamsApi, 'PUT /api/sharing', { user: admin, body: { types: { accounts: 'read' }, version: 7 } });
    expect(stale.status).toBe(409);
    expect(await allItems()).toEqual(before);
  });

  it('shared for reading: every role that reads accounts reads, lists and finds them, but may not change them', async () => {
    await setSharing({ accounts: 'read' });
    expect((await readAccount(repB)).body).toMatchObject({ id: accountOfA.id, ownerId: repA.sub });
    expect(await listedAccounts(repB)).toEqual([accountOfA.id]);
    expect((await readAccount(agent)).status).toBe(200);
    await deriveIndex();
    const hits = (await call(searchApi, 'GET /api/search', { user: repB, query: { q: 'Общий' } })).body.items as { id: string }[];
    expect(hits.map((h) => h.id)).toEqual([accountOfA.id]);

    const before = await allItems();
    const edit = await call(accountsApi, 'PATCH /api/accounts/{id}', { user: repB, pathParameters: { id: accountOfA.id }, body: { version: accountOfA.version, industry: 'Чужая правка' } });
    expect(edit.status).toBe(404);
    expect(await allItems()).toEqual(before);
    // Leads were not shared.
    expect((await call(leadsApi, 'GET /api/leads/{leadId}', { user: repB, pathParameters: { leadId: leadOfA.id } })).status).toBe(404);
  });

  it('shared for editing: others update them, but the owner stays (SAL-12) and only a manager reassigns', async () => {
    await setSharing({ accounts: 'edit' });
    const edit = await call(accountsApi, 'PATCH /api/accounts/{id}', { user: repB, pathParameters: { id: accountOfA.id }, body: { version: accountOfA.version, industry: 'Розница' } });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ industry: 'Розница', ownerId: repA.sub });

    const before = await allItems();
    const take = await call(accountsApi, 'PATCH /api/accounts/{id}', { user: repB, pathParameters: { id: accountOfA.id }, body: { version: edit.body.version, ownerId: repB.sub } });
    expect(take.status).toBe(403);
    expect(take.body.error.fields[0].path).toBe('ownerId');
    expect(await allItems()).toEqual(before);
  });

  it('back to private: the records are the owner’s again', async () => {
    await setSharing({ accounts: 'private' });
    expect((await readAccount(repB)).status).toBe(404);
    expect((await readAccount(repA)).status).toBe(200);
  });
});
