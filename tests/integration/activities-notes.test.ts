import { beforeAll, describe, expect, it } from 'vitest';
import { handler as activitiesApi } from '../../functions/activities/activities-api';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as dealsApi } from '../../functions/deals/deals-api';
import { putUser } from '../../shared/data/users-repository';
import type { Activity } from '../../shared/domain/activities/activity';
import { admin, apiEvent, invoke, rep } from '../support/api-event';

/** Activities (REC-7) and notes on the timeline (REC-8). */
type Options = Parameters<typeof apiEvent>[0];
const call = <T = any>(api: unknown, route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));
const paths = (res: { body: { error?: { fields?: { path: string }[] } } }) => (res.body.error?.fields ?? []).map((f) => f.path).sort();
const timelineOf = async (api: unknown, resource: string, id: string) =>
  (await call<{ items: { kind: string; note?: string; data?: Record<string, unknown> }[] }>(api, `GET /api/${resource}/{id}/timeline`, { pathParameters: { id } })).body.items;

let dealId: string;
let contactId: string;

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
  dealId = (await call(dealsApi, 'POST /api/deals', { body: { title: 'Сделка с делами' } })).body.id;
  contactId = (await call(contactsApi, 'POST /api/contacts', { body: { lastName: 'Звонков' } })).body.id;
});

describe('activities', () => {
  it('are planned about a record, show on its timeline and list under it', async () => {
    const call1 = await call<Activity>(activitiesApi, 'POST /api/activities', {
      body: { kind: 'call', subject: 'Уточнить бюджет', regarding: { type: 'deal', id: dealId }, dueAt: '2026-11-24T15:00:00+03:00', reminderAt: '2026-11-24T14:45:00+03:00', durationMinutes: 30 },
    });
    expect(call1.status).toBe(201);
    expect(call1.body).toMatchObject({ status: 'open', ownerId: rep.sub });
    expect((await timelineOf(dealsApi, 'deals', dealId))[0]).toMatchObject({ kind: 'activity', data: { activityId: call1.body.id, activityKind: 'call', status: 'open', subject: 'Уточнить бюджет' } });
    const listed = await call<{ items: Activity[] }>(activitiesApi, 'GET /api/activities', { query: { parentType: 'deal', parentId: dealId } });
    expect(listed.body.items.map((a) => a.id)).toEqual([call1.body.id]);
    expect((await call(activitiesApi, 'GET /api/activities', { query: { parentId: dealId } })).body.error.fields[0].path).toBe('parentType');
  });

  it('a call is done only with its outcome and the next step agreed; done shows on the timeline', async () => {
    const planned = (await call<Activity>(activitiesApi, 'POST /api/activities', { body: { kind: 'meeting', subject: 'Демонстрация', regarding: { type: 'contact', id: contactId } } })).body;
    const bare = await call(activitiesApi, 'PATCH /api/activities/{id}', { pathParameters: { id: planned.id }, body: { version: 1, status: 'done' } });
    expect(bare.status).toBe(422);
    expect(paths(bare)).toEqual(['nextStep', 'outcome']);
    const done = await call<Activity>(activitiesApi, 'PATCH /api/activities/{id}', { pathParameters: { id: planned.id }, body: { version: 1, status: 'done', outcome: 'Понравилось', nextStep: 'Отправить КП до пятницы' } });
    expect(done.body).toMatchObject({ status: 'done', completedAt: expect.any(String) });
    const entries = await timelineOf(contactsApi, 'contacts', contactId);
    expect(entries.filter((e) => e.kind === 'activity').map((e) => e.data?.status)).toEqual(['done', 'open']);
  });

  it('refuse a missing record, a reminder after the due time, a changed subject record', async () => {
    const missing = await call(activitiesApi, 'POST /api/activities', { body: { kind: 'task', subject: 'x', regarding: { type: 'account', id: '01JZZZZZZZZZZZZZZZZZZZZZZZ' } } });
    expect(paths(missing)).toEqual(['regarding.id']);
    const late = await call(activitiesApi, 'POST /api/activities', { body: { kind: 'task', subject: 'x', regarding: { type: 'deal', id: dealId }, dueAt: '2026-11-24T10:00:00Z', reminderAt: '2026-11-24T11:00:00Z' } });
    expect(paths(late)).toEqual(['reminderAt']);
    const task = (await call<Activity>(activitiesApi, 'POST /api/activities', { body: { kind: 'task', subject: 'Задача', regarding: { type: 'deal', id: dealId } } })).body;
    const moved = await call(activitiesApi, 'PATCH /api/activities/{id}', { pathParameters: { id: task.id }, body: { version: 1, regarding: { type: 'contact', id: contactId } } });
    expect(paths(moved)).toContain('regarding');
  });
});

describe('notes', () => {
  it('add text to a record timeline without changing the record', async () => {
    const res = await call(dealsApi, 'POST /api/deals/{id}/notes', { pathParameters: { id: dealId }, body: { text: 'Клиент просил перезвонить после праздников' } });
    expect(res.status).toBe(201);
    expect((await timelineOf(dealsApi, 'deals', dealId))[0]).toMatchObject({ kind: 'note', note: 'Клиент просил перезвонить после праздников' });
    expect((await call(dealsApi, 'GET /api/deals/{id}', { pathParameters: { id: dealId } })).body.version).toBe(1);
    expect((await call(contactsApi, 'POST /api/contacts/{id}/notes', { pathParameters: { id: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }, body: { text: 'x' } })).status).toBe(404);
    expect((await call(contactsApi, 'POST /api/contacts/{id}/notes', { pathParameters: { id: contactId }, body: { text: '  ' } })).status).toBe(400);
  });
});
