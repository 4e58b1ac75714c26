import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as activitiesApi } from '../../functions/activities/activities-api';
import { handler as attachmentsApi } from '../../functions/attachments/attachments-api';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as dealsApi } from '../../functions/deals/deals-api';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { handler as searchApi } from '../../functions/search/search-api';
import { handler as teamsApi } from '../../functions/teams/teams-api';
import { handler as transfersApi } from '../../functions/transfers/transfers-api';
import { putUser } from '../../shared/data/users-repository';
import { admin, apiEvent, invoke, type TestUser } from '../support/api-event';
import { allItems } from '../support/table-items';
import { deriveIndex } from '../support/derived-index';

/**
 * Object-level visibility (ACC-2, SAL-12), through the API: a rep sees and works only their own
 * records, a manager the team's, an admin everything. Someone else's record answers 404 as if it
 * did not exist; a record is given to another owner only by a role allowed to, within its team.
 */
const call = <T = any>(api: unknown, route: string, options: Omit<Parameters<typeof apiEvent>[0], 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));

const repA: TestUser = { sub: 'rep-a', email: 'rep-a@example.com', groups: ['sales-rep'] };
const repB: TestUser = { sub: 'rep-b', email: 'rep-b@example.com', groups: ['sales-rep'] };
const repC: TestUser = { sub: 'rep-c', email: 'rep-c@example.com', groups: ['sales-rep'] };
const manager: TestUser = { sub: 'manager', email: 'manager@example.com', groups: ['sales-manager'] };

let leadOfA: { id: string; version: number };
let leadOfB: { id: string; version: number };
let leadOfC: { id: string; version: number };

beforeAll(async () => {
  for (const user of [admin, repA, repB, repC, manager]) await putUser({ id: user.sub, email: user.email, roles: user.groups });
  // The manager leads A and B; C is in no team of theirs.
  const teams = await call(teamsApi, 'PUT /api/teams', { user: admin, body: { version: 0, teams: [{ id: 'moscow', name: 'Москва', managerId: manager.sub, memberIds: [repA.sub, repB.sub] }] } });
  expect(teams.status).toBe(200);
  const lead = (user: TestUser, name: string) => call(leadsApi, 'POST /api/leads', { user, body: { lastName: name, email: `${user.sub}@client.example` } }).then((r) => r.body);
  leadOfA = await lead(repA, 'Ананьев');
  leadOfB = await lead(repB, 'Борисов');
  leadOfC = await lead(repC, 'Васильев');
});

const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id).sort();

describe('who sees which leads', () => {
  it('a rep lists and reads only their own; another rep’s lead is not found', async () => {
    expect(ids((await call(leadsApi, 'GET /api/leads', { user: repA })).body)).toEqual([leadOfA.id]);
    expect(ids((await call(leadsApi, 'GET /api/leads', { user: repA, query: { ownerId: repB.sub } })).body)).toEqual([]);
    const other = await call(leadsApi, 'GET /api/leads/{leadId}', { user: repA, pathParameters: { leadId: leadOfB.id } });
    expect(other.status).toBe(404);
    expect(other.body).toEqual({ error: { code: 'not_found', message: 'Lead not found' } });
    expect((await call(leadsApi, 'GET /api/leads/{leadId}/timeline', { user: repA, pathParameters: { leadId: leadOfB.id } })).status).toBe(404);
  });

  it('a manager sees the team’s leads, not those of others', async () => {
    expect(ids((await call(leadsApi, 'GET /api/leads', { user: manager })).body)).toEqual([leadOfA.id, leadOfB.id].sort());
    expect((await call(leadsApi, 'GET /api/leads/{leadId}', { user: manager, pathParameters: { leadId: leadOfC.id } })).status).toBe(404);
  });

  it('quick search names only what the searcher sees', async () => {
    await deriveIndex();
    const found = async (user: TestUser) => ((await call(searchApi, 'GET /api/search', { user, query: { q: 'client.example' } })).body.items as { id: string }[]).map((hit) => hit.id).sort();
    expect(await found(repA)).toEqual([leadOfA.id]);
    expect(await found(manager)).toEqual([leadOfA.id, leadOfB.id].sort());
    expect(await found(admin)).toEqual([leadOfA.id, leadOfB.id, leadOfC.id].sort());
  });

  it('an admin sees every lead', async () => {
    expect(ids((await call(leadsApi, 'GET /api/leads', { user: admin })).body)).toEqual([leadOfA.id, leadOfB.id, leadOfC.id].sort());
  });
});

