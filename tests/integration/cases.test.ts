import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as casesApi } from '../../functions/cases/cases-api';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as portalApi } from '../../functions/portal/portal-api';
import { handler as searchApi } from '../../functions/search/search-api';
import { putUser } from '../../shared/data/users-repository';
import { admin, apiEvent, invoke, type TestUser } from '../support/api-event';
import { allItems, byEntity } from '../support/table-items';
import { deriveIndex } from '../support/derived-index';

/**
 * Service cases (SRV-1, SRV-2, SRV-5) through the API, and the client portal's side of them
 * (ACC-3): staff register and work cases under accounts, write internal notes and replies; a
 * portal user of account X opens X's cases, reads the replies (never the notes), answers and rates
 * — and Y's cases do not exist for them. Whatever is refused writes nothing.
 */
const call = <T = any>(api: unknown, route: string, options: Omit<Parameters<typeof apiEvent>[0], 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));

const agent: TestUser = { sub: 'agent', email: 'agent@example.com', groups: ['service-agent'] };
const rep: TestUser = { sub: 'rep', email: 'rep@example.com', groups: ['sales-rep'] };
const marketer: TestUser = { sub: 'marketer', email: 'marketer@example.com', groups: ['marketer'] };
let clientX: TestUser;
let clientY: TestUser;

let accountX: { id: string };
let accountY: { id: string };
let contactX: { id: string };
let contactY: { id: string };
/** Registered by the agent: X's by phone, Y's by email. */
let caseX: { id: string; version: number };
let caseY: { id: string; version: number };

const madeUpId = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
const fieldsOf = (res: { body: { error?: { fields?: { path: string; code: string }[] } } }) => res.body.error?.fields?.map((f) => f.path) ?? [];
/** Calls that must be refused without writing anything: each answers `status`, the table is as it was. */
async function refusedUnchanged(status: number, calls: (() => Promise<{ status: number }>)[]) {
  const before = await allItems();
  for (const [i, send] of calls.entries()) expect((await send()).status, `call ${i}`).toBe(status);
  expect(await allItems()).toEqual(before);
}

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, name: 'Анна Менеджерова', roles: ['admin'] });
  await putUser({ id: agent.sub, email: agent.email, name: 'Ольга Поддержкина', roles: ['service-agent'] });
  for (const user of [rep, marketer]) await putUser({ id: user.sub, email: user.email, roles: user.groups });
  accountX = (await call(accountsApi, 'POST /api/accounts', { user: admin, body: { name: 'ООО «Икс»' } })).body;
  accountY = (await call(accountsApi, 'POST /api/accounts', { user: admin, body: { name: 'ООО «Игрек»' } })).body;
  contactX = (await call(contactsApi, 'POST /api/contacts', { user: admin, body: { lastName: 'Иксов', accountId: accountX.id } })).body;
  contactY = (await call(contactsApi, 'POST /api/contacts', { user: admin, body: { lastName: 'Игреков', accountId: accountY.id } })).body;
  clientX = { sub: 'portal-x', email: 'buyer@x.example', groups: ['portal-user'], accountId: accountX.id };
  clientY = { sub: 'portal-y', email: 'buyer@y.example', groups: ['portal-user'], accountId: accountY.id };
  await putUser({ id: clientX.sub, email: clientX.email, name: 'Борис Закупкин', roles: ['portal-user'], accountId: accountX.id });
  await putUser({ id: clientY.sub, email: clientY.email, roles: ['portal-user'], accountId: accountY.id });
});

