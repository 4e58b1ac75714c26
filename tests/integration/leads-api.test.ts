import { defaultMigrationContext } from '../../shared/migrations/context';
import { recordListShards } from '../../shared/migrations/0004-record-list-shards';
import { runMigrations } from '../../shared/migrations/runner';
import { recordShard } from '../../shared/data/keys';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { rejectLeadRoute as rejectLead } from '../../functions/leads/reject-lead';
import { putUser } from '../../shared/data/users-repository';
import type { Lead } from '../../shared/domain/leads/lead';
import { admin, apiEvent, invoke, rep, type TestUser } from '../support/api-event';
import { byEntity, putRecordItem, recordItems } from '../support/table-items';

// The lead routes run on the records kit (ADR 0020): the resource's router holds them.
const createLead = leadsApi.routes['POST /api/leads']!;
const getLead = leadsApi.routes['GET /api/leads/{leadId}']!;
const listLeads = leadsApi.routes['GET /api/leads']!;
const timeline = leadsApi.routes['GET /api/leads/{leadId}/timeline']!;
const updateLead = leadsApi.routes['PATCH /api/leads/{leadId}']!;

const create = (body: unknown, user = rep) => invoke<Lead>(createLead, apiEvent({ method: 'POST', path: '/api/leads', body, user }));
const patch = (id: string, body: unknown) =>
  invoke<Lead>(updateLead, apiEvent({ method: 'PATCH', path: `/api/leads/${id}`, pathParameters: { leadId: id }, body }));
const list = (query: Record<string, string>, user = rep) => invoke<{ items: Lead[]; nextCursor?: string }>(listLeads, apiEvent({ path: '/api/leads', query, user }));

const ivanov = {
  lastName: 'Иванов',
  firstName: 'Иван',
  middleName: 'Петрович',
  company: 'ООО «Ромашка»',
  email: 'Ivanov@Romashka.ru',
  phone: '+7 (912) 345-67-89',
  topic: 'Внедрение CRM',
  budget: { amount: 1500000, currency: 'RUB' },
  source: { channel: 'event', campaign: 'Выставка 2026' },
};

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
});

describe('create', () => {
  it('creates a lead with its history entry and event in one go', async () => {
    const res = await create(ivanov);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ lastName: 'Иванов', email: 'ivanov@romashka.ru', status: 'new', ownerId: rep.sub, version: 1 });
    // Stored in E.164, shown as it was typed (REC-11).
    expect([res.body.phone, res.body.phoneTyped]).toEqual(['+79123456789', '+7 (912) 345-67-89']);
    const items = (await recordItems()).filter((i) => String(i.pk) === `LEAD#${res.body.id}`);
    expect(byEntity(items, 'LEAD')).toHaveLength(1);
    expect(byEntity(items, 'HISTORY')).toMatchObject([{ kind: 'created', events: [{ type: 'LeadCreated', source: 'crm.leads' }] }]);
  });

  it.each([
    [{ ...ivanov, email: 'not-an-email' }, 'email'],
    [{ ...ivanov, phone: '12' }, 'phone'],
    [{ email: 'a@b.ru' }, 'lastName'],
    [{ lastName: 'Петров' }, 'email'],
    [{ ...ivanov, budget: { amount: -5, currency: 'RUB' } }, 'budget.amount'],
    [{ ...ivanov, ownerRole: 'admin' }, 'ownerRole'],
    // Giving a lead to someone else is for who may transfer (SAL-12): an admin here.
    [{ ...ivanov, ownerId: 'nobody' }, 'ownerId', admin],
    [{ ...ivanov, source: { channel: 'carrier-pigeon' } }, 'source.channel'],
  ] as [unknown, string, TestUser?][])('refuses %j naming the field, writing nothing', async (body, field, user = rep) => {
    const before = (await recordItems()).length;
    const res = await create(body, user);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect((await recordItems()).length).toBe(before);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await invoke(createLead, apiEvent({ method: 'POST', path: '/api/leads', rawBody: '{"lastName":', headers: { 'content-type': 'application/json' } }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('body');
  });

  it('refuses a caller without a verified identity', async () => {
    const res = await invoke(createLead, apiEvent({ method: 'POST', path: '/api/leads', body: ivanov, user: null }));
    expect(res.status).toBe(401);
  });
});