describe('who may change what', () => {
  it('a rep cannot edit or reject another rep’s lead, and nothing is written', async () => {
    const before = await allItems();
    const edit = await call(leadsApi, 'PATCH /api/leads/{leadId}', { user: repA, pathParameters: { leadId: leadOfB.id }, body: { version: leadOfB.version, topic: 'Чужой' } });
    expect(edit.status).toBe(404);
    const reject = await call(leadsApi, 'POST /api/leads/{leadId}/reject', { user: repA, pathParameters: { leadId: leadOfB.id }, body: { version: leadOfB.version, reason: 'spam' } });
    expect(reject.status).toBe(404);
    expect(await allItems()).toEqual(before);
  });

  it('a rep cannot give a lead to someone else, on create or on edit (SAL-12)', async () => {
    const before = await allItems();
    const create = await call(leadsApi, 'POST /api/leads', { user: repA, body: { lastName: 'Подкинутый', email: 'pod@example.ru', ownerId: repB.sub } });
    expect(create.status).toBe(403);
    expect(create.body.error.fields).toEqual([expect.objectContaining({ path: 'ownerId' })]);
    const give = await call(leadsApi, 'PATCH /api/leads/{leadId}', { user: repA, pathParameters: { leadId: leadOfA.id }, body: { version: leadOfA.version, ownerId: repB.sub } });
    expect(give.status).toBe(403);
    expect(await allItems()).toEqual(before);
  });

  it('a manager reassigns within the team, not outside it', async () => {
    const outside = await call(leadsApi, 'PATCH /api/leads/{leadId}', { user: manager, pathParameters: { leadId: leadOfA.id }, body: { version: leadOfA.version, ownerId: repC.sub } });
    expect(outside.status).toBe(403);
    const moved = await call(leadsApi, 'PATCH /api/leads/{leadId}', { user: manager, pathParameters: { leadId: leadOfA.id }, body: { version: leadOfA.version, ownerId: repB.sub } });
    expect(moved.status).toBe(200);
    expect(moved.body.ownerId).toBe(repB.sub);
    // Now B's: A no longer sees it.
    expect((await call(leadsApi, 'GET /api/leads/{leadId}', { user: repA, pathParameters: { leadId: leadOfA.id } })).status).toBe(404);
    expect((await call(leadsApi, 'GET /api/leads/{leadId}', { user: repB, pathParameters: { leadId: leadOfA.id } })).status).toBe(200);
  });
});

describe('core records follow the same rules', () => {
  it('accounts and deals: own for a rep, the team’s for the manager, 404 for others', async () => {
    const account = (await call(accountsApi, 'POST /api/accounts', { user: repC, body: { name: 'ООО «Чужая»' } })).body;
    const deal = (await call(dealsApi, 'POST /api/deals', { user: repB, body: { title: 'Сделка Б' } })).body;
    expect((await call(accountsApi, 'GET /api/accounts/{id}', { user: repA, pathParameters: { id: account.id } })).status).toBe(404);
    expect((await call(accountsApi, 'GET /api/accounts/{id}', { user: manager, pathParameters: { id: account.id } })).status).toBe(404);
    expect(ids((await call(accountsApi, 'GET /api/accounts', { user: repC })).body)).toEqual([account.id]);
    expect((await call(dealsApi, 'GET /api/deals/{id}', { user: manager, pathParameters: { id: deal.id } })).status).toBe(200);
    expect((await call(dealsApi, 'PATCH /api/deals/{id}', { user: repA, pathParameters: { id: deal.id }, body: { version: deal.version, needs: 'Чужое' } })).status).toBe(404);
    expect(ids((await call(dealsApi, 'GET /api/deals', { user: repA })).body)).toEqual([]);
    expect(ids((await call(dealsApi, 'GET /api/deals', { user: manager })).body)).toContain(deal.id);
    expect((await call(dealsApi, 'GET /api/deals', { user: repA, query: { ids: deal.id } })).body.items).toEqual([]);
  });
});

