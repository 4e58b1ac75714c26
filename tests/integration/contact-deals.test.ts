import { beforeAll, describe, expect, it } from 'vitest';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as dealsApi } from '../../functions/deals/deals-api';
import { handler as followMergeHandler } from '../../functions/duplicates/follow-merge';
import { putUser } from '../../shared/data/users-repository';
import type { Contact } from '../../shared/domain/contacts/contact';
import type { Deal, DealSummary } from '../../shared/domain/deals/deal';
import type { DomainEvent } from '../../shared/events/contracts';
import { admin, apiEvent, invoke } from '../support/api-event';
import { deliver, published } from '../support/bus-events';
import { byEntity, recordItems } from '../support/table-items';

/** A contact's deals (REC-3, REC-4): kept in step with each deal's contacts, and followed by a merge (REC-12). */
type Options = Parameters<typeof apiEvent>[0];
const call = <T = any>(api: unknown, route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));
const createContact = async (lastName: string) => (await call<Contact>(contactsApi, 'POST /api/contacts', { body: { lastName } })).body;
const dealsOf = (id: string, query: Record<string, string> = {}) =>
  call<{ items: DealSummary[]; nextCursor?: string }>(contactsApi, 'GET /api/contacts/{id}/deals', { pathParameters: { id }, query });
const titles = async (id: string) => (await dealsOf(id)).body.items.map((d) => d.title);

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
});

describe("a contact's deals", () => {
  it('lists the deals naming the contact, newest first, with their current title and stage, and drops a deal that stops naming it', async () => {
    const buyer = await createContact('Покупаева');
    const expert = await createContact('Экспертов');
    expect((await dealsOf(buyer.id)).body).toEqual({ items: [] });

    const first = (await call<Deal>(dealsApi, 'POST /api/deals', { body: { title: 'Первая сделка', contactIds: [buyer.id, expert.id] } })).body;
    const second = (await call<Deal>(dealsApi, 'POST /api/deals', { body: { title: 'Вторая сделка', contactIds: [buyer.id] } })).body;
    expect(await titles(buyer.id)).toEqual(['Вторая сделка', 'Первая сделка']);
    expect((await dealsOf(buyer.id)).body.items[1]).toMatchObject({ id: first.id, stage: first.stage, pipelineId: 'default', version: 1 });

    const renamed = await call<Deal>(dealsApi, 'PATCH /api/deals/{id}', { pathParameters: { id: first.id }, body: { version: 1, title: 'Первая, переименована', contactIds: [expert.id] } });
    expect(renamed.status).toBe(200);
    expect(await titles(buyer.id)).toEqual(['Вторая сделка']);
    expect(await titles(expert.id)).toEqual(['Первая, переименована']);

    const page = await dealsOf(buyer.id, { limit: '1' });
    expect(page.body.items.map((d) => d.id)).toEqual([second.id]);
  });

  it('pages with a cursor, answers 404 for an unknown contact and 400 for a bad id or limit', async () => {
    const busy = await createContact('Занятов');
    for (const n of [1, 2, 3]) await call(dealsApi, 'POST /api/deals', { body: { title: `Сделка ${n}`, contactIds: [busy.id] } });
    const first = await dealsOf(busy.id, { limit: '2' });
    expect(first.body.items.map((d) => d.title)).toEqual(['Сделка 3', 'Сделка 2']);
    const rest = await dealsOf(busy.id, { limit: '2', cursor: first.body.nextCursor! });
    expect(rest.body.items.map((d) => d.title)).toEqual(['Сделка 1']);

    expect((await dealsOf('01JZZZZZZZZZZZZZZZZZZZZZZZ')).status).toBe(404);
    expect((await dealsOf('not-an-id')).status).toBe(400);
    const badLimit = await dealsOf(busy.id, { limit: '0' });
    expect(badLimit.status).toBe(400);
    expect(JSON.stringify(badLimit.body)).toContain('limit');
  });

  it('moves to the survivor when two contacts are merged: the deals name the survivor and list under it', async () => {
    const survivor = await createContact('Объединёнова');
    const duplicate = await createContact('Объединёнова');
    const both = (await call<Deal>(dealsApi, 'POST /api/deals', { body: { title: 'С обоими', contactIds: [survivor.id, duplicate.id] } })).body;
    const only = (await call<Deal>(dealsApi, 'POST /api/deals', { body: { title: 'С дубликатом', contactIds: [duplicate.id] } })).body;

    const merged = await call(contactsApi, 'POST /api/contacts/{id}/merge', { pathParameters: { id: survivor.id }, body: { duplicateId: duplicate.id, version: 1, duplicateVersion: 1 } });
    expect(merged.status).toBe(200);
    const entry = byEntity(await recordItems(), 'HISTORY').find((h) => h.pk === `CONTACT#${survivor.id}` && h.kind === 'merged')!;
    const event = published((entry.events as DomainEvent[])[0]!);
    expect(await deliver(followMergeHandler, event)).toMatchObject({ relinked: 2 });
    // The same merge announced again under a new event id (past its idempotency record) finds nothing left.
    expect(await deliver(followMergeHandler, { ...event, detail: { ...event.detail, eventId: `${event.detail.eventId}-again` } })).toMatchObject({ relinked: 0, moved: 0 });

    const read = async (id: string) => (await call<Deal>(dealsApi, 'GET /api/deals/{id}', { pathParameters: { id } })).body;
    expect((await read(both.id)).contactIds).toEqual([survivor.id]);
    expect((await read(only.id)).contactIds).toEqual([survivor.id]);
    expect((await titles(survivor.id)).sort()).toEqual(['С дубликатом', 'С обоими']);
    expect((await dealsOf(duplicate.id)).status).toBe(308);
    const leftovers = (await recordItems()).filter((item) => item.pk === `CONTACT#${duplicate.id}` && String(item.sk).startsWith('MEMBER#'));
    expect(leftovers).toEqual([]);
  });
});
