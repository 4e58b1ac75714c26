import { recordShard } from '../../shared/data/keys';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as dealsApi } from '../../functions/deals/deals-api';
import { handler as pipelinesApi } from '../../functions/pipelines/pipelines-api';
import { handler as productsApi } from '../../functions/products/products-api';
import { putUser } from '../../shared/data/users-repository';
import type { Deal } from '../../shared/domain/deals/deal';
import type { Product } from '../../shared/domain/products/product';
import { admin, apiEvent, invoke, rep, type TestUser } from '../support/api-event';
import { recordItems } from '../support/table-items';

/** Catalog (REC-6), deals with order lines (REC-4), pipelines and stage rules (REC-10). */
type Options = Parameters<typeof apiEvent>[0];
const call = <T = any>(api: unknown, route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));
/** The catalog is kept by sales managers; deals are the rep's (the harness's default user). */
const catalogManager: TestUser = { sub: 'user-catalog-manager', email: 'catalog@example.com', groups: ['sales-manager'] };
const createProduct = (body: unknown) => call<Product>(productsApi, 'POST /api/products', { body, user: catalogManager });
const createDeal = (body: unknown) => call<Deal>(dealsApi, 'POST /api/deals', { body });
const updateDeal = (id: string, body: unknown) => call<Deal>(dealsApi, 'PATCH /api/deals/{id}', { pathParameters: { id }, body });
const moveDeal = (id: string, body: unknown) => call<Deal>(dealsApi, 'POST /api/deals/{id}/stage', { pathParameters: { id }, body });
const fieldsOf = (res: { body: { error?: { fields?: { path: string }[] } } }) => res.body.error?.fields?.map((f) => f.path) ?? [];

let licence: Product;
let setup: Product;
let boxed: Product;
let accountId: string;
let contactId: string;

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
  licence = (await createProduct({ sku: 'CRM-LIC-1Y', name: 'Лицензия CRM, 1 год', kind: 'service', unit: 'шт', price: { amount: 12000, currency: 'RUB' }, vatRate: 20 })).body;
  setup = (await createProduct({ sku: 'CRM-SETUP', name: 'Внедрение', kind: 'service', unit: 'час', price: { amount: 3500, currency: 'RUB' }, vatRate: 20, available: 100 })).body;
  boxed = (await createProduct({ sku: 'BOX-01', name: 'Коробочная версия', kind: 'product', unit: 'шт', price: { amount: 5000, currency: 'RUB' }, vatRate: 20, available: 2 })).body;
  accountId = (await call(accountsApi, 'POST /api/accounts', { body: { name: 'АО «Покупатель»' } })).body.id;
  contactId = (await call(contactsApi, 'POST /api/contacts', { body: { lastName: 'Закупкин', accountId } })).body.id;
});

describe('catalog', () => {
  it('validates products', async () => {
    const bad = await createProduct({ sku: 'bad sku!', name: '', kind: 'thing', unit: 'шт', price: { amount: -1, currency: 'RUB' }, vatRate: 18 });
    expect(bad.status).toBe(400);
    expect(new Set(fieldsOf(bad))).toEqual(new Set(['sku', 'name', 'kind', 'price.amount', 'vatRate']));
  });
});