describe('what hangs off a record follows the record', () => {
  it('notes, files, stage moves, merges, duplicates and conversion links stay within sight, writing nothing', async () => {
    const accountOfB = (await call(accountsApi, 'POST /api/accounts', { user: repB, body: { name: 'ООО «Бэ»', taxId: '7707083893' } })).body;
    const twinOfA = (await call(accountsApi, 'POST /api/accounts', { user: repA, body: { name: 'ООО «Бэ» (копия)', taxId: '7707083893' } })).body;
    const dealOfB = (await call(dealsApi, 'POST /api/deals', { user: repB, body: { title: 'Сделка для этапа' } })).body;
    const contactOfB = (await call(contactsApi, 'POST /api/contacts', { user: repB, body: { lastName: 'Бэшкин' } })).body;
    const contactOfA = (await call(contactsApi, 'POST /api/contacts', { user: repA, body: { lastName: 'Бэшкин' } })).body;
    const mine = (await call(leadsApi, 'POST /api/leads', { user: repA, body: { lastName: 'Свой', email: 'own@client.example' } })).body;
    const before = await allItems();

    const onB = { pathParameters: { leadId: leadOfB.id } };
    expect((await call(leadsApi, 'POST /api/leads/{leadId}/notes', { user: repA, ...onB, body: { text: 'Заметка' } })).status).toBe(404);
    const files = { resource: 'accounts', id: accountOfB.id };
    expect((await call(attachmentsApi, 'GET /api/{resource}/{id}/attachments', { user: repA, pathParameters: files })).status).toBe(404);
    expect((await call(attachmentsApi, 'POST /api/{resource}/{id}/attachments', { user: repA, pathParameters: files, body: { fileName: 'a.pdf', contentType: 'application/pdf', bytes: 10 } })).status).toBe(404);
    expect((await call(dealsApi, 'POST /api/deals/{id}/stage', { user: repA, pathParameters: { id: dealOfB.id }, body: { version: dealOfB.version, stage: 'qualification' } })).status).toBe(404);
    const merge = await call(contactsApi, 'POST /api/contacts/{id}/merge', {
      user: repA,
      pathParameters: { id: contactOfA.id },
      body: { duplicateId: contactOfB.id, version: contactOfA.version, duplicateVersion: contactOfB.version, take: [] },
    });
    // The duplicate is an id in the body: out of sight it answers as a made-up one (the reference guard).
    expect(merge.status).toBe(400);
    expect(merge.body.error.fields).toEqual([{ path: 'duplicateId', message: 'no such contact', code: 'not_found' }]);
    const twins = await call(accountsApi, 'GET /api/accounts/{id}/duplicates', { user: repA, pathParameters: { id: twinOfA.id } });
    expect(twins.body.items).toEqual([]);
    const link = await call(leadsApi, 'POST /api/leads/{leadId}/convert', { user: repA, pathParameters: { leadId: mine.id }, body: { version: mine.version, account: { id: accountOfB.id } } });
    expect(link.status).toBe(400);
    expect(link.body.error.fields[0].path).toBe('account.id');
    const task = await call(activitiesApi, 'POST /api/activities', { user: repA, body: { kind: 'task', subject: 'Позвонить', regarding: { type: 'deal', id: dealOfB.id } } });
    expect(task.status).toBe(400);
    expect(task.body.error.fields[0].path).toBe('regarding.id');
    expect(await allItems()).toEqual(before);

    // The same calls by whoever sees both sides do get through.
    // The shared tax id makes a strong match (REC-12), said with its evidence.
    await deriveIndex();
    expect((await call(accountsApi, 'GET /api/accounts/{id}/duplicates', { user: admin, pathParameters: { id: twinOfA.id } })).body.items).toEqual([
      expect.objectContaining({ record: expect.objectContaining({ id: accountOfB.id }), reasons: ['taxId'], strength: 'strong', evidence: [{ reason: 'taxId', strength: 'strong' }] }),
    ]);
    expect((await call(leadsApi, 'POST /api/leads/{leadId}/notes', { user: manager, ...onB, body: { text: 'Руководитель' } })).status).toBe(201);
  });
});

describe('bulk transfer of ownership', () => {
  it('a manager gives a leaving rep’s chosen records to a teammate, each change on its timeline; reps may not', async () => {
    const mk = (name: string) => call(accountsApi, 'POST /api/accounts', { user: repB, body: { name } }).then((r) => r.body as { id: string });
    const [one, two] = [await mk('ООО «Первая»'), await mk('ООО «Вторая»')];
    const outsider = (await call(accountsApi, 'POST /api/accounts', { user: repC, body: { name: 'ООО «Чужая команда»' } })).body;
    const send = (user: TestUser, toOwnerId: string, ids: string[]) => call(transfersApi, 'POST /api/{resource}/transfer', { user, pathParameters: { resource: 'accounts' }, body: { ids, toOwnerId } });

    expect((await send(repB, repA.sub, [one.id])).status).toBe(403);
    expect((await send(manager, repC.sub, [one.id])).status).toBe(403);
    const done = await send(manager, repA.sub, [one.id, two.id, outsider.id, one.id]);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({
      moved: 2,
      items: [
        { id: one.id, outcome: 'moved' },
        { id: two.id, outcome: 'moved' },
        { id: outsider.id, outcome: 'not_found' },
      ],
    });
    expect(ids((await call(accountsApi, 'GET /api/accounts', { user: repA })).body)).toEqual(expect.arrayContaining([one.id, two.id]));
    const timeline = (await call(accountsApi, 'GET /api/accounts/{id}/timeline', { user: manager, pathParameters: { id: one.id } })).body.items;
    expect(timeline[0].changes).toEqual([{ field: 'ownerId', from: repB.sub, to: repA.sub }]);
    expect((await send(manager, repA.sub, [one.id])).body.items).toEqual([{ id: one.id, outcome: 'unchanged' }]);
  });
});

describe('teams', () => {
  it('are set by admins only, naming known users, with optimistic locking', async () => {
    expect((await call(teamsApi, 'PUT /api/teams', { user: manager, body: { version: 1, teams: [] } })).status).toBe(403);
    const unknown = await call(teamsApi, 'PUT /api/teams', { user: admin, body: { version: 1, teams: [{ id: 'x', name: 'X', managerId: 'nobody', memberIds: [] }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['teams.0.managerId']);
    expect((await call(teamsApi, 'PUT /api/teams', { user: admin, body: { version: 0, teams: [] } })).status).toBe(409);
    expect((await call(teamsApi, 'GET /api/teams', { user: manager })).body).toMatchObject({ version: 1, teams: [{ id: 'moscow' }] });
    expect((await call(teamsApi, 'GET /api/teams', { user: repA })).status).toBe(403);
  });
});
