import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as searchApi } from '../../functions/search/search-api';
import { putUser } from '../../shared/data/users-repository';
import type { Account } from '../../shared/domain/accounts/account';
import type { Contact } from '../../shared/domain/contacts/contact';
import { admin, apiEvent, invoke, rep, type TestUser } from '../support/api-event';
import { byEntity, recordItems } from '../support/table-items';
import { deriveIndex } from '../support/derived-index';

/** Accounts (REC-2), contacts (REC-3) and quick search (REC-13) through their resource routers. */
type Options = Parameters<typeof apiEvent>[0];
const call = <T = any>(api: unknown, route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));
const account = {
  create: (body: unknown, user = rep) => call<Account>(accountsApi, 'POST /api/accounts', { body, user }),
  get: (id: string) => call<Account>(accountsApi, 'GET /api/accounts/{id}', { pathParameters: { id } }),
  update: (id: string, body: unknown) => call<Account>(accountsApi, 'PATCH /api/accounts/{id}', { pathParameters: { id }, body }),
  list: (query: Record<string, string>, user = rep) => call<{ items: Account[]; nextCursor?: string }>(accountsApi, 'GET /api/accounts', { query, user }),
  timeline: (id: string) => call<{ items: { kind: string; changes?: { field: string; from?: unknown; to?: unknown }[] }[] }>(accountsApi, 'GET /api/accounts/{id}/timeline', { pathParameters: { id } }),
};
const contact = {
  create: (body: unknown) => call<Contact>(contactsApi, 'POST /api/contacts', { body }),
  update: (id: string, body: unknown) => call<Contact>(contactsApi, 'PATCH /api/contacts/{id}', { pathParameters: { id }, body }),
  list: (query: Record<string, string>) => call<{ items: Contact[]; nextCursor?: string }>(contactsApi, 'GET /api/contacts', { query }),
};
/** Search a moment later, as its index follows the writes from the stream (ADR 0009). */
const search = async (q: string, extra: Record<string, string> = {}) => {
  await deriveIndex();
  return call<{ items: { type: string; id: string; title: string; subtitle?: string }[] }>(searchApi, 'GET /api/search', { query: { q, ...extra } });
};

const romashka = {
  name: 'ООО «Ромашка»',
  legalName: 'Общество с ограниченной ответственностью «Ромашка»',
  taxId: '7707083893',
  kpp: '773601001',
  industry: 'Производство',
  website: 'https://romashka.ru',
  email: 'Info@Romashka.ru',
  phones: [{ kind: 'work', number: '+7 (495) 123-45-67' }],
  addresses: [{ kind: 'legal', line: 'ул. Ленина, 1', city: 'Москва', postalCode: '101000', country: 'Россия' }],
  annualRevenue: { amount: 250_000_000, currency: 'RUB' },
  employees: 120,
  rating: 4,
};

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
});

