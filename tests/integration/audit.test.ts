import { beforeAll, describe, expect, it } from 'vitest';
import { handler as auditApi } from '../../functions/audit/audit-api';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { handler as searchApi } from '../../functions/search/search-api';
import { handler as usersApi } from '../../functions/users/users-api';
import { putUser } from '../../shared/data/users-repository';
import { admin, apiEvent, invoke, rep } from '../support/api-event';
import { auditItems } from '../support/table-items';

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
