import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as customFieldsApi } from '../../functions/custom-fields/custom-fields-api';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { handler as productsApi } from '../../functions/products/products-api';
import { putUser } from '../../shared/data/users-repository';
import type { Account } from '../../shared/domain/accounts/account';
import { admin, apiEvent, invoke, rep } from '../support/api-event';

/** Custom fields (REC-9): defined by admins, validated on records, shown on the timeline, filtered on. */
type Options = Parameters<typeof apiEvent>[0];
const call = <T = any>(api: unknown, route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));
const define = (fields: object[], version: number, user = admin) =>
  call(customFieldsApi, 'PUT /api/custom-fields/{recordType}', { pathParameters: { recordType: 'account' }, body: { fields, version }, user });
const paths = (res: { body: { error?: { fields?: { path: string }[] } } }) => (res.body.error?.fields ?? []).map((f) => f.path).sort();

const segment = { key: 'segment', label: 'Сегмент', type: 'select', options: [{ value: 'smb', label: 'Малый бизнес' }, { value: 'enterprise', label: 'Крупный бизнес' }], required: true, inList: true };
const tags = { key: 'tags', label: 'Метки', type: 'multiselect', options: [{ value: 'vip', label: 'VIP' }, { value: 'gov', label: 'Госсектор' }] };
const contractDate = { key: 'contractDate', label: 'Дата договора', type: 'date' };
const credit = { key: 'creditLimit', label: 'Кредитный лимит', type: 'money' };

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
});

