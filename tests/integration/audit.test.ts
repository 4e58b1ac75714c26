import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handler as auditApi } from '../../functions/audit/audit-api';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { handler as searchApi } from '../../functions/search/search-api';
import { handler as usersApi } from '../../functions/users/users-api';
import { envNames } from '../../shared/config/runtime-env';
import { putUser, setUserRoles } from '../../shared/data/users-repository';
import { admin, apiEvent, invoke, rep, type TestUser } from '../support/api-event';
import { auditItems, usageItems } from '../support/table-items';

/**
 * The audit trail (ACC-4): every signed-in call, allowed or refused, is written with who, what,
 * when and from where; admins browse and filter it, nobody else reads it; identical calls repeated
 * show in the usage view.
 */
const call = <T = any>(api: unknown, route: string, options: Omit<Parameters<typeof apiEvent>[0], 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));

let leadId: string;
beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
  leadId = (await call(leadsApi, 'POST /api/leads', { user: rep, body: { lastName: 'Аудитов', email: 'audit@client.example' } })).body.id;
});

describe('what goes on the trail', () => {
  it('a read of a record: who, which record, when, from where, allowed or not', async () => {
    await call(leadsApi, 'GET /api/leads/{leadId}', { user: rep, pathParameters: { leadId }, viewerIp: '198.51.100.23' });
    const entry = (await auditItems()).at(-1)!;
    expect(entry).toMatchObject({
      actor: { type: 'user', id: rep.sub, name: rep.email },
      action: 'read',
      subject: 'leads',
      recordId: leadId,
      route: 'GET /api/leads/{leadId}',
      outcome: 'allowed',
      sourceIp: '198.51.100.23',
    });
    expect(Date.now() - Date.parse(String(entry.at))).toBeLessThan(60_000);
  });

  it('refused calls too, and changes, lists and searches with their query', async () => {
    await call(auditApi, 'GET /api/audit', { user: rep });
    await call(leadsApi, 'PATCH /api/leads/{leadId}', { user: rep, pathParameters: { leadId }, body: { version: 1, topic: 'Проверка' } });
    await call(leadsApi, 'GET /api/leads', { user: rep, query: { status: 'new', limit: '25' } });
    await call(searchApi, 'GET /api/search', { user: rep, query: { q: 'Аудитов' } });
    const last = (await auditItems()).slice(-4);
    expect(last.map((e) => [e.action, e.subject, e.outcome])).toEqual([
      ['list', 'audit', 'denied'],
      ['update', 'leads', 'allowed'],
      ['list', 'leads', 'allowed'],
      ['search', 'search', 'allowed'],
    ]);
    expect(last[2]!.query).toEqual({ limit: '25', status: 'new' });
  });
});

describe('reading the trail', () => {
  it('admins filter it by user, subject and action, newest first, page by page', async () => {
    const mine = await call(auditApi, 'GET /api/audit', { user: admin, query: { actorId: rep.sub, subject: 'leads', limit: '2' } });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((e: { action: string }) => e.action)).toEqual(['list', 'update']);
    const next = await call(auditApi, 'GET /api/audit', { user: admin, query: { actorId: rep.sub, subject: 'leads', limit: '2', cursor: mine.body.nextCursor } });
    expect(next.body.items.map((e: { action: string }) => e.action)).toEqual(['read', 'create']);

    const reads = await call(auditApi, 'GET /api/audit', { user: admin, query: { action: 'search', limit: '1' } });
    expect(reads.body.items).toEqual([expect.objectContaining({ action: 'search', query: { q: 'Аудитов' } })]);
    const walked = await call(auditApi, 'GET /api/audit', { user: admin, query: { limit: '3' } });
    const rest = await call(auditApi, 'GET /api/audit', { user: admin, query: { limit: '100', cursor: walked.body.nextCursor } });
    const all = [...walked.body.items, ...rest.body.items];
    expect(new Set(all.map((e: { id: string }) => e.id)).size).toBe(all.length);
    expect(all.map((e: { at: string }) => e.at)).toEqual([...all.map((e: { at: string }) => e.at)].sort().reverse());
  });

  it('walks a day spread over its shards page by page, each entry once, newest first', async () => {
    const whole = (await call(auditApi, 'GET /api/audit', { user: admin, query: { limit: '100' } })).body.items as { id: string; at: string }[];
    expect(whole.length).toBeGreaterThan(8);
    const walked: { id: string; at: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(auditApi, 'GET /api/audit', { user: admin, query: { limit: '2', ...(cursor ? { cursor } : {}) } });
      expect(page.status).toBe(200);
      walked.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    // The walk's first call is on its own first page; the calls made while walking after it are not met.
    expect(walked.slice(1).map((e) => e.id)).toEqual(whole.map((e) => e.id));
    expect(walked.map((e) => e.at)).toEqual([...walked.map((e) => e.at)].sort().reverse());
    // The day's entries are spread over its shards (AUDIT#<day>#0..3), not one partition.
    expect(new Set((await auditItems()).map((e) => e.pk)).size).toBeGreaterThan(1);
  });

  it('refuses periods over 31 days and foreign cursors, naming the field', async () => {
    const long = await call(auditApi, 'GET /api/audit', { user: admin, query: { from: '2026-01-01', to: '2026-03-01' } });
    expect(long.status).toBe(400);
    expect(long.body.error.fields[0].path).toBe('query.to');
    expect((await call(auditApi, 'GET /api/audit', { user: admin, query: { cursor: 'bm9wZQ' } })).body.error.fields[0].path).toBe('cursor');
  });
});

