import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as activitiesApi } from '../../functions/activities/activities-api';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as detectHandler } from '../../functions/duplicates/detect-duplicates';
import { handler as followMergeHandler } from '../../functions/duplicates/follow-merge';
import { handler as searchApi } from '../../functions/search/search-api';
import { getRecord } from '../../shared/data/records-repository';
import { putUser } from '../../shared/data/users-repository';
import type { Account } from '../../shared/domain/accounts/account';
import type { Contact } from '../../shared/domain/contacts/contact';
import { kinds } from '../../shared/domain/records/kinds';
import type { DomainEvent } from '../../shared/events/contracts';
import { admin, apiEvent, invoke } from '../support/api-event';
import { busEvent, deliver, published } from '../support/bus-events';
import { byEntity, recordItems } from '../support/table-items';
import { deriveIndex } from '../support/derived-index';

/** Merging duplicates (REC-12): the survivor keeps chosen values, gains children and timeline; the merged id redirects. */
type Options = Parameters<typeof apiEvent>[0];
const call = <T = any>(api: unknown, route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));
const createAccount = async (body: unknown) => (await call<Account>(accountsApi, 'POST /api/accounts', { body })).body;
const merge = (survivor: { id: string; version: number }, duplicate: { id: string; version: number }, take: string[] = []) =>
  call<Account>(accountsApi, 'POST /api/accounts/{id}/merge', { pathParameters: { id: survivor.id }, body: { duplicateId: duplicate.id, version: survivor.version, duplicateVersion: duplicate.version, take } });
const timeline = async (id: string) =>
  (await call<{ items: { kind: string; note?: string; data?: Record<string, unknown> }[] }>(accountsApi, 'GET /api/accounts/{id}/timeline', { pathParameters: { id }, query: { limit: '100' } })).body.items;
const follow = (event: object) => deliver(followMergeHandler, event);
/** The same merge announced again under a new event id (past its idempotency record): the follower itself finds nothing left. */
const announcedAgain = (event: ReturnType<typeof published>) => ({ ...event, detail: { ...event.detail, eventId: `${event.detail.eventId}-again` } });

/** The RecordsMerged event the merge put in the outbox, as the bus delivers it. */
async function mergedEvent(survivorId: string) {
  const entries = byEntity(await recordItems(), 'HISTORY').filter((h) => h.pk === `ACCOUNT#${survivorId}` && h.kind === 'merged');
  const event = (entries.at(-1)?.events as DomainEvent[])[0]!;
  expect(event.type).toBe('RecordsMerged');
  return published(event);
}

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
});

