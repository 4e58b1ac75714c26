import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { handler as searchApi } from '../../functions/search/search-api';
import { putUser } from '../../shared/data/users-repository';
import type { Lead } from '../../shared/domain/leads/lead';
import { admin, apiEvent, invoke, rep } from '../support/api-event';
import { byEntity, recordItems } from '../support/table-items';
import { deriveIndex } from '../support/derived-index';

/** Lead conversion (REC-1): one call, one transaction, never twice. */
type Options = Parameters<typeof apiEvent>[0];
const call = <T = any>(api: unknown, route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));
const newLead = async (body: object) => (await call<Lead>(leadsApi, 'POST /api/leads', { body: { source: { channel: 'event' }, ...body } })).body;
const convert = (leadId: string, body: object) => call(leadsApi, 'POST /api/leads/{leadId}/convert', { pathParameters: { leadId }, body });

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
});

describe('lead conversion', () => {
  it('creates account, contact and deal from the lead in one transaction and links them all', async () => {
    const lead = await newLead({
      lastName: 'Конвертов',
      firstName: 'Олег',
      middleName: 'Ильич',
      company: 'ООО «Конверсия»',
      email: 'oleg@konversiya.ru',
      phone: '+7 (916) 700-00-01',
      topic: 'Автоматизация продаж',
      budget: { amount: 900000, currency: 'RUB' },
      ownerId: rep.sub,
    });
    const res = await convert(lead.id, { version: 1 });
    expect(res.status).toBe(201);
    const { account, contact, deal } = res.body;
    expect(account).toMatchObject({ name: 'ООО «Конверсия»', ownerId: rep.sub, status: 'prospect' });
    expect(contact).toMatchObject({ lastName: 'Конвертов', firstName: 'Олег', middleName: 'Ильич', accountId: account.id, emails: [{ address: 'oleg@konversiya.ru' }], phones: [{ kind: 'mobile', number: '+79167000001', typed: '+7 (916) 700-00-01' }] });
    expect(deal).toMatchObject({ title: 'Автоматизация продаж', accountId: account.id, contactIds: [contact.id], amount: { amount: 900000 }, stage: 'needs-clarification', ownerId: rep.sub });
    expect(res.body.lead).toMatchObject({ status: 'converted', version: 2, conversion: { dealId: deal.id, accountId: account.id, contactId: contact.id } });

    const items = await recordItems();
    const history = byEntity(items, 'HISTORY');
    const leadEntry = history.find((h) => h.pk === `LEAD#${lead.id}` && h.kind === 'converted')!;
    expect((leadEntry.events as { type: string }[]).map((e) => e.type)).toEqual(['LeadConverted', 'RecordCreated', 'RecordCreated', 'RecordCreated']);
    for (const [type, id] of [['ACCOUNT', account.id], ['CONTACT', contact.id], ['DEAL', deal.id]]) {
      expect(history.find((h) => h.pk === `${type}#${id}`)).toMatchObject({ kind: 'created', data: { fromLead: lead.id } });
    }
    await deriveIndex();
    expect((await call(searchApi, 'GET /api/search', { query: { q: '8 916 700 00 01' } })).body.items.map((h: { type: string }) => h.type).sort()).toEqual(['contact', 'lead']);
    expect((await call(accountsApi, 'GET /api/accounts', { query: { parentId: account.id } })).status).toBe(200);
  });

  it('refuses to convert twice, and a stale version, writing nothing', async () => {
    const lead = await newLead({ lastName: 'Дважды', email: 'twice@example.ru' });
    expect((await convert(lead.id, { version: 1 })).status).toBe(201);
    const before = (await recordItems()).length;
    const again = await convert(lead.id, { version: 2 });
    expect(again.status).toBe(422);
    expect(again.body.error.fields).toEqual([expect.objectContaining({ path: 'status', code: 'already_converted' })]);
    expect((await convert(lead.id, { version: 1 })).status).toBe(409);
    expect((await recordItems()).length).toBe(before);
  });

  it('two conversions of one lead at once: one wins, the other gets 409 and leaves nothing behind', async () => {
    const lead = await newLead({ lastName: 'Гонкин', company: 'Гонка', email: 'race@gonka.ru' });
    const results = await Promise.all([convert(lead.id, { version: 1 }), convert(lead.id, { version: 1 })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const accounts = byEntity(await recordItems(), 'ACCOUNT').filter((a) => a.name === 'Гонка');
    expect(accounts).toHaveLength(1);
  });

  it('links an existing account, skips the contact, takes deal fields, and names bad input by path', async () => {
    const existing = (await call(accountsApi, 'POST /api/accounts', { body: { name: 'Давний клиент' } })).body;
    const lead = await newLead({ lastName: 'Связкин', company: 'Давний клиент', phone: '+7 900 000 00 01' });
    const res = await convert(lead.id, { version: 1, account: { id: existing.id }, contact: false, deal: { title: 'Продление', expectedCloseDate: '2027-01-31' } });
    expect(res.status).toBe(201);
    expect(res.body.account.id).toBe(existing.id);
    expect(res.body.contact).toBeUndefined();
    expect(res.body.deal).toMatchObject({ title: 'Продление', accountId: existing.id, expectedCloseDate: '2027-01-31' });

    const other = await newLead({ lastName: 'Ошибкин', email: 'err@example.ru' });
    const bad = await convert(other.id, { version: 1, account: { id: '01JZZZZZZZZZZZZZZZZZZZZZZZ' } });
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ path: 'account.id', code: 'not_found' })]);
    const badLine = await convert(other.id, { version: 1, deal: { lines: [{ productId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', quantity: 1 }] } });
    expect(badLine.status).toBe(422);
    const shape = await convert(other.id, { version: 1, account: { create: { name: '' } }, deal: { stage: 'won' } });
    expect(shape.status).toBe(400);
    expect(shape.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['account.create.name', 'deal.stage']);
    expect((await call<Lead>(leadsApi, 'GET /api/leads/{leadId}', { pathParameters: { leadId: other.id } })).body.status).toBe('new');
  });
});
