import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as dealsApi } from '../../functions/deals/deals-api';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { handler as portalApi } from '../../functions/portal/portal-api';
import { handler as searchApi } from '../../functions/search/search-api';
import { handler as teamsApi } from '../../functions/teams/teams-api';
import { putUser } from '../../shared/data/users-repository';
import type { Actor } from '../../shared/domain/common/actor';
import { contacts } from '../../shared/services/contact-service';
import { deals } from '../../shared/services/deal-service';
import { admin, apiEvent, invoke, type TestUser } from '../support/api-event';
import { allItems } from '../support/table-items';
import { deriveIndex } from '../support/derived-index';

/**
 * What the hostile-user battery did with another rep's ids (issue 12, ACC-2 and ACC-3), one test per
 * finding; the generated matrix (references.test.ts) holds the rule for every reference.
 */
const call = <T = any>(api: unknown, route: string, options: Omit<Parameters<typeof apiEvent>[0], 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));

const repA: TestUser = { sub: 'seen-rep-a', email: 'a@seen.example', groups: ['sales-rep'] };
const repB: TestUser = { sub: 'seen-rep-b', email: 'b@seen.example', groups: ['sales-rep'] };
/** How records were written before the guard, or by a job acting for the app: no user's rights. */
const legacy: Actor = { type: 'system', id: 'legacy-import' };
const madeUpId = '01JZZZZZZZZZZZZZZZZZZZZZZZ';

let accountOfB: { id: string };
let contactOfB: { id: string; version: number };
let accountOfA: { id: string };

beforeAll(async () => {
  for (const user of [admin, repA, repB]) await putUser({ id: user.sub, email: user.email, name: user.sub, roles: user.groups });
  accountOfB = (await call(accountsApi, 'POST /api/accounts', { user: repB, body: { name: 'ООО «Чужой клиент»' } })).body;
  contactOfB = (await call(contactsApi, 'POST /api/contacts', { user: repB, body: { lastName: 'Чужаков', accountId: accountOfB.id } })).body;
  accountOfA = (await call(accountsApi, 'POST /api/accounts', { user: repA, body: { name: 'ООО «Свой клиент»' } })).body;
});

const sameAsMadeUp = async (route: string, api: unknown, body: (id: string) => unknown, id: string, pathParameters?: Record<string, string>) => {
  const before = await allItems();
  const real = await call(api, route, { user: repA, body: body(id), ...(pathParameters ? { pathParameters } : {}) });
  const made = await call(api, route, { user: repA, body: body(madeUpId), ...(pathParameters ? { pathParameters } : {}) });
  expect(real.status).toBe(400);
  expect(real.body).toEqual(made.body);
  expect(await allItems()).toEqual(before);
  return real.body;
};