describe('the usage view', () => {
  it('shows the same list asked for again and again by one user', async () => {
    for (let i = 0; i < 6; i++) await call(leadsApi, 'GET /api/leads', { user: rep, query: { channel: 'website' } });
    const usage = await call(auditApi, 'GET /api/audit/usage', { user: admin });
    // The one call made five times or more; those made fewer times are not a pattern.
    expect(usage.body.items).toEqual([expect.objectContaining({ actorId: rep.sub, route: 'GET /api/leads', query: { channel: 'website' }, count: 6 })]);
    expect((await call(auditApi, 'GET /api/audit/usage', { user: rep })).status).toBe(403);
  });

  it('counts a list once however many of its pages are read', async () => {
    const query = { channel: 'paged' };
    for (let i = 0; i < 5; i++) {
      await call(leadsApi, 'GET /api/leads', { user: rep, query });
      await call(leadsApi, 'GET /api/leads', { user: rep, query: { ...query, cursor: 'eyJ9' } });
    }
    const usage = await call(auditApi, 'GET /api/audit/usage', { user: admin });
    expect(usage.body.items).toContainEqual(expect.objectContaining({ route: 'GET /api/leads', query, count: 5 }));
  });
});

describe('a disabled user', () => {
  it('is refused from the next request on, until enabled again; only admins do it, not to themselves', async () => {
    const read = () => call(leadsApi, 'GET /api/leads/{leadId}', { user: rep, pathParameters: { leadId } });
    expect((await read()).status).toBe(200);
    expect((await call(usersApi, 'POST /api/users/{userId}/disable', { user: rep, pathParameters: { userId: admin.sub } })).status).toBe(403);
    expect((await call(usersApi, 'POST /api/users/{userId}/disable', { user: admin, pathParameters: { userId: admin.sub } })).status).toBe(422);
    const disabled = await call(usersApi, 'POST /api/users/{userId}/disable', { user: admin, pathParameters: { userId: rep.sub } });
    expect(disabled.body).toMatchObject({ id: rep.sub, disabledAt: expect.any(String) });

    const refused = await read();
    expect(refused.status).toBe(401);
    expect(Object.keys(refused.body)).toEqual(['error']);
    // Signing in again does not undo it.
    expect((await call(usersApi, 'POST /api/session', { user: rep })).status).toBe(401);
    expect((await call(usersApi, 'POST /api/users/{userId}/enable', { user: admin, pathParameters: { userId: rep.sub } })).body.disabledAt).toBeUndefined();
    expect((await read()).status).toBe(200);
    expect((await call(usersApi, 'POST /api/users/{userId}/disable', { user: admin, pathParameters: { userId: 'nobody' } })).status).toBe(404);
  });
});