describe('custom fields', () => {
  it('only admins define them, with valid, unique definitions and optimistic locking', async () => {
    expect((await define([segment], 0, rep)).status).toBe(403);
    const bad = await define([{ key: 'Bad Key', label: '', type: 'select' }, { ...tags, key: 'tags' }, { ...tags }], 0);
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['fields.0.key', 'fields.0.label', 'fields.0.options', 'fields.2.key']);
    const ok = await define([segment, tags, contractDate, credit], 0);
    expect(ok.body).toMatchObject({ version: 1 });
    expect((await define([segment], 0)).status).toBe(409);
    expect((await call(customFieldsApi, 'GET /api/custom-fields/{recordType}', { pathParameters: { recordType: 'account' } })).body.fields.map((f: { key: string }) => f.key)).toEqual(['segment', 'tags', 'contractDate', 'creditLimit']);
    const retype = await define([{ ...segment, type: 'text', options: undefined }, tags, contractDate, credit], 1);
    expect(retype.status).toBe(422);
  });

  it('validate values on records: required, typed, known keys only; null clears one', async () => {
    const missing = await call(accountsApi, 'POST /api/accounts', { body: { name: 'Без сегмента' } });
    expect(paths(missing)).toEqual(['custom.segment']);
    const wrong = await call(accountsApi, 'POST /api/accounts', { body: { name: 'Кривые поля', custom: { segment: 'galaxy', tags: ['vip', 'alien'], contractDate: '2026-13-01', creditLimit: { amount: 5, currency: 'GBP' }, colour: 'red' } } });
    expect(paths(wrong)).toEqual(['custom.colour', 'custom.contractDate', 'custom.creditLimit.currency', 'custom.segment', 'custom.tags.1']);

    const created = await call<Account>(accountsApi, 'POST /api/accounts', { body: { name: 'С полями', custom: { segment: 'enterprise', tags: ['vip', 'gov'], contractDate: '2026-11-01' } } });
    expect(created.status).toBe(201);
    expect(created.body.custom).toEqual({ segment: 'enterprise', tags: ['vip', 'gov'], contractDate: '2026-11-01' });

    const updated = await call<Account>(accountsApi, 'PATCH /api/accounts/{id}', { pathParameters: { id: created.body.id }, body: { version: 1, custom: { tags: ['gov'], contractDate: null } } });
    expect(updated.body.custom).toEqual({ segment: 'enterprise', tags: ['gov'] });
    const timeline = (await call(accountsApi, 'GET /api/accounts/{id}/timeline', { pathParameters: { id: created.body.id } })).body.items;
    expect(timeline[0].changes).toEqual([
      { field: 'custom.contractDate', from: '2026-11-01' },
      { field: 'custom.tags', from: ['vip', 'gov'], to: ['gov'] },
    ]);
    const clearRequired = await call(accountsApi, 'PATCH /api/accounts/{id}', { pathParameters: { id: created.body.id }, body: { version: 2, custom: { segment: null } } });
    expect(paths(clearRequired)).toEqual(['custom.segment']);
    const product = await call(productsApi, 'POST /api/products', { user: admin, body: { sku: 'X', name: 'X', kind: 'product', unit: 'шт', price: { amount: 1, currency: 'RUB' }, vatRate: null, custom: { a: 1 } } });
    expect(product.status).toBe(400);
  });

  it('filter lists by a select, a multi-select and a date; unknown fields are refused', async () => {
    await call(accountsApi, 'POST /api/accounts', { body: { name: 'Малый', custom: { segment: 'smb', tags: ['vip'] } } });
    await call(accountsApi, 'POST /api/accounts', { body: { name: 'Крупный', custom: { segment: 'enterprise', tags: ['vip'] } } });
    const names = async (query: Record<string, string>) => (await call<{ items: Account[] }>(accountsApi, 'GET /api/accounts', { query })).body.items.map((a) => a.name).sort();
    expect(await names({ 'custom.segment': 'smb' })).toEqual(['Малый']);
    expect(await names({ 'custom.tags': 'vip', 'custom.segment': 'enterprise' })).toEqual(['Крупный']);
    expect(await names({ 'custom.tags': 'gov' })).toEqual(['С полями']);
    const unknown = await call(accountsApi, 'GET /api/accounts', { query: { 'custom.colour': 'red' } });
    expect(paths(unknown)).toEqual(['custom.colour']);
    expect((await call(accountsApi, 'GET /api/accounts', { query: { colour: 'red' } })).status).toBe(400);
  });

  it('leads take them too: validated on create and edit, changes on the timeline one by one', async () => {
    const budgetBand = { key: 'budgetBand', label: 'Бюджет', type: 'select', options: [{ value: 'small', label: 'До 1 млн' }, { value: 'large', label: 'Больше 1 млн' }] };
    const defined = await call(customFieldsApi, 'PUT /api/custom-fields/{recordType}', { user: admin, pathParameters: { recordType: 'lead' }, body: { fields: [budgetBand], version: 0 } });
    expect(defined.status).toBe(200);
    const bad = await call(leadsApi, 'POST /api/leads', { body: { lastName: 'Кастомов', email: 'custom@lead.ru', custom: { budgetBand: 'huge', colour: 'red' } } });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['custom.budgetBand', 'custom.colour']);
    const lead = await call(leadsApi, 'POST /api/leads', { body: { lastName: 'Кастомов', email: 'custom@lead.ru', custom: { budgetBand: 'small' } } });
    expect(lead.status).toBe(201);
    expect(lead.body.custom).toEqual({ budgetBand: 'small' });
    const edited = await call(leadsApi, 'PATCH /api/leads/{leadId}', { pathParameters: { leadId: lead.body.id }, body: { version: 1, custom: { budgetBand: 'large' } } });
    expect(edited.body.custom).toEqual({ budgetBand: 'large' });
    const timeline = await call(leadsApi, 'GET /api/leads/{leadId}/timeline', { pathParameters: { leadId: lead.body.id } });
    expect(timeline.body.items[0].changes).toEqual([{ field: 'custom.budgetBand', from: 'small', to: 'large' }]);
    const note = await call(leadsApi, 'POST /api/leads/{leadId}/notes', { pathParameters: { leadId: lead.body.id }, body: { text: 'Перезвонить после праздников' } });
    expect(note.status).toBe(201);
    expect((await call(leadsApi, 'POST /api/leads/{leadId}/notes', { pathParameters: { leadId: lead.body.id }, body: { text: ' ' } })).status).toBe(400);

    // The leads list filters on them, alone or with its own filters; unknown ones are refused by name.
    await call(leadsApi, 'POST /api/leads', { body: { lastName: 'Малобюджетов', email: 'small@lead.ru', custom: { budgetBand: 'small' } } });
    const large = await call(leadsApi, 'GET /api/leads', { query: { 'custom.budgetBand': 'large' } });
    expect(large.body.items.map((l: { lastName: string }) => l.lastName)).toEqual(['Кастомов']);
    const smallNew = await call(leadsApi, 'GET /api/leads', { query: { 'custom.budgetBand': 'small', status: 'new' } });
    expect(smallNew.body.items.map((l: { lastName: string }) => l.lastName)).toEqual(['Малобюджетов']);
    const unknown = await call(leadsApi, 'GET /api/leads', { query: { 'custom.colour': 'red' } });
    expect(unknown.status).toBe(400);
    expect(paths(unknown)).toEqual(['custom.colour']);
  });
});