describe('another rep’s ids in a rep’s writes', () => {
  it('a contact under the other rep’s account answers as a made-up account does, and writes nothing', async () => {
    const body = await sameAsMadeUp('POST /api/contacts', contactsApi, (id) => ({ lastName: 'Захватов', accountId: id }), accountOfB.id);
    expect(body.error.fields).toEqual([{ path: 'accountId', message: 'no such account', code: 'not_found' }]);
  });

  it('deals on the other rep’s account or with their contact, and moving an own deal there, are refused alike', async () => {
    await sameAsMadeUp('POST /api/deals', dealsApi, (id) => ({ title: 'Чужая сделка', accountId: id }), accountOfB.id);
    const withContact = await sameAsMadeUp('POST /api/deals', dealsApi, (id) => ({ title: 'Чужая сделка', contactIds: [id] }), contactOfB.id);
    expect(withContact.error.fields[0].path).toBe('contactIds.0');
    const own = (await call(dealsApi, 'POST /api/deals', { user: repA, body: { title: 'Своя сделка', accountId: accountOfA.id } })).body;
    await sameAsMadeUp('PATCH /api/deals/{id}', dealsApi, (id) => ({ version: own.version, accountId: id }), accountOfB.id, { id: own.id });
  });

  it('an account whose parent is the other rep’s account is refused', async () => {
    await sameAsMadeUp('POST /api/accounts', accountsApi, (id) => ({ name: 'Дочка', parentId: id }), accountOfB.id);
  });

  it('converting a lead links neither the other rep’s account nor their contact, nor makes an account under theirs', async () => {
    const lead = (await call(leadsApi, 'POST /api/leads', { user: repA, body: { lastName: 'Конвертов', company: 'ООО «Новое»', email: 'convert@seen.example' } })).body;
    const convert = (body: (id: string) => unknown) => sameAsMadeUp('POST /api/leads/{leadId}/convert', leadsApi, body, accountOfB.id, { leadId: lead.id });
    const parent = await convert((id) => ({ version: lead.version, account: { create: { name: 'ООО «Новое»', parentId: id } } }));
    expect(parent.error.fields).toEqual([{ path: 'account.create.parentId', message: 'no such account', code: 'not_found' }]);
    const linked = await convert((id) => ({ version: lead.version, account: { id } }));
    expect(linked.error.fields[0].path).toBe('account.id');
    const before = await allItems();
    const contact = await call(leadsApi, 'POST /api/leads/{leadId}/convert', { user: repA, pathParameters: { leadId: lead.id }, body: { version: lead.version, account: false, contact: { id: contactOfB.id } } });
    expect(contact.status).toBe(400);
    expect(contact.body.error.fields).toEqual([{ path: 'contact.id', message: 'no such contact', code: 'not_found' }]);
    expect(await allItems()).toEqual(before);
  });

  it('shared for viewing, the other rep’s account is seen but not worked: 403 naming the field', async () => {
    const shared = await call(teamsApi, 'PUT /api/sharing', { user: admin, body: { version: 0, types: { accounts: 'read' } } });
    expect(shared.status).toBe(200);
    try {
      const before = await allItems();
      const res = await call(dealsApi, 'POST /api/deals', { user: repA, body: { title: 'На чужом клиенте', accountId: accountOfB.id } });
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({
        code: 'forbidden',
        message: 'accountId: this account is held by another owner',
        fields: [{ path: 'accountId', message: 'held by another owner: only its owner or their manager may link records to it', code: 'not_yours' }],
      });
      expect(await allItems()).toEqual(before);
    } finally {
      await call(teamsApi, 'PUT /api/sharing', { user: admin, body: { version: shared.body.version, types: {} } });
    }
  });

  it('shared for viewing, the other rep’s contact is seen but not merged away: 403 naming duplicateId', async () => {
    const { version } = (await call(teamsApi, 'GET /api/sharing', { user: admin })).body;
    const shared = await call(teamsApi, 'PUT /api/sharing', { user: admin, body: { version, types: { contacts: 'read' } } });
    expect(shared.status).toBe(200);
    try {
      const mine = (await call(contactsApi, 'POST /api/contacts', { user: repA, body: { lastName: 'Чужаков' } })).body;
      const before = await allItems();
      const res = await call(contactsApi, 'POST /api/contacts/{id}/merge', { user: repA, pathParameters: { id: mine.id }, body: { version: mine.version, duplicateId: contactOfB.id, duplicateVersion: contactOfB.version } });
      expect(res.status).toBe(403);
      expect(res.body.error.fields).toEqual([{ path: 'duplicateId', message: 'held by another owner: only its owner or their manager may merge it', code: 'not_yours' }]);
      expect(await allItems()).toEqual(before);
    } finally {
      await call(teamsApi, 'PUT /api/sharing', { user: admin, body: { version: shared.body.version, types: {} } });
    }
  });

  it('a merge’s duplicate out of sight answers as a made-up one, and a merge cannot take the other rep’s account', async () => {
    const created = await call(contactsApi, 'POST /api/contacts', { user: repA, body: { lastName: 'Дублев', emails: [{ kind: 'work', address: 'dub@seen.example' }] } });
    expect(created.status).toBe(201);
    const survivor = created.body;
    const hidden = await sameAsMadeUp('POST /api/contacts/{id}/merge', contactsApi, (id) => ({ version: survivor.version, duplicateId: id, duplicateVersion: 1 }), contactOfB.id, { id: survivor.id });
    expect(hidden.error.fields).toEqual([{ path: 'duplicateId', message: 'no such contact', code: 'not_found' }]);
    // A duplicate of A's own that (from before the guard) stands under B's account.
    const duplicate = await contacts.create(legacy, { lastName: 'Дублев', accountId: accountOfB.id, ownerId: repA.sub });
    const before = await allItems();
    const merged = await call(contactsApi, 'POST /api/contacts/{id}/merge', { user: repA, pathParameters: { id: survivor.id }, body: { version: survivor.version, duplicateId: duplicate.id, duplicateVersion: duplicate.version } });
    expect(merged.status).toBe(400);
    expect(merged.body.error.fields).toEqual([{ path: 'accountId', message: 'no such account', code: 'not_found' }]);
    expect(await allItems()).toEqual(before);
  });
});