describe('merging accounts', () => {
  it('keeps chosen values, fills gaps, unites phones, and leaves a redirect; children and timeline follow', async () => {
    const survivor = await createAccount({ name: 'ООО «Слияние»', taxId: '7701234567', industry: 'Торговля', phones: [{ kind: 'work', number: '+7 495 111-11-11' }] });
    const duplicate = await createAccount({ name: 'Слияние', taxId: '7701234567', industry: 'Производство', website: 'https://sliyanie.ru', phones: [{ kind: 'work', number: '8 (495) 111-11-11' }, { kind: 'work', number: '+7 495 222-22-22' }] });
    const contact = (await call<Contact>(contactsApi, 'POST /api/contacts', { body: { lastName: 'Сотрудников', accountId: duplicate.id } })).body;
    const task = (await call(activitiesApi, 'POST /api/activities', { body: { kind: 'task', subject: 'Позвонить', regarding: { type: 'account', id: duplicate.id } } })).body;
    await call(accountsApi, 'POST /api/accounts/{id}/notes', { pathParameters: { id: duplicate.id }, body: { text: 'Заметка о дубликате' } });

    const res = await merge(survivor, duplicate, ['industry']);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: survivor.id, version: 2, industry: 'Производство', website: 'https://sliyanie.ru', name: 'ООО «Слияние»' });
    expect(res.body.phones?.map((p) => p.number)).toEqual(['+74951111111', '+74952222222']);

    const gone = await call(accountsApi, 'GET /api/accounts/{id}', { pathParameters: { id: duplicate.id } });
    expect(gone.status).toBe(308);
    expect(gone.headers?.location).toBe(`/api/accounts/${survivor.id}`);
    expect(gone.body.error).toMatchObject({ code: 'moved', mergedInto: { type: 'account', id: survivor.id } });
    await deriveIndex();
    const found = await call<{ items: { id: string }[] }>(searchApi, 'GET /api/search', { query: { q: 'слияние', types: 'account' } });
    expect(found.body.items.map((h) => h.id)).toEqual([survivor.id]);
    expect((await call(accountsApi, 'GET /api/accounts/{id}/duplicates', { pathParameters: { id: survivor.id } })).body.items).toEqual([]);
    expect((await timeline(survivor.id))[0]).toMatchObject({ kind: 'merged', data: { mergedId: duplicate.id, mergedTitle: 'Слияние' } });

    const event = await mergedEvent(survivor.id);
    // Its creation, the note and the task's entry.
    expect(await follow(event)).toEqual({ relinked: 2, moved: 3 });
    const contacts = await call<{ items: Contact[] }>(contactsApi, 'GET /api/contacts', { query: { parentId: survivor.id } });
    expect(contacts.body.items.map((c) => c.id)).toEqual([contact.id]);
    const tasks = await call<{ items: { id: string; regarding: unknown }[] }>(activitiesApi, 'GET /api/activities', { query: { parentType: 'account', parentId: survivor.id } });
    expect(tasks.body.items).toEqual([expect.objectContaining({ id: task.id, regarding: { type: 'account', id: survivor.id } })]);
    const kinds = (await timeline(survivor.id)).map((e) => e.kind);
    // Both creations, the merge, and what moved over: the note and the task's entry.
    expect([...kinds].sort()).toEqual(['activity', 'created', 'created', 'merged', 'note']);
    expect((await timeline(survivor.id)).find((e) => e.kind === 'note')?.note).toBe('Заметка о дубликате');
    // The moved entries do not carry their events again: the outbox published them once.
    const moved = byEntity(await recordItems(), 'HISTORY').filter((h) => h.movedFrom === duplicate.id);
    expect(moved).toHaveLength(3);
    expect(moved.every((h) => h.events === undefined)).toBe(true);

    expect(await follow(announcedAgain(event))).toEqual({ relinked: 0, moved: 0 });
  });

  it('refuses a stale version of either record, a record merged into itself, and one already merged', async () => {
    const a = await createAccount({ name: 'Альфа Дубль' });
    const b = await createAccount({ name: 'Альфа Дубль' });
    expect((await merge(a, { ...b, version: 9 })).status).toBe(409);
    expect((await merge({ ...a, version: 9 }, b)).status).toBe(409);
    const self = await merge(a, a);
    expect(self.status).toBe(400);
    expect(self.body.error.fields[0].path).toBe('duplicateId');
    expect((await merge(a, b, ['nonsense'])).body.error.fields[0].path).toBe('take');
    expect((await merge(a, b)).status).toBe(200);
    const again = await merge({ ...a, version: 2 }, b);
    expect(again.status).toBe(422);
    expect(again.body.error.fields[0].path).toBe('duplicateId');
    expect((await call(accountsApi, 'POST /api/accounts/{id}/merge', { pathParameters: { id: a.id }, body: { duplicateId: 'x', version: 1 } })).body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['duplicateId', 'duplicateVersion']);
  });

  it('moves a child account of the duplicate under the survivor, and does not put the survivor under itself', async () => {
    const parent = await createAccount({ name: 'Холдинг Корень' });
    const child = await createAccount({ name: 'Холдинг Корень Дочка', parentId: parent.id });
    const res = await merge(child, parent);
    expect(res.status).toBe(200);
    expect(res.body.parentId).toBeUndefined();
  });
});