describe('accounts', () => {
  it('creates an account with its history entry and its event in one go, and its search terms from the stream', async () => {
    const res = await account.create(romashka);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'ООО «Ромашка»', status: 'prospect', ownerId: rep.sub, version: 1, email: 'info@romashka.ru' });
    expect(byEntity(await recordItems(), 'SEARCH').filter((i) => i.recordId === res.body.id)).toEqual([]);
    await deriveIndex();
    const items = await recordItems();
    const own = items.filter((i) => i.pk === `ACCOUNT#${res.body.id}`);
    expect(byEntity(own, 'ACCOUNT')).toHaveLength(1);
    expect(byEntity(own, 'HISTORY')).toMatchObject([{ kind: 'created', events: [{ type: 'RecordCreated', source: 'crm.records', detail: { record: { type: 'account', title: 'ООО «Ромашка»' } } }] }]);
    const terms = byEntity(items, 'SEARCH').filter((i) => i.recordId === res.body.id).map((i) => String(i.sk).split('#')[0]);
    expect(terms).toEqual(expect.arrayContaining(['ромашка', '7707083893', '74951234567', 'info@romashka.ru']));
  });

  it('refuses bad input naming each field, writing nothing', async () => {
    const before = (await recordItems()).length;
    const res = await account.create({ name: ' ', taxId: '123', website: 'nowhere', rating: 9, employees: -1, phones: [{ kind: 'pager', number: '1' }], extra: 1 });
    expect(res.status).toBe(400);
    expect([...new Set(res.body.error.fields.map((f: { path: string }) => f.path))].sort()).toEqual(['employees', 'extra', 'name', 'phones.0.kind', 'phones.0.number', 'rating', 'taxId', 'website']);
    expect((await recordItems()).length).toBe(before);
  });

  it('keeps a hierarchy without cycles and lists children under their parent', async () => {
    const holding = (await account.create({ name: 'Холдинг Альфа' })).body;
    const division = (await account.create({ name: 'Альфа Восток', parentId: holding.id })).body;
    const branch = (await account.create({ name: 'Альфа Восток — Казань', parentId: division.id })).body;
    expect((await account.list({ parentId: holding.id })).body.items.map((a) => a.name)).toEqual(['Альфа Восток']);

    const loop = await account.update(holding.id, { version: holding.version, parentId: branch.id });
    expect(loop.status).toBe(422);
    expect(loop.body.error.fields).toEqual([{ path: 'parentId', message: 'this would make the hierarchy a loop', code: 'cycle' }]);
    const self = await account.update(holding.id, { version: holding.version, parentId: holding.id });
    expect(self.status).toBe(422);
    const missing = await account.update(holding.id, { version: holding.version, parentId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' });
    expect(missing.status).toBe(400);
    expect((await account.get(holding.id)).body.version).toBe(1);
  });

  it('updates with optimistic locking: one of two edits of one version wins, the other gets 409', async () => {
    const created = (await account.create({ name: 'Гонка' })).body;
    const [a, b] = await Promise.all([account.update(created.id, { version: 1, industry: 'Розница' }), account.update(created.id, { version: 1, industry: 'Опт' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
  });

  it('records field changes old → new, clears a field sent as null, and keeps search in step', async () => {
    const created = (await account.create({ name: 'Старое Имя', website: 'https://old.example' })).body;
    const updated = await account.update(created.id, { version: 1, name: 'Новое Имя', website: null });
    expect(updated.status).toBe(200);
    expect(updated.body).not.toHaveProperty('website');
    const timeline = (await account.timeline(created.id)).body.items;
    expect(timeline[0]).toMatchObject({ kind: 'updated', changes: [{ field: 'name', from: 'Старое Имя', to: 'Новое Имя' }, { field: 'website', from: 'https://old.example' }] });
    expect((await search('стар')).body.items.find((h) => h.id === created.id)).toBeUndefined();
    expect((await search('новое')).body.items.find((h) => h.id === created.id)).toMatchObject({ type: 'account', title: 'Новое Имя' });
  });

  it('lists by name, by status and by owner, one page at a time', async () => {
    // A rep of their own, so the other tests' accounts stay out of these pages.
    const lister: TestUser = { sub: 'user-rep-lister', email: 'lister@example.com', groups: ['sales-rep'] };
    await putUser({ id: lister.sub, email: lister.email, roles: ['sales-rep'] });
    for (const name of ['Яблоко', 'Арбуз', 'Ёлка']) await account.create({ name, status: 'client' }, lister);
    const byName = (await account.list({ sort: 'name', status: 'client' }, lister)).body.items.map((a) => a.name);
    expect(byName).toEqual(['Арбуз', 'Ёлка', 'Яблоко']);
    const page1 = await account.list({ ownerId: lister.sub, limit: '2' }, lister);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await account.list({ ownerId: lister.sub, limit: '2', cursor: page1.body.nextCursor! }, lister);
    expect(new Set([...page1.body.items, ...page2.body.items].map((a) => a.id)).size).toBe(3);
    expect((await account.list({ status: 'dormant' })).status).toBe(400);
  });

  it('reads named accounts in one batch, in the order asked, leaving out unknown ids; refuses bad or mixed ids', async () => {
    const [a, b] = [(await account.create({ name: 'Пакет А' })).body, (await account.create({ name: 'Пакет Б' })).body];
    const batch = await account.list({ ids: `${b.id},01JZZZZZZZZZZZZZZZZZZZZZZZ,${a.id},${b.id}` });
    expect(batch.status).toBe(200);
    expect(batch.body.items.map((x) => x.name)).toEqual(['Пакет Б', 'Пакет А']);
    for (const query of <Record<string, string>[]>[{ ids: 'nope' }, { ids: `${a.id}`, status: 'client' }, { ids: Array.from({ length: 101 }, (_, i) => `01JZZZZZZZZZZZZZZZZZZZZZ${String(i).padStart(2, '0')}`).join(',') }]) {
      const bad = await account.list(query);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('ids');
    }
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await account.get('01JZZZZZZZZZZZZZZZZZZZZZZZ')).status).toBe(404);
    expect((await account.get('not-an-id')).status).toBe(400);
  });
});

describe('contacts', () => {
  it('keeps a Russian full name, several phones and emails, and links to an existing account only', async () => {
    const company = (await account.create({ name: 'ЗАО «Василёк»' })).body;
    const res = await contact.create({
      lastName: 'Ёлкина',
      firstName: 'Юлия',
      middleName: 'Петровна',
      birthDate: '1985-03-08',
      timeZone: 'Asia/Almaty',
      accountId: company.id,
      jobTitle: 'Директор по закупкам',
      phones: [
        { kind: 'mobile', number: '+7 (912) 345-67-89' },
        { kind: 'work', number: '8 727 250 00 00' },
      ],
      emails: [
        { kind: 'work', address: 'Yulia@Vasilek.kz' },
        { kind: 'personal', address: 'yulia.elkina@mail.ru' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ lastName: 'Ёлкина', middleName: 'Петровна', status: 'active', emails: [{ address: 'yulia@vasilek.kz' }, {}] });
    expect((await contact.list({ parentId: company.id })).body.items.map((c) => c.id)).toEqual([res.body.id]);

    const orphan = await contact.create({ lastName: 'Сирота', accountId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.fields[0]).toMatchObject({ path: 'accountId' });
    const bad = await contact.create({ lastName: 'Плохой', birthDate: '1985-02-30', timeZone: 'Mars/Olympus' });
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['birthDate', 'timeZone']);
  });

  it('is found by a phone however it is typed, by a name prefix, by email', async () => {
    const created = (await contact.create({ lastName: 'Телефонов', firstName: 'Пётр', phones: [{ kind: 'mobile', number: '+7 (903) 111-22-33' }], emails: [{ kind: 'work', address: 'petr@tel.ru' }] })).body;
    for (const q of ['79031112233', '+7 903 111-22-33', '8 (903) 111 22 33', '903 111', 'Телеф', 'пётр телеф', 'petr@tel']) {
      const hits = (await search(q)).body.items;
      expect(hits.map((h) => h.id), q).toContain(created.id);
    }
    expect((await search('Телефонов Иван')).body.items.map((h) => h.id)).not.toContain(created.id);
    expect((await search('телеф', { types: 'account' })).body.items).toEqual([]);
    expect((await search('x', { types: 'planet' })).status).toBe(400);
  });
});

describe('leads in quick search', () => {
  it('finds a lead by its phone and company, and follows its edits', async () => {
    const { routes } = (await import('../../functions/leads/leads-api')).handler;
    const createLeadRoute = routes['POST /api/leads']!;
    const updateLeadRoute = routes['PATCH /api/leads/{leadId}']!;
    const lead = (await invoke(createLeadRoute, apiEvent({ route: 'POST /api/leads', body: { lastName: 'Лидов', company: 'ИП Лидов', phone: '+7 (999) 000-11-22' } }))).body;
    expect((await search('8 999 000 11 22')).body.items).toContainEqual(expect.objectContaining({ type: 'lead', id: lead.id, title: 'Лидов' }));
    await invoke(updateLeadRoute, apiEvent({ route: 'PATCH /api/leads/{leadId}', pathParameters: { leadId: lead.id }, body: { version: 1, lastName: 'Переименов' } }));
    expect((await search('Лидов', { types: 'lead' })).body.items.map((h) => h.title)).toEqual(['Переименов']);
    expect((await search('переим')).body.items.map((h) => h.id)).toEqual([lead.id]);
  });
});

describe('possible duplicates (REC-12)', () => {
  /** A record's duplicates a moment after the writes: match keys follow them from the stream (ADR 0009). */
  const duplicates = async (api: unknown, resource: string, id: string) => {
    await deriveIndex();
    return call<{ items: { record: { id: string }; reasons: string[] }[] }>(api, `GET /api/${resource}/{id}/duplicates`, { pathParameters: { id } });
  };

  it('lists contacts sharing a phone or email however they were typed, with the reasons, and follows edits', async () => {
    const first = (await contact.create({ lastName: 'Дублёв', firstName: 'Пётр', phones: [{ kind: 'mobile', number: '+7 (916) 555-44-33' }], emails: [{ kind: 'work', address: 'dublev@firm.ru' }] })).body;
    const second = (await contact.create({ lastName: 'Дублев', firstName: 'Петр', phones: [{ kind: 'work', number: '8 916 555 44 33' }] })).body;
    const stranger = (await contact.create({ lastName: 'Непохожий', phones: [{ kind: 'work', number: '8 916 000 00 00' }] })).body;

    const found = await duplicates(contactsApi, 'contacts', first.id);
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([
      { record: expect.objectContaining({ id: second.id }), reasons: ['phone', 'name'], strength: 'strong', evidence: [{ reason: 'phone', strength: 'strong' }, { reason: 'name', strength: 'weak' }] },
    ]);
    expect((await duplicates(contactsApi, 'contacts', stranger.id)).body.items).toEqual([]);

    await contact.update(second.id, { version: second.version, phones: [{ kind: 'work', number: '8 916 111 11 11' }], lastName: 'Другой' });
    expect((await duplicates(contactsApi, 'contacts', first.id)).body.items).toEqual([]);
  });

  it('matches accounts on the tax id and on the name without its legal form', async () => {
    const a = (await account.create({ name: 'ООО «Дубликат Трейд»', taxId: '7728168971' })).body;
    const b = (await account.create({ name: 'Дубликат-Трейд', taxId: '7728168971' })).body;
    const found = await duplicates(accountsApi, 'accounts', b.id);
    expect(found.body.items).toEqual([
      { record: expect.objectContaining({ id: a.id }), reasons: ['taxId', 'name'], strength: 'strong', evidence: [{ reason: 'taxId', strength: 'strong' }, { reason: 'name', strength: 'weak' }] },
    ]);
    expect((await duplicates(accountsApi, 'accounts', '01J00000000000000000000000')).status).toBe(404);
  });
});