describe('read and list', () => {
  it('reads a lead and answers 404 for an unknown or malformed id', async () => {
    const { body: lead } = await create({ ...ivanov, email: 'read@example.com' });
    expect((await invoke(getLead, apiEvent({ route: 'GET /api/leads/{leadId}', pathParameters: { leadId: lead.id } }))).body).toEqual(lead);
    expect((await invoke(getLead, apiEvent({ route: 'GET /api/leads/{leadId}', pathParameters: { leadId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' } }))).status).toBe(404);
    const bad = await invoke(getLead, apiEvent({ route: 'GET /api/leads/{leadId}', pathParameters: { leadId: 'x' } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('path.leadId');
  });

  it('pages with a cursor, sorts by creation and filters by status, owner and channel', async () => {
    // A rep of their own, so the other tests' leads stay out of these pages.
    const pager: TestUser = { sub: 'user-rep-pager', email: 'pager@example.com', groups: ['sales-rep'] };
    await putUser({ id: pager.sub, email: pager.email, roles: ['sales-rep'] });
    const mine: Lead[] = [];
    for (let i = 0; i < 5; i++) mine.push((await create({ lastName: `Пагинация ${i}`, email: `page${i}@example.com`, source: { channel: 'referral' } }, pager)).body);

    const first = await list({ ownerId: pager.sub, limit: '2' }, pager);
    expect(first.body.items.map((l) => l.lastName)).toEqual(['Пагинация 4', 'Пагинация 3']);
    const second = await list({ ownerId: pager.sub, limit: '2', cursor: first.body.nextCursor! }, pager);
    expect(second.body.items.map((l) => l.lastName)).toEqual(['Пагинация 2', 'Пагинация 1']);

    const ascending = await list({ ownerId: pager.sub, sort: 'createdAt', limit: '10' }, pager);
    expect(ascending.body.items.map((l) => l.id)).toEqual(mine.map((l) => l.id));

    const referrals = await list({ channel: 'referral', limit: '100' }, pager);
    expect(referrals.body.items.every((l) => l.source.channel === 'referral')).toBe(true);
    expect(referrals.body.items).toHaveLength(5);

    await invoke(rejectLead, apiEvent({ route: 'POST /api/leads/{leadId}/reject', pathParameters: { leadId: mine[0]!.id }, body: { version: 1, reason: 'no-budget' }, user: pager }));
    const rejected = await list({ status: 'rejected', ownerId: pager.sub, limit: '10' }, pager);
    expect(rejected.body.items.map((l) => l.id)).toEqual([mine[0]!.id]);
  });

  it('refuses a forged cursor and an out-of-range limit', async () => {
    const forged = await list({ cursor: Buffer.from('{"pk":"USER#x","sk":"PROFILE"}').toString('base64url') });
    expect(forged.status).toBe(400);
    expect(forged.body.error.fields[0].path).toBe('cursor');
    const limit = await list({ limit: '1000' });
    expect(limit.status).toBe(400);
    expect(limit.body.error.fields[0].path).toBe('query.limit');
  });
});

describe('a lead stored before leads ran on the records kit (ADR 0020)', () => {
  it('reads, lists and edits as before once its list keys are spread (migration 0004), its item gaining no name index', async () => {
    // As leads-repository wrote it: the item key, the collection, by owner and by status; no gsi4 or gsi5.
    const id = '01K0PREK1T0000000000000000';
    const at = '2026-01-15T08:00:00.000Z';
    const stored = { id, lastName: 'Старожилов', email: 'old@example.ru', ownerId: rep.sub, status: 'new', source: { channel: 'phone' }, submissionCount: 0, createdAt: at, createdBy: rep.sub, updatedAt: at, version: 1 };
    const keys = { pk: `LEAD#${id}`, sk: 'LEAD', entity: 'LEAD', gsi1pk: 'LEADS', gsi1sk: `${at}#${id}`, gsi2pk: `LEADS#OWNER#${rep.sub}`, gsi2sk: `${at}#${id}`, gsi3pk: 'LEADS#STATUS#new', gsi3sk: `${at}#${id}` };
    await putRecordItem({ ...keys, ...stored });
    await runMigrations({ migrations: [recordListShards], context: defaultMigrationContext });
    const shard = recordShard(id, 4);
    const spread = { ...keys, gsi1pk: `LEADS#${shard}`, gsi2pk: `LEADS#OWNER#${rep.sub}#${shard}`, gsi3pk: `LEADS#STATUS#new#${shard}` };

    expect((await invoke<Lead>(getLead, apiEvent({ path: `/api/leads/${id}`, pathParameters: { leadId: id } }))).body).toEqual(stored);
    expect((await list({ status: 'new', channel: 'phone', limit: '100' })).body.items.map((l) => l.id)).toContain(id);
    expect((await list({ ownerId: rep.sub, limit: '100' })).body.items.map((l) => l.id)).toContain(id);

    const edited = await patch(id, { version: 1, status: 'in-progress' });
    expect(edited.body).toMatchObject({ id, status: 'in-progress', version: 2 });
    const item = (await recordItems()).find((i) => i.pk === `LEAD#${id}` && i.sk === 'LEAD')!;
    const layout = Object.fromEntries(Object.entries(item).filter(([key]) => key === 'pk' || key === 'sk' || key === 'entity' || key.startsWith('gsi')));
    expect(layout).toEqual({ ...spread, gsi3pk: `LEADS#STATUS#in-progress#${shard}` });
  });
});

describe('update with optimistic locking', () => {
  it('applies a change, bumps the version and records old → new on the timeline', async () => {
    const { body: lead } = await create({ ...ivanov, email: 'update@example.com' });
    const res = await patch(lead.id, { version: 1, qualification: 'hot', phone: '+7 912 000-00-00', status: 'in-progress' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ qualification: 'hot', status: 'in-progress', version: 2 });

    const entries = await invoke(timeline, apiEvent({ route: 'GET /api/leads/{leadId}/timeline', pathParameters: { leadId: lead.id } }));
    expect(entries.body.items[0]).toMatchObject({ kind: 'updated', actor: { type: 'user', id: rep.sub } });
    expect(entries.body.items[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'qualification', to: 'hot' },
        { field: 'phone', from: '+79123456789', to: '+79120000000' },
        { field: 'status', from: 'new', to: 'in-progress' },
      ]),
    );
    expect(entries.body.items[1]).toMatchObject({ kind: 'created' });
  });

  it('answers 409 with the current version to a stale edit and changes nothing', async () => {
    const { body: lead } = await create({ ...ivanov, email: 'stale@example.com' });
    await patch(lead.id, { version: 1, topic: 'Первое изменение' });
    const before = await recordItems();
    const res = await patch(lead.id, { version: 1, topic: 'Устаревшее изменение' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect(await recordItems()).toHaveLength(before.length);
    expect((await invoke<Lead>(getLead, apiEvent({ route: 'GET /api/leads/{leadId}', pathParameters: { leadId: lead.id } }))).body.topic).toBe('Первое изменение');
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const { body: lead } = await create({ ...ivanov, email: 'race@example.com' });
    const results = await Promise.all([patch(lead.id, { version: 1, topic: 'A' }), patch(lead.id, { version: 1, topic: 'B' })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body;
    const stored = (await invoke<Lead>(getLead, apiEvent({ route: 'GET /api/leads/{leadId}', pathParameters: { leadId: lead.id } }))).body;
    expect(stored).toMatchObject({ topic: winner.topic, version: 2 });
    const entries = await invoke(timeline, apiEvent({ route: 'GET /api/leads/{leadId}/timeline', pathParameters: { leadId: lead.id } }));
    expect(entries.body.items.filter((e: { kind: string }) => e.kind === 'updated')).toHaveLength(1);
  });

  it('refuses an empty change, a terminal status and unknown fields', async () => {
    const { body: lead } = await create({ ...ivanov, email: 'refuse@example.com' });
    expect((await patch(lead.id, { version: 1 })).status).toBe(400);
    expect((await patch(lead.id, { version: 1, status: 'converted' })).body.error.fields[0].path).toBe('status');
    expect((await patch(lead.id, { version: 1, createdBy: 'me' })).status).toBe(400);
    expect((await patch(lead.id, { topic: 'no version' })).body.error.fields[0].path).toBe('version');
  });
});

describe('reject', () => {
  it('records the stage and reason, and a rejected lead can no longer be edited', async () => {
    const { body: lead } = await create({ ...ivanov, email: 'reject@example.com' });
    await patch(lead.id, { version: 1, status: 'qualified' });
    const res = await invoke<Lead>(rejectLead, apiEvent({ route: 'POST /api/leads/{leadId}/reject', pathParameters: { leadId: lead.id }, body: { version: 2, reason: 'chose-competitor', comment: 'Выбрали другого поставщика' } }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', rejection: { stage: 'qualified', reason: 'chose-competitor', by: rep.sub }, version: 3 });

    const again = await invoke(rejectLead, apiEvent({ route: 'POST /api/leads/{leadId}/reject', pathParameters: { leadId: lead.id }, body: { version: 3, reason: 'spam' } }));
    expect(again.status).toBe(422);
    expect((await patch(lead.id, { version: 3, topic: 'x' })).status).toBe(422);

    const entries = await invoke(timeline, apiEvent({ route: 'GET /api/leads/{leadId}/timeline', pathParameters: { leadId: lead.id } }));
    expect(entries.body.items[0]).toMatchObject({ kind: 'rejected', note: 'Выбрали другого поставщика', data: { stage: 'qualified', reason: 'chose-competitor' } });
  });

  it('refuses an unknown reason', async () => {
    const { body: lead } = await create({ ...ivanov, email: 'reason@example.com' });
    const res = await invoke(rejectLead, apiEvent({ route: 'POST /api/leads/{leadId}/reject', pathParameters: { leadId: lead.id }, body: { version: 1, reason: 'moon-phase' } }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('reason');
  });
});

describe('timeline', () => {
  it('pages newest first and answers 404 for an unknown lead', async () => {
    const { body: lead } = await create({ ...ivanov, email: 'timeline@example.com' });
    let version = 1;
    for (const topic of ['один', 'два', 'три']) version = (await patch(lead.id, { version, topic })).body.version;
    const page1 = await invoke(timeline, apiEvent({ route: 'GET /api/leads/{leadId}/timeline', pathParameters: { leadId: lead.id }, query: { limit: '2' } }));
    expect(page1.body.items.map((e: { changes: { to: string }[] }) => e.changes[0]!.to)).toEqual(['три', 'два']);
    const page2 = await invoke(timeline, apiEvent({ route: 'GET /api/leads/{leadId}/timeline', pathParameters: { leadId: lead.id }, query: { limit: '2', cursor: page1.body.nextCursor } }));
    expect(page2.body.items.map((e: { kind: string }) => e.kind)).toEqual(['updated', 'created']);
    expect(page2.body.items.some((e: object) => 'events' in e)).toBe(false);
    expect((await invoke(timeline, apiEvent({ route: 'GET /api/leads/{leadId}/timeline', pathParameters: { leadId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' } }))).status).toBe(404);
  });
});

describe('the edge', () => {
  it('refuses, reading and writing nothing, a signed-in call that went around CloudFront to the execute-api endpoint', async () => {
    const before = (await recordItems()).length;
    for (const event of [
      apiEvent({ throughEdge: false }),
      apiEvent({ throughEdge: false, headers: { 'x-crm-edge-secret': 'test-edge-secreT' } }),
      apiEvent({ method: 'POST', body: { ...ivanov, email: 'around@example.com' }, throughEdge: false }),
    ]) {
      const res = await invoke(event.body ? createLead : listLeads, event);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: { code: 'forbidden', message: "Call the API at the app's own address" } });
    }
    expect((await recordItems()).length).toBe(before);
  });
});