describe('staff register and work cases', () => {
  it('creates a case under an account, by phone and new unless told, owned by its author', async () => {
    const res = await call(casesApi, 'POST /api/cases', {
      user: agent,
      body: { subject: ' Не печатается счёт-фактура ', description: 'Ошибка при печати', accountId: accountX.id, contactId: contactX.id, kind: 'incident', priority: 'high' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      subject: 'Не печатается счёт-фактура',
      accountId: accountX.id,
      accountName: 'ООО «Икс»',
      contactId: contactX.id,
      kind: 'incident',
      priority: 'high',
      status: 'new',
      channel: 'phone',
      ownerId: agent.sub,
      createdBy: agent.sub,
      version: 1,
    });
    expect(res.body).not.toHaveProperty('openedBy');
    caseX = res.body;
    caseY = (await call(casesApi, 'POST /api/cases', { user: agent, body: { subject: 'Вопрос по договору Игрек', accountId: accountY.id, channel: 'email' } })).body;
    expect(caseY).toMatchObject({ kind: 'question', priority: 'normal', status: 'new', channel: 'email' });
  });

  it('refuses an unknown account or contact, another account’s contact, and what only the portal sets — writing nothing', async () => {
    const create = (body: Record<string, unknown>) => call(casesApi, 'POST /api/cases', { user: agent, body: { subject: 'Тема', accountId: accountX.id, ...body } });
    const before = await allItems();
    const cases: [Record<string, unknown>, string][] = [
      [{ accountId: madeUpId }, 'accountId'],
      [{ accountId: undefined }, 'accountId'],
      [{ contactId: madeUpId }, 'contactId'],
      [{ contactId: contactY.id }, 'contactId'],
      [{ channel: 'portal' }, 'channel'],
      [{ openedBy: clientX.sub }, 'openedBy'],
      [{ rating: { score: 5 } }, 'rating'],
      [{ status: 'done' }, 'status'],
      [{ subject: 'x'.repeat(201) }, 'subject'],
      [{ description: 'x'.repeat(5001) }, 'description'],
    ];
    for (const [body, field] of cases) {
      const res = await create(body);
      expect(res.status, field).toBe(400);
      expect(fieldsOf(res), field).toEqual([field]);
    }
    expect(await allItems()).toEqual(before);
  });

  it('lists cases by account and by status, and finds them by subject with the account shown', async () => {
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((c) => c.id);
    expect(ids(await call(casesApi, 'GET /api/cases', { user: agent, query: { parentId: accountX.id } }))).toEqual([caseX.id]);
    expect(ids(await call(casesApi, 'GET /api/cases', { user: agent, query: { status: 'new' } }))).toEqual([caseY.id, caseX.id]);
    expect((await call(casesApi, 'GET /api/cases', { user: agent, query: { status: 'open' } })).status).toBe(400);
    await deriveIndex();
    const found = await call(searchApi, 'GET /api/search', { user: agent, query: { q: 'счёт-фактура' } });
    expect(found.body.items).toEqual([{ type: 'case', id: caseX.id, title: 'Не печатается счёт-фактура', subtitle: 'ООО «Икс»', ownerId: agent.sub }]);
  });

  it('moves a case through its statuses with each change on its timeline', async () => {
    const res = await call(casesApi, 'PATCH /api/cases/{id}', { user: agent, pathParameters: { id: caseX.id }, body: { version: caseX.version, status: 'in-progress', priority: 'urgent' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'in-progress', priority: 'urgent', version: 2 });
    caseX = res.body;
    const timeline = await call(casesApi, 'GET /api/cases/{id}/timeline', { user: agent, pathParameters: { id: caseX.id } });
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toEqual(['updated', 'created']);
    expect(timeline.body.items[0].changes).toEqual([
      { field: 'priority', from: 'high', to: 'urgent' },
      { field: 'status', from: 'new', to: 'in-progress' },
    ]);
    const stale = await call(casesApi, 'PATCH /api/cases/{id}', { user: agent, pathParameters: { id: caseX.id }, body: { version: 1, status: 'waiting' } });
    expect(stale.status).toBe(409);
  });

  it('lets sellers read cases and nothing more; roles without cases are refused; nothing is written', async () => {
    expect((await call(casesApi, 'GET /api/cases/{id}', { user: rep, pathParameters: { id: caseX.id } })).body.id).toBe(caseX.id);
    expect((await call(casesApi, 'GET /api/cases', { user: rep, query: { parentId: accountY.id } })).body.items.map((c: { id: string }) => c.id)).toEqual([caseY.id]);
    const on = { pathParameters: { id: caseX.id } };
    await refusedUnchanged(403, [
      () => call(casesApi, 'POST /api/cases', { user: rep, body: { subject: 'Тема', accountId: accountX.id } }),
      () => call(casesApi, 'PATCH /api/cases/{id}', { user: rep, ...on, body: { version: caseX.version, status: 'closed' } }),
      () => call(casesApi, 'POST /api/cases/{id}/notes', { user: rep, ...on, body: { text: 'Заметка' } }),
      () => call(casesApi, 'POST /api/cases/{id}/comments', { user: rep, ...on, body: { text: 'Ответ' } }),
      () => call(casesApi, 'GET /api/cases', { user: marketer }),
      () => call(casesApi, 'GET /api/cases/{id}', { user: marketer, ...on }),
      () => call(casesApi, 'PATCH /api/cases/{id}', { user: agent, ...on, body: { version: caseX.version, ownerId: rep.sub } }),
    ]);
  });
});

describe('internal notes and replies to the client', () => {
  it('keeps both on the staff timeline; the reply carries its author’s name and its event', async () => {
    const on = { pathParameters: { id: caseX.id } };
    const note = await call(casesApi, 'POST /api/cases/{id}/notes', { user: agent, ...on, body: { text: 'Внутреннее: у клиента долг по оплате' } });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ kind: 'note', note: 'Внутреннее: у клиента долг по оплате' });
    const reply = await call(casesApi, 'POST /api/cases/{id}/comments', { user: agent, ...on, body: { text: ' Здравствуйте! Проверяем шаблон печати. ' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ kind: 'comment', actor: { id: agent.sub }, data: { text: 'Здравствуйте! Проверяем шаблон печати.', authorId: agent.sub, authorName: 'Ольга Поддержкина', from: 'staff' } });

    const timeline = await call(casesApi, 'GET /api/cases/{id}/timeline', { user: agent, ...on });
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toEqual(['comment', 'note', 'updated', 'created']);
    const stored = byEntity(await allItems(), 'HISTORY').find((item) => item.id === reply.body.id);
    expect(stored?.events).toMatchObject([{ type: 'CaseCommentAdded', source: 'crm.cases', detail: { record: { type: 'case', id: caseX.id }, entryId: reply.body.id, from: 'staff' } }]);
    // A reply changes nothing of the case itself: no new version to conflict with.
    expect((await call(casesApi, 'GET /api/cases/{id}', { user: agent, ...on })).body.version).toBe(caseX.version);
  });

  it('refuses an empty or overlong reply, and a reply on a case that does not exist, writing nothing', async () => {
    const send = (id: string, text: string) => () => call(casesApi, 'POST /api/cases/{id}/comments', { user: agent, pathParameters: { id }, body: { text } });
    await refusedUnchanged(400, [send(caseX.id, '   '), send(caseX.id, 'x'.repeat(5001)), () => call(casesApi, 'POST /api/cases/{id}/comments', { user: agent, pathParameters: { id: caseX.id }, body: { text: 'Ок', from: 'client' } })]);
    await refusedUnchanged(404, [send(madeUpId, 'Ответ')]);
  });
});

describe('the portal’s cases', () => {
  let opened: { id: string };

  it('opens a case for the user’s own account, given to the account’s owner', async () => {
    const res = await call(portalApi, 'POST /api/portal/cases', { user: clientX, body: { subject: 'Не приходит счёт', description: 'Ждём счёт с понедельника', kind: 'request' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      subject: 'Не приходит счёт',
      description: 'Ждём счёт с понедельника',
      kind: 'request',
      priority: 'normal',
      status: 'new',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      responsible: { name: 'Анна Менеджерова' },
      comments: [],
    });
    opened = res.body;
    const staffView = await call(casesApi, 'GET /api/cases/{id}', { user: agent, pathParameters: { id: opened.id } });
    expect(staffView.body).toMatchObject({ accountId: accountX.id, ownerId: admin.sub, channel: 'portal', openedBy: clientX.sub, createdBy: clientX.sub, status: 'new' });
    const timeline = await call(casesApi, 'GET /api/cases/{id}/timeline', { user: agent, pathParameters: { id: opened.id } });
    expect(timeline.body.items).toMatchObject([{ kind: 'created', actor: { type: 'user', id: clientX.sub } }]);
  });

  it('takes nothing but a subject, a description and a kind: owner, account, status, channel are refused, nothing written', async () => {
    const before = await allItems();
    for (const [field, value] of [
      ['ownerId', rep.sub],
      ['accountId', accountY.id],
      ['status', 'resolved'],
      ['channel', 'phone'],
      ['priority', 'urgent'],
      ['contactId', contactX.id],
      ['openedBy', 'someone'],
    ] as const) {
      const res = await call(portalApi, 'POST /api/portal/cases', { user: clientX, body: { subject: 'Тема', description: 'Текст', [field]: value } });
      expect(res.status, field).toBe(400);
      expect(fieldsOf(res), field).toEqual([field]);
    }
    const missing = await call(portalApi, 'POST /api/portal/cases', { user: clientX, body: { subject: 'Тема' } });
    expect(fieldsOf(missing)).toEqual(['description']);
    expect(await allItems()).toEqual(before);
  });

  it('lists the own account’s cases, newest first, and nothing of another account', async () => {
    const list = await call(portalApi, 'GET /api/portal/cases', { user: clientX });
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([opened.id, caseX.id]);
    expect(list.body.items[1]).toEqual({
      id: caseX.id,
      subject: 'Не печатается счёт-фактура',
      description: 'Ошибка при печати',
      kind: 'incident',
      priority: 'urgent',
      status: 'in-progress',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      responsible: { name: 'Ольга Поддержкина' },
    });
    const paged = await call(portalApi, 'GET /api/portal/cases', { user: clientX, query: { limit: '1' } });
    expect(paged.body.items.map((c: { id: string }) => c.id)).toEqual([opened.id]);
    const next = await call(portalApi, 'GET /api/portal/cases', { user: clientX, query: { limit: '1', cursor: paged.body.nextCursor } });
    expect(next.body.items.map((c: { id: string }) => c.id)).toEqual([caseX.id]);
    expect((await call(portalApi, 'GET /api/portal/cases', { user: clientY })).body.items.map((c: { id: string }) => c.id)).toEqual([caseY.id]);
  });

  it('shows a case with the replies only — no internal notes, no tracked changes, no staff emails or ids', async () => {
    const res = await call(portalApi, 'GET /api/portal/cases/{id}', { user: clientX, pathParameters: { id: caseX.id } });
    expect(res.status).toBe(200);
    expect(res.body.comments).toEqual([{ id: expect.any(String), at: expect.any(String), text: 'Здравствуйте! Проверяем шаблон печати.', authorName: 'Ольга Поддержкина', from: 'staff' }]);
    const shown = JSON.stringify(res.body);
    for (const hidden of ['Внутреннее', 'долг', agent.email, `"${agent.sub}"`, admin.email, 'ownerId', 'channel', 'changes', 'high', accountX.id, contactX.id]) expect(shown, hidden).not.toContain(hidden);
  });

  it('answers another account’s case, and a made-up id, as not found — reading, replying or rating, writing nothing', async () => {
    for (const id of [caseY.id, madeUpId]) {
      const res = await call(portalApi, 'GET /api/portal/cases/{id}', { user: clientX, pathParameters: { id } });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: 'Case not found' } });
    }
    const on = { pathParameters: { id: caseY.id } };
    // A portal user whose account is gone: the directory still names it.
    await putUser({ id: 'portal-gone', email: 'gone@x.example', roles: ['portal-user'], accountId: madeUpId });
    await refusedUnchanged(404, [
      () => call(portalApi, 'POST /api/portal/cases/{id}/comments', { user: clientX, ...on, body: { text: 'Чужое' } }),
      () => call(portalApi, 'POST /api/portal/cases/{id}/rating', { user: clientX, ...on, body: { score: 1 } }),
      () => call(portalApi, 'GET /api/portal/cases', { user: { ...clientX, sub: 'portal-none', accountId: undefined } }),
      () => call(portalApi, 'POST /api/portal/cases', { user: { ...clientX, sub: 'portal-gone', accountId: madeUpId }, body: { subject: 'Тема', description: 'Текст' } }),
    ]);
  });

  it('keeps the staff API closed to portal users', async () => {
    const on = { pathParameters: { id: caseX.id } };
    await refusedUnchanged(403, [
      () => call(casesApi, 'GET /api/cases', { user: clientX }),
      () => call(casesApi, 'GET /api/cases/{id}', { user: clientX, ...on }),
      () => call(casesApi, 'GET /api/cases/{id}/timeline', { user: clientX, ...on }),
      () => call(casesApi, 'POST /api/cases/{id}/comments', { user: clientX, ...on, body: { text: 'Через чёрный ход' } }),
      () => call(casesApi, 'PATCH /api/cases/{id}', { user: clientX, ...on, body: { version: caseX.version, status: 'closed' } }),
    ]);
  });

  it('takes the client’s replies while the case is open, shows them to staff, and refuses them once it is closed', async () => {
    const reply = await call(portalApi, 'POST /api/portal/cases/{id}/comments', { user: clientX, pathParameters: { id: caseX.id }, body: { text: 'Спасибо, ждём' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ id: expect.any(String), at: expect.any(String), text: 'Спасибо, ждём', authorName: 'Борис Закупкин', from: 'client' });
    const view = await call(portalApi, 'GET /api/portal/cases/{id}', { user: clientX, pathParameters: { id: caseX.id } });
    expect(view.body.comments.map((c: { text: string; from: string }) => [c.from, c.text])).toEqual([
      ['staff', 'Здравствуйте! Проверяем шаблон печати.'],
      ['client', 'Спасибо, ждём'],
    ]);
    const timeline = await call(casesApi, 'GET /api/cases/{id}/timeline', { user: agent, pathParameters: { id: caseX.id } });
    expect(timeline.body.items[0]).toMatchObject({ kind: 'comment', actor: { id: clientX.sub }, data: { from: 'client', text: 'Спасибо, ждём' } });

    caseY = (await call(casesApi, 'PATCH /api/cases/{id}', { user: agent, pathParameters: { id: caseY.id }, body: { version: caseY.version, status: 'closed' } })).body;
    const before = await allItems();
    const closed = await call(portalApi, 'POST /api/portal/cases/{id}/comments', { user: clientY, pathParameters: { id: caseY.id }, body: { text: 'Ещё вопрос' } });
    expect(closed.status).toBe(409);
    expect(closed.body.error).toMatchObject({ code: 'conflict', fields: [{ path: 'status', code: 'case_closed' }] });
    const bad = await call(portalApi, 'POST /api/portal/cases/{id}/comments', { user: clientX, pathParameters: { id: caseX.id }, body: { text: 'x'.repeat(5001) } });
    expect(fieldsOf(bad)).toEqual(['text']);
    expect(await allItems()).toEqual(before);
  });

  it('takes one rating once the case is resolved: a new version with the rating on the timeline', async () => {
    const rate = (body: unknown) => call(portalApi, 'POST /api/portal/cases/{id}/rating', { user: clientX, pathParameters: { id: caseX.id }, body });
    let before = await allItems();
    const early = await rate({ score: 5 });
    expect(early.status).toBe(409);
    expect(early.body.error.fields).toEqual([expect.objectContaining({ path: 'status', code: 'not_resolved' })]);
    for (const [body, field] of [
      [{ score: 0 }, 'score'],
      [{ score: 4.5 }, 'score'],
      [{ score: 5, comment: 'x'.repeat(1001) }, 'comment'],
      [{ score: 5, at: '2020-01-01T00:00:00Z' }, 'at'],
    ] as const) {
      const res = await rate(body);
      expect(res.status, field).toBe(400);
      expect(fieldsOf(res), field).toEqual([field]);
    }
    expect(await allItems()).toEqual(before);
    // Staff cannot put a rating on a case themselves.
    const forged = await call(casesApi, 'PATCH /api/cases/{id}', { user: agent, pathParameters: { id: caseX.id }, body: { version: caseX.version, rating: { score: 5 } } });
    expect(forged.status).toBe(400);
    expect(fieldsOf(forged)).toContain('rating');

    caseX = (await call(casesApi, 'PATCH /api/cases/{id}', { user: agent, pathParameters: { id: caseX.id }, body: { version: caseX.version, status: 'resolved' } })).body;
    const rated = await rate({ score: 5, comment: 'Быстро и вежливо' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ id: caseX.id, status: 'resolved', rating: { score: 5, comment: 'Быстро и вежливо', at: expect.any(String) } });
    expect(rated.body.comments).toHaveLength(2);
    const stored = (await call(casesApi, 'GET /api/cases/{id}', { user: agent, pathParameters: { id: caseX.id } })).body;
    expect(stored).toMatchObject({ version: caseX.version + 1, rating: { score: 5, comment: 'Быстро и вежливо' } });
    const timeline = await call(casesApi, 'GET /api/cases/{id}/timeline', { user: agent, pathParameters: { id: caseX.id } });
    expect(timeline.body.items[0]).toMatchObject({ kind: 'updated', actor: { id: clientX.sub }, changes: [{ field: 'rating', to: { score: 5, comment: 'Быстро и вежливо' } }] });

    before = await allItems();
    const again = await rate({ score: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toEqual([expect.objectContaining({ path: 'rating', code: 'already_rated' })]);
    expect(await allItems()).toEqual(before);
  });
});
