import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as activitiesApi } from '../../functions/activities/activities-api';
import { handler as dealsApi } from '../../functions/deals/deals-api';
import { handler as portalApi } from '../../functions/portal/portal-api';
import { putUser } from '../../shared/data/users-repository';
import { admin, apiEvent, invoke, type TestUser } from '../support/api-event';

/**
 * The client portal (ACC-3): a portal user of account X sees X's deals — stage, planned actions,
 * who is responsible — and nothing else: another account's deal is "not found", staff routes are
 * closed to them.
 */
const call = <T = any>(api: unknown, route: string, options: Omit<Parameters<typeof apiEvent>[0], 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));

let client: TestUser;
let dealOfX: { id: string; version: number };
let dealOfY: { id: string };

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, name: 'Анна Менеджерова', roles: ['admin'] });
  // The admin is the accounts' seller here: the portal names them as responsible.
  const x = (await call(accountsApi, 'POST /api/accounts', { user: admin, body: { name: 'ООО «Икс»' } })).body;
  const y = (await call(accountsApi, 'POST /api/accounts', { user: admin, body: { name: 'ООО «Игрек»' } })).body;
  dealOfX = (await call(dealsApi, 'POST /api/deals', { user: admin, body: { title: 'Поставка для Икс', accountId: x.id, amount: { amount: 250000, currency: 'RUB' }, needs: 'Внутреннее: торговаться до 10%' } })).body;
  dealOfY = (await call(dealsApi, 'POST /api/deals', { user: admin, body: { title: 'Поставка для Игрек', accountId: y.id } })).body;
  await call(activitiesApi, 'POST /api/activities', { user: admin, body: { kind: 'meeting', subject: 'Презентация решения', dueAt: '2026-12-01T10:00:00.000Z', regarding: { type: 'deal', id: dealOfX.id } } });
  await call(activitiesApi, 'POST /api/activities', { user: admin, body: { kind: 'call', subject: 'Уточнить бюджет', dueAt: '2026-11-28T09:00:00.000Z', regarding: { type: 'deal', id: dealOfX.id } } });
  client = { sub: 'portal-x', email: 'buyer@x.example', groups: ['portal-user'], accountId: x.id };
  await putUser({ id: client.sub, email: client.email, roles: ['portal-user'], accountId: x.id });
});

describe('the portal', () => {
  it('shows the own account’s deals with stage, planned actions and who is responsible — and nothing internal', async () => {
    const res = await call(portalApi, 'GET /api/portal/deals', { user: client });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id: dealOfX.id,
        title: 'Поставка для Икс',
        stage: { id: expect.any(String), name: expect.any(String), outcome: 'open' },
        amount: { amount: 250000, currency: 'RUB' },
        responsible: { name: 'Анна Менеджерова', email: admin.email },
        nextActions: [
          { kind: 'call', subject: 'Уточнить бюджет', dueAt: '2026-11-28T09:00:00.000Z' },
          { kind: 'meeting', subject: 'Презентация решения', dueAt: '2026-12-01T10:00:00.000Z' },
        ],
        updatedAt: expect.any(String),
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('торговаться');
    expect((await call(portalApi, 'GET /api/portal/deals/{id}', { user: client, pathParameters: { id: dealOfX.id } })).body.id).toBe(dealOfX.id);
  });

  it('answers another account’s deal, and a made-up id, as not found', async () => {
    for (const id of [dealOfY.id, '01JZZZZZZZZZZZZZZZZZZZZZZZ']) {
      const res = await call(portalApi, 'GET /api/portal/deals/{id}', { user: client, pathParameters: { id } });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: 'Deal not found' } });
    }
  });

  it('is closed to the staff API, and to a portal user with no account', async () => {
    expect((await call(dealsApi, 'GET /api/deals/{id}', { user: client, pathParameters: { id: dealOfX.id } })).status).toBe(403);
    expect((await call(dealsApi, 'GET /api/deals', { user: client })).status).toBe(403);
    const orphan: TestUser = { sub: 'portal-none', email: 'nobody@z.example', groups: ['portal-user'] };
    expect((await call(portalApi, 'GET /api/portal/deals', { user: orphan })).status).toBe(404);
  });
});