describe('deals', () => {
  it('enter the first stage of the default pipeline, with lines priced from the catalog and the amount their sum', async () => {
    const res = await createDeal({
      title: 'CRM для АО «Покупатель»',
      accountId,
      lines: [
        { productId: licence.id, quantity: 10, discountPercent: 10 },
        { productId: setup.id, quantity: 40 },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ pipelineId: 'default', stage: 'needs-clarification', amount: { amount: 108000 + 140000, currency: 'RUB' } });
    expect(res.body.lines![0]).toMatchObject({ sku: 'CRM-LIC-1Y', name: 'Лицензия CRM, 1 год', unitPrice: { amount: 12000 }, discountPercent: 10, vatRate: 20, total: { amount: 108000 } });
    const items = await recordItems();
    expect(items.find((i) => i.pk === `DEAL#${res.body.id}` && i.sk === 'DEAL')).toMatchObject({ gsi4pk: `ACCOUNT#${accountId}#DEALS`, gsi3pk: `DEALS#STATUS#needs-clarification#${recordShard(res.body.id, 1)}` });
  });

  it('refuse what cannot be offered: out of stock, unknown product, mixed currencies', async () => {
    const usd = (await createProduct({ sku: 'USD-1', name: 'Импортное', kind: 'product', unit: 'шт', price: { amount: 10, currency: 'USD' }, vatRate: 0 })).body;
    const res = await createDeal({
      title: 'Невозможная сделка',
      lines: [
        { productId: boxed.id, quantity: 3 },
        { productId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', quantity: 1 },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      expect.objectContaining({ path: 'lines.0.quantity', code: 'out_of_stock' }),
      expect.objectContaining({ path: 'lines.1.productId', code: 'not_found' }),
    ]);
    const mixed = await createDeal({ title: 'Валюты', lines: [{ productId: licence.id, quantity: 1 }, { productId: usd.id, quantity: 1 }] });
    expect(mixed.body.error.fields).toEqual([expect.objectContaining({ path: 'lines', code: 'mixed_currency' })]);
  });

  it('move through stages only with what each stage requires (422 lists every missing field)', async () => {
    const deal = (await createDeal({ title: 'Пошаговая сделка' })).body;
    const blocked = await moveDeal(deal.id, { version: 1, stage: 'proposal-defence' });
    expect(blocked.status).toBe(422);
    expect(fieldsOf(blocked)).toEqual(['accountId', 'contactIds', 'lines', 'amount', 'expectedCloseDate']);
    expect((await call<Deal>(dealsApi, 'GET /api/deals/{id}', { pathParameters: { id: deal.id } })).body.version).toBe(1);

    const filled = await updateDeal(deal.id, { version: 1, accountId, contactIds: [contactId], needs: 'Учёт клиентов', expectedCloseDate: '2026-12-25', lines: [{ productId: licence.id, quantity: 5 }] });
    expect(filled.status).toBe(200);
    const moved = await moveDeal(deal.id, { version: 2, stage: 'proposal-defence' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stage: 'proposal-defence', version: 3 });
    const history = (await call(dealsApi, 'GET /api/deals/{id}/timeline', { pathParameters: { id: deal.id } })).body.items;
    expect(history[0]).toMatchObject({ kind: 'stage_changed', changes: [{ field: 'stage', from: 'needs-clarification', to: 'proposal-defence' }] });
    const event = (await recordItems()).find((i) => i.pk === `DEAL#${deal.id}` && i.kind === 'stage_changed')!.events as { type: string; source: string; detail: object }[];
    expect(event[0]).toMatchObject({ type: 'DealStageChanged', source: 'crm.deals', detail: { from: 'needs-clarification', to: 'proposal-defence', outcome: 'open' } });

    // A field the current stage requires cannot be removed.
    const stripped = await updateDeal(deal.id, { version: 3, expectedCloseDate: null });
    expect(stripped.status).toBe(422);
    expect(fieldsOf(stripped)).toEqual(['expectedCloseDate']);

    const lostWithoutReason = await moveDeal(deal.id, { version: 3, stage: 'lost' });
    expect(fieldsOf(lostWithoutReason)).toEqual(['lostReason']);
    const lost = await moveDeal(deal.id, { version: 3, stage: 'lost', lostReason: 'price', lostComment: 'Дорого' });
    expect(lost.body).toMatchObject({ stage: 'lost', lostReason: 'price', lost: { atStage: 'proposal-defence', comment: 'Дорого' } });
    const reopened = await moveDeal(deal.id, { version: 4, stage: 'needs-clarification' });
    expect(reopened.status).toBe(422);
  });

  it('refuse a stale version, an unknown stage, a stage set through PATCH, unknown links', async () => {
    const deal = (await createDeal({ title: 'Проверки' })).body;
    expect((await moveDeal(deal.id, { version: 7, stage: 'proposal-preparation' })).status).toBe(409);
    expect(fieldsOf(await moveDeal(deal.id, { version: 1, stage: 'no-such-stage' }))).toEqual(['stage']);
    expect(fieldsOf(await updateDeal(deal.id, { version: 1, stage: 'won' }))).toContain('stage');
    expect(fieldsOf(await updateDeal(deal.id, { version: 1, contactIds: ['01JZZZZZZZZZZZZZZZZZZZZZZZ'] }))).toEqual(['contactIds.0']);
    expect(fieldsOf(await createDeal({ title: 'x', pipelineId: 'nope' }))).toEqual(['pipelineId']);
  });
});

describe('pipelines', () => {
  const stages = [
    { id: 'first-call', name: 'Первый звонок', requiredFields: [], normDays: 2, probability: 10 },
    { id: 'demo', name: 'Демонстрация', requiredFields: ['contactIds'], normDays: 5, responsibleRole: 'sales-rep', probability: 40 },
    { id: 'won', name: 'Выиграна', outcome: 'won', requiredFields: ['amount'], probability: 100 },
    { id: 'lost', name: 'Проиграна', outcome: 'lost', requiredFields: ['lostReason'], probability: 0 },
  ];

  it('admins add a pipeline with its own stage rules, which deals then follow', async () => {
    const put = await call(pipelinesApi, 'PUT /api/pipelines/{pipelineId}', { user: admin, pathParameters: { pipelineId: 'quick' }, body: { name: 'Быстрые продажи', stages } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: 'quick', version: 1 });
    expect((await call(pipelinesApi, 'GET /api/pipelines')).body.items.map((p: { id: string }) => p.id).sort()).toEqual(['default', 'quick']);
    const deal = (await createDeal({ title: 'По быстрой', pipelineId: 'quick' })).body;
    expect(deal.stage).toBe('first-call');
    expect(fieldsOf(await moveDeal(deal.id, { version: 1, stage: 'demo' }))).toEqual(['contactIds']);
  });

  it('refuses a rep, a stale version and a pipeline without its won and lost stages', async () => {
    const asRep = await call(pipelinesApi, 'PUT /api/pipelines/{pipelineId}', { pathParameters: { pipelineId: 'reps' }, body: { name: 'x', stages }, user: rep });
    expect(asRep.status).toBe(403);
    const stale = await call(pipelinesApi, 'PUT /api/pipelines/{pipelineId}', { user: admin, pathParameters: { pipelineId: 'default' }, body: { name: 'Продажи', stages, version: 3 } });
    expect(stale.status).toBe(409);
    const noOutcomes = await call(pipelinesApi, 'PUT /api/pipelines/{pipelineId}', { user: admin, pathParameters: { pipelineId: 'broken' }, body: { name: 'x', stages: stages.slice(0, 2).concat(stages[0]!) } });
    expect(noOutcomes.status).toBe(400);
  });
});