describe('references a record already holds', () => {
  it('are kept as they are: a contact under an account a manager gave to another rep is still edited by its owner', async () => {
    const account = (await call(accountsApi, 'POST /api/accounts', { user: repA, body: { name: 'ООО «Передаваемый»' } })).body;
    const contact = (await call(contactsApi, 'POST /api/contacts', { user: repA, body: { lastName: 'Остаюшкин', accountId: account.id } })).body;
    // The account goes to rep B; A's contact stays under it, and A may not hang anything new on it.
    const moved = await call(accountsApi, 'PATCH /api/accounts/{id}', { user: admin, pathParameters: { id: account.id }, body: { version: account.version, ownerId: repB.sub } });
    expect(moved.status).toBe(200);
    const edited = await call(contactsApi, 'PATCH /api/contacts/{id}', { user: repA, pathParameters: { id: contact.id }, body: { version: contact.version, department: 'Закупки' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ accountId: account.id, department: 'Закупки', version: contact.version + 1 });
    const another = await call(contactsApi, 'POST /api/contacts', { user: repA, body: { lastName: 'Новенький', accountId: account.id } });
    expect(another.status).toBe(400);
  });
});

describe('the portal shows of an account only what its own staff put there', () => {
  it('a deal another rep hung on the account (before the guard) is not in the client’s portal', async () => {
    const account = (await call(accountsApi, 'POST /api/accounts', { user: repA, body: { name: 'ООО «Клиент с порталом»' } })).body;
    const own = (await call(dealsApi, 'POST /api/deals', { user: repA, body: { title: 'Поставка своему клиенту', accountId: account.id } })).body;
    const planted = await deals.create(legacy, { title: 'Подброшенная сделка', accountId: account.id, ownerId: repB.sub });
    const client: TestUser = { sub: 'seen-portal', email: 'buyer@seen.example', groups: ['portal-user'], accountId: account.id };
    await putUser({ id: client.sub, email: client.email, roles: client.groups, accountId: account.id } as never);
    const listed = await call(portalApi, 'GET /api/portal/deals', { user: client });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([own.id]);
    expect((await call(portalApi, 'GET /api/portal/deals/{id}', { user: client, pathParameters: { id: planted.id } })).status).toBe(404);
    expect((await call(portalApi, 'GET /api/portal/deals/{id}', { user: client, pathParameters: { id: own.id } })).status).toBe(200);
  });
});

describe('quick search finds one’s own however many others’ match first', () => {
  it('a rep finds their «Андреевский» among 35 of another rep’s Андреевых', async () => {
    for (let i = 0; i < 35; i++) await contacts.create(legacy, { lastName: 'Андреев', firstName: `Иван${i}`, ownerId: repB.sub });
    const mine = (await call(accountsApi, 'POST /api/accounts', { user: repA, body: { name: 'Андреевский завод' } })).body;
    await deriveIndex();
    const res = await call(searchApi, 'GET /api/search', { user: repA, query: { q: 'андреев' } });
    expect(res.status).toBe(200);
    expect(res.body.items.map((hit: { id: string }) => hit.id)).toEqual([mine.id]);
    const all = await call(searchApi, 'GET /api/search', { user: admin, query: { q: 'андреев', limit: '50' } });
    expect(all.body.items).toHaveLength(36);
  });
});
