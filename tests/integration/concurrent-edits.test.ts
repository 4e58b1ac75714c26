import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as activitiesApi } from '../../functions/activities/activities-api';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as dealsApi } from '../../functions/deals/deals-api';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { handler as productsApi } from '../../functions/products/products-api';
import { putUser } from '../../shared/data/users-repository';
import { admin, apiEvent, invoke, type TestUser } from '../support/api-event';

/**
 * Optimistic locking on every record type: two edits of the same version sent at once, one wins
 * and the other gets 409 with the current version; the loser's change is not written.
 */
const call = (api: unknown, route: string, options: Omit<Parameters<typeof apiEvent>[0], 'route'> = {}) => invoke(api, apiEvent({ route, ...options }));

/** The catalog is kept by sales managers; the rest are the rep's own records (the harness's default user). */
const catalogManager: TestUser = { sub: 'user-catalog-manager', email: 'catalog@example.com', groups: ['sales-manager'] };

let accountId: string;
beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  accountId = (await call(accountsApi, 'POST /api/accounts', { body: { name: 'ООО «Гонка»' } })).body.id;
});

const types = [
  { resource: 'leads', param: 'leadId', api: leadsApi, create: () => ({ lastName: 'Гонкин', email: 'gonkin@example.ru' }), edit: (n: number) => ({ topic: `Правка ${n}` }), field: 'topic' },
  { resource: 'accounts', param: 'id', api: accountsApi, create: () => ({ name: 'ООО «Две правки»' }), edit: (n: number) => ({ industry: `Правка ${n}` }), field: 'industry' },
  { resource: 'contacts', param: 'id', api: contactsApi, create: () => ({ lastName: 'Правкин' }), edit: (n: number) => ({ jobTitle: `Правка ${n}` }), field: 'jobTitle' },
  { resource: 'deals', param: 'id', api: dealsApi, create: () => ({ title: 'Сделка наперегонки' }), edit: (n: number) => ({ needs: `Правка ${n}` }), field: 'needs' },
  {
    resource: 'products',
    param: 'id',
    api: productsApi,
    user: catalogManager,
    create: () => ({ sku: `RACE-${Date.now()}`, name: 'Гонка', kind: 'service', unit: 'шт', price: { amount: 10, currency: 'RUB' }, vatRate: 20 }),
    edit: (n: number) => ({ description: `Правка ${n}` }),
    field: 'description',
  },
  {
    resource: 'activities',
    param: 'id',
    api: activitiesApi,
    create: () => ({ kind: 'task', subject: 'Гонка', regarding: { type: 'account', id: accountId } }),
    edit: (n: number) => ({ description: `Правка ${n}` }),
    field: 'description',
  },
] as const;

describe('two edits of one version', () => {
  for (const type of types) {
    it(`${type.resource}: one wins, the other gets 409, and only the winner's value is stored`, async () => {
      const user = 'user' in type ? type.user : undefined;
      const created = await call(type.api, `POST /api/${type.resource}`, { body: type.create(), user });
      expect(created.status).toBe(201);
      const route = `PATCH /api/${type.resource}/{${type.param}}`;
      const pathParameters = { [type.param]: created.body.id as string };
      const results = await Promise.all([1, 2].map((n) => call(type.api, route, { pathParameters, body: { version: 1, ...type.edit(n) }, user })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
      const winner = results.find((r) => r.status === 200)!;
      const stored = await call(type.api, `GET /api/${type.resource}/{${type.param}}`, { pathParameters, user });
      expect(stored.body).toMatchObject({ version: 2, [type.field]: winner.body[type.field] });
    });
  }
});