describe('the duplicates view of a type', () => {
  // The event of the record's latest change, as its producer announces it (a new event each time).
  const detect = async (type: 'contact', id: string, mergedId?: string) => {
    const record = (await getRecord(kinds[type], id))!;
    const ref = { type, id, ownerId: record.ownerId, title: '', version: record.version };
    return deliver(detectHandler, mergedId ? busEvent('RecordsMerged', { record: ref, mergedId, mergedTitle: '', actorId: admin.sub }) : busEvent('RecordUpdated', { record: ref, changedFields: [], actorId: admin.sub }));
  };
  const view = async () => (await call<{ items: { records: { id: string }[]; reasons: string[]; strength?: string }[] }>(contactsApi, 'GET /api/contacts/duplicates')).body.items;
  const createContact = async (body: object) => (await call<Contact>(contactsApi, 'POST /api/contacts', { body })).body;

  it('lists each pair once with both records, follows edits, forgets dismissed pairs and merged records', async () => {
    const a = await createContact({ lastName: 'Видов', firstName: 'Олег', phones: [{ kind: 'mobile', number: '+7 926 700-00-01' }] });
    const b = await createContact({ lastName: 'Видов', firstName: 'Олег', phones: [{ kind: 'work', number: '8 926 700 00 01' }] });
    const c = await createContact({ lastName: 'Видов', firstName: 'Олег', emails: [{ kind: 'work', address: 'vidov@firm.ru' }] });
    for (const id of [a.id, b.id, c.id]) await detect('contact', id);
    await detect('contact', a.id); // a redelivery changes nothing
    const pairs = await view();
    expect(pairs.map((p) => p.records.map((r) => r.id).sort())).toEqual(
      expect.arrayContaining([[a.id, b.id].sort(), [a.id, c.id].sort(), [b.id, c.id].sort()]),
    );
    expect(pairs).toHaveLength(3);
    expect(pairs.find((p) => p.records.some((r) => r.id === b.id) && p.records.some((r) => r.id === a.id))?.reasons.sort()).toEqual(['name', 'phone']);
    // One mobile is one person; one name is for review (REC-12).
    const pairOf = (x: string, y: string) => pairs.find((p) => p.records.some((r) => r.id === x) && p.records.some((r) => r.id === y));
    expect(pairOf(a.id, b.id)).toMatchObject({ strength: 'strong', evidence: [{ reason: 'phone', strength: 'strong' }, { reason: 'name', strength: 'weak' }] });
    expect(pairOf(a.id, c.id)).toMatchObject({ strength: 'weak', evidence: [{ reason: 'name', strength: 'weak' }] });

    // c is someone else with the same name: dismissed, it stays out even after c changes.
    expect((await call(contactsApi, 'POST /api/contacts/duplicates/dismiss', { body: { ids: [c.id, a.id] } })).status).toBe(204);
    expect((await call(contactsApi, 'POST /api/contacts/duplicates/dismiss', { body: { ids: [c.id, 'x'] } })).status).toBe(400);
    await call(contactsApi, 'PATCH /api/contacts/{id}', { pathParameters: { id: c.id }, body: { version: 1, jobTitle: 'Инженер' } });
    await detect('contact', c.id);
    expect((await view()).map((p) => p.records.map((r) => r.id).sort())).toEqual(expect.arrayContaining([[a.id, b.id].sort(), [b.id, c.id].sort()]));
    expect(await view()).toHaveLength(2);

    // b renamed and renumbered: no longer anyone's duplicate.
    await call(contactsApi, 'PATCH /api/contacts/{id}', { pathParameters: { id: b.id }, body: { version: 1, lastName: 'Другов', phones: [{ kind: 'work', number: '+7 926 700-99-99' }] } });
    await detect('contact', b.id);
    expect(await view()).toEqual([]);

    // A merge takes the merged record's pairs with it.
    const d = await createContact({ lastName: 'Слитов', phones: [{ kind: 'mobile', number: '+7 926 700-00-77' }] });
    const e = await createContact({ lastName: 'Слитов', phones: [{ kind: 'mobile', number: '+7 926 700-00-77' }] });
    // d's own detection is left out here: its match keys come from the stream.
    await deriveIndex();
    await detect('contact', e.id);
    expect(await view()).toHaveLength(1);
    const merged = await call(contactsApi, 'POST /api/contacts/{id}/merge', { pathParameters: { id: d.id }, body: { duplicateId: e.id, version: 1, duplicateVersion: 1 } });
    expect(merged.status).toBe(200);
    await detect('contact', d.id, e.id);
    expect(await view()).toEqual([]);
  });
});