describe('a caller refused for their standing', () => {
  // Reads check the standing on an eventually consistent read, changes in their audit transaction (ADR 0014): both refuse.
  it('disabled: the next read and the next change are refused, nothing changes, and both are on the trail as denied', async () => {
    const user: TestUser = { sub: 'user-standing-rep', email: 'standing@example.com', groups: ['sales-rep'] };
    await putUser({ id: user.sub, email: user.email, roles: ['sales-rep'] });
    const created = await call(leadsApi, 'POST /api/leads', { user, body: { lastName: 'Отключённов', email: 'otkl@client.example' } });
    expect(created.status).toBe(201);
    const lead = created.body;
    expect((await call(usersApi, 'POST /api/users/{userId}/disable', { user: admin, pathParameters: { userId: user.sub } })).status).toBe(200);

    expect((await call(leadsApi, 'GET /api/leads/{leadId}', { user, pathParameters: { leadId: lead.id } })).status).toBe(401);
    expect((await call(leadsApi, 'GET /api/leads', { user })).status).toBe(401);
    const change = await call(leadsApi, 'PATCH /api/leads/{leadId}', { user, pathParameters: { leadId: lead.id }, body: { version: lead.version, topic: 'После отключения' } });
    expect(change.status).toBe(401);
    const after = await call(leadsApi, 'GET /api/leads/{leadId}', { user: admin, pathParameters: { leadId: lead.id } });
    expect(after.status).toBe(200);
    expect(after.body.topic).toBeUndefined();

    const trail = (await auditItems()).filter((e) => (e.actor as { id: string }).id === user.sub).slice(-3);
    expect(trail.map((e) => [e.route, e.outcome])).toEqual([
      ['GET /api/leads/{leadId}', 'denied'],
      ['GET /api/leads', 'denied'],
      ['PATCH /api/leads/{leadId}', 'denied'],
    ]);
  });

  it('demoted: a token with the roles of before is refused for a read and for a change', async () => {
    const user: TestUser = { sub: 'user-standing-manager', email: 'demoted@example.com', groups: ['sales-manager'] };
    await putUser({ id: user.sub, email: user.email, roles: ['sales-manager'] });
    const created = await call(leadsApi, 'POST /api/leads', { user, body: { lastName: 'Понижённов', email: 'ponizh@client.example' } });
    expect(created.status).toBe(201);
    const lead = created.body;
    // As an admin changing roles does it (users-api writes Cognito first; the directory is what the API checks).
    expect(await setUserRoles(user.sub, ['sales-rep'], new Date())).toBe(true);

    const refusedRead = await call(leadsApi, 'GET /api/leads/{leadId}', { user, pathParameters: { leadId: lead.id } });
    expect(refusedRead.status).toBe(401);
    expect(refusedRead.body.error.code).toBe('session_stale');
    const refusedChange = await call(leadsApi, 'PATCH /api/leads/{leadId}', { user, pathParameters: { leadId: lead.id }, body: { version: lead.version, topic: 'Старый токен' } });
    expect(refusedChange.status).toBe(401);
    expect(refusedChange.body.error.code).toBe('session_stale');
    // A token with the new roles is served at once.
    const fresh: TestUser = { ...user, groups: ['sales-rep'] };
    expect((await call(leadsApi, 'GET /api/leads/{leadId}', { user: fresh, pathParameters: { leadId: lead.id } })).status).toBe(200);
  });
});

describe('retention', () => {
  afterEach(() => {
    delete process.env[envNames.auditRetentionDays];
  });

  it('is the client’s setting: entries and usage counters expire that many days after the call', async () => {
    process.env[envNames.auditRetentionDays] = '30';
    await call(leadsApi, 'GET /api/leads', { user: rep, query: { channel: 'retention' } });
    const entry = (await auditItems()).at(-1)!;
    expect(entry.expiresAt).toBe(Math.floor(Date.parse(String(entry.at)) / 1000) + 30 * 86_400);
    const counter = (await usageItems()).find((u) => (u.query as Record<string, string>).channel === 'retention')!;
    expect(counter.expiresAt).toBe(entry.expiresAt);
  });

  it('is 400 days by default', async () => {
    await call(leadsApi, 'GET /api/leads/{leadId}', { user: rep, pathParameters: { leadId } });
    const entry = (await auditItems()).at(-1)!;
    expect(entry.expiresAt).toBe(Math.floor(Date.parse(String(entry.at)) / 1000) + 400 * 86_400);
  });
});
