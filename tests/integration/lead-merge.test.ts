import { beforeAll, describe, expect, it } from 'vitest';
import { handler as activitiesApi } from '../../functions/activities/activities-api';
import { handler as detectHandler } from '../../functions/duplicates/detect-duplicates';
import { handler as followMergeHandler } from '../../functions/duplicates/follow-merge';
import { createFormRoute as createForm } from '../../functions/forms/create-form';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { getRecord } from '../../shared/data/records-repository';
import { putUser } from '../../shared/data/users-repository';
import { leadKind, type Lead } from '../../shared/domain/leads/lead';
import { submitForm } from '../../shared/services/form-submission-service';
import type { DomainEvent } from '../../shared/events/contracts';
import { admin, apiEvent, invoke, rep, type TestUser } from '../support/api-event';
import { busEvent, deliver, published } from '../support/bus-events';
import { byEntity, recordItems } from '../support/table-items';
import { deriveIndex } from '../support/derived-index';

/** Duplicates of leads (REC-12): found by email, phone or name; two open leads merged into one; the merged id redirects. */
type Options = Parameters<typeof apiEvent>[0];
const marketer: TestUser = { sub: 'user-marketer', email: 'marketer@example.com', groups: ['marketer'] };
const call = <T = any>(route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(leadsApi, apiEvent({ route, ...options }));
const createLead = async (body: Record<string, unknown>) => {
  const res = await call<Lead>('POST /api/leads', { body });
  expect(res.status).toBe(201);
  return res.body;
};
/** A lead's duplicates a moment after the writes: match keys follow them from the stream (ADR 0009). */
const duplicatesOf = async (leadId: string) => {
  await deriveIndex();
  return call<{ items: { record: Lead; reasons: string[] }[] }>('GET /api/leads/{leadId}/duplicates', { pathParameters: { leadId } });
};
const merge = (survivor: Lead, duplicate: Lead, take: string[] = [], versions = { version: survivor.version, duplicateVersion: duplicate.version }) =>
  call<Lead>('POST /api/leads/{leadId}/merge', { pathParameters: { leadId: survivor.id }, body: { duplicateId: duplicate.id, ...versions, take } });
const follow = async (survivorId: string) => {
  const entry = byEntity(await recordItems(), 'HISTORY').find((h) => h.pk === `LEAD#${survivorId}` && h.kind === 'merged')!;
  return deliver(followMergeHandler, published((entry.events as DomainEvent[])[0]!));
};

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
});

describe('lead duplicates', () => {
  it('lists the leads sharing a phone (however typed), an email or a name, with the reasons', async () => {
    const first = await createLead({ lastName: 'Дублев', firstName: 'Пётр', phone: '+7 913 555-01-01', email: 'dublev@example.ru' });
    const samePhone = await createLead({ lastName: 'Дублев', firstName: 'Пётр', phone: '8 (913) 555-01-01', company: 'ООО «Дубль»' });
    const sameEmail = await createLead({ lastName: 'Иной', email: 'DUBLEV@example.ru' });
    await createLead({ lastName: 'Посторонний', phone: '+7 913 555-09-09' });

    const found = await duplicatesOf(first.id);
    expect(found.status).toBe(200);
    const byId = new Map(found.body.items.map((i) => [i.record.id, i.reasons.sort()]));
    expect(byId.get(samePhone.id)).toEqual(['name', 'phone']);
    expect(byId.get(sameEmail.id)).toEqual(['email']);
    expect(byId.size).toBe(2);
    expect((await duplicatesOf('01JZZZZZZZZZZZZZZZZZZZZZZZ')).status).toBe(404);
    expect((await duplicatesOf('nope')).status).toBe(400);
  });

  it('merges a duplicate into a lead: chosen values, gaps filled, activities and timeline moved, the merged id redirecting', async () => {
    const survivor = await createLead({ lastName: 'Слиянова', firstName: 'Ольга', phone: '+7 914 000-11-22', topic: 'CRM' });
    const duplicate = await createLead({ lastName: 'Слиянова', firstName: 'Оля', phone: '8 914 000 11 22', company: 'ИП Слиянова', email: 'olga@example.ru' });
    await call('POST /api/leads/{leadId}/notes', { pathParameters: { leadId: duplicate.id }, body: { text: 'Звонила вчера' } });
    const task = (await invoke<{ id: string }>(activitiesApi, apiEvent({ route: 'POST /api/activities', body: { kind: 'task', subject: 'Перезвонить', regarding: { type: 'lead', id: duplicate.id } } }))).body;

    const res = await merge(survivor, duplicate, ['firstName']);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: survivor.id, version: 2, firstName: 'Оля', company: 'ИП Слиянова', email: 'olga@example.ru', topic: 'CRM', status: 'new' });

    const gone = await call('GET /api/leads/{leadId}', { pathParameters: { leadId: duplicate.id } });
    expect(gone.status).toBe(308);
    expect(gone.headers?.location).toBe(`/api/leads/${survivor.id}`);
    expect((await duplicatesOf(survivor.id)).body.items.map((i) => i.record.id)).not.toContain(duplicate.id);
    const listed = await call<{ items: Lead[] }>('GET /api/leads', { query: { limit: '100' } });
    expect(listed.body.items.map((l) => l.id)).not.toContain(duplicate.id);

    expect(await follow(survivor.id)).toMatchObject({ relinked: 1 });
    const moved = await invoke<{ regarding: { id: string } }>(activitiesApi, apiEvent({ route: 'GET /api/activities/{id}', pathParameters: { id: task.id } }));
    expect(moved.body.regarding).toEqual({ type: 'lead', id: survivor.id });
    const timeline = await call<{ items: { kind: string; note?: string }[] }>('GET /api/leads/{leadId}/timeline', { pathParameters: { leadId: survivor.id }, query: { limit: '50' } });
    expect(timeline.body.items[0]!.kind).toBe('merged');
    expect(timeline.body.items.some((e) => e.kind === 'note' && e.note === 'Звонила вчера')).toBe(true);
  });

  it('refuses a stale version, a converted lead, taking the status, itself and an already merged lead, changing nothing', async () => {
    const a = await createLead({ lastName: 'Отказов', phone: '+7 915 100-00-01' });
    const b = await createLead({ lastName: 'Отказов', phone: '+7 915 100-00-01' });
    const before = (await recordItems()).length;
    expect((await merge(a, b, [], { version: 7, duplicateVersion: 1 })).status).toBe(409);
    expect((await merge(a, b, [], { version: 1, duplicateVersion: 7 })).status).toBe(409);
    const status = await merge(a, b, ['status']);
    expect(status.status).toBe(400);
    expect(status.body.error.fields[0].path).toBe('take');
    expect((await merge(a, a)).status).toBe(400);
    expect((await call('POST /api/leads/{leadId}/merge', { pathParameters: { leadId: a.id }, body: { duplicateId: b.id, version: 1 } })).status).toBe(400);
    expect((await recordItems()).length).toBe(before);

    const converted = await createLead({ lastName: 'Отказов', company: 'Преобразованная', phone: '+7 915 100-00-01' });
    expect((await call('POST /api/leads/{leadId}/convert', { pathParameters: { leadId: converted.id }, body: { version: 1 } })).status).toBe(201);
    const refused = await merge(a, { ...converted, version: 2 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields[0]).toMatchObject({ path: 'duplicateId', code: 'converted' });

    expect((await merge(a, b)).status).toBe(200);
    const again = await merge({ ...a, version: 2 }, b);
    expect(again.status).toBe(422);
    expect(again.body.error.fields[0]).toMatchObject({ path: 'duplicateId', code: 'merged' });
  });

  it('keeps a duplicates view of leads: each pair once, converted leads leaving it, dismissed pairs gone', async () => {
    const x = await createLead({ lastName: 'Видов', phone: '+7 917 222-33-44' });
    const y = await createLead({ lastName: 'Видова', phone: '8 917 222 33 44' });
    const z = await createLead({ lastName: 'Видовой', company: 'Конверт', phone: '+79172223344' });
    // The event of the lead's latest change, as its producer announces it (a new event each time).
    const detect = async (id: string) => {
      const lead = (await getRecord(leadKind, id))!;
      return deliver(detectHandler, busEvent('LeadUpdated', { lead: { id, ownerId: lead.ownerId, status: lead.status, version: lead.version }, changedFields: [], actorId: rep.sub }));
    };
    for (const lead of [x, y, z]) await detect(lead.id);
    const view = async () =>
      (await call<{ items: { records: Lead[]; reasons: string[] }[] }>('GET /api/leads/duplicates')).body.items
        .map((p) => p.records.map((r) => r.lastName).sort().join('+'))
        .filter((pair) => pair.startsWith('Вид'))
        .sort();
    expect(await view()).toEqual(['Видов+Видова', 'Видов+Видовой', 'Видова+Видовой']);

    expect((await call('POST /api/leads/{leadId}/convert', { pathParameters: { leadId: z.id }, body: { version: 1 } })).status).toBe(201);
    await detect(z.id);
    expect(await view()).toEqual(['Видов+Видова']);
    expect((await call('POST /api/leads/duplicates/dismiss', { body: { ids: [y.id, x.id] } })).status).toBe(204);
    expect(await view()).toEqual([]);
    expect((await duplicatesOf(x.id)).body.items.map((i) => i.record.id)).toEqual([y.id]);
  });

  it('sends a web form repeat from a merged lead to the survivor', async () => {
    // Marketers set up the web forms; the rep owns what they bring.
    expect((await invoke(createForm, apiEvent({ route: 'POST /api/forms', user: marketer, body: { id: 'merge-form', name: 'Форма', allowedOrigins: ['https://shop.example'], thankYouUrl: 'https://shop.example/ok', ownerIds: [rep.sub], requiredFields: ['email'] } }))).status).toBe(201);
    const submission = { formId: 'merge-form', fields: { name: ['Анна Формова'], email: ['formova@example.ru'] }, origin: 'https://shop.example', sourceIp: '192.0.2.7', meta: { currency: 'RUB' as const }, defaultOrigins: [] };
    const captured = await submitForm(submission);
    const fromForm = (await call<Lead>('GET /api/leads/{leadId}', { pathParameters: { leadId: (captured as { leadId: string }).leadId } })).body;
    const byHand = await createLead({ lastName: 'Формова', firstName: 'Анна', email: 'formova@example.ru', phone: '+7 916 000-00-77' });
    expect((await merge(byHand, fromForm)).status).toBe(200);

    const repeat = await submitForm(submission);
    expect(repeat).toMatchObject({ outcome: 'updated', leadId: byHand.id });
    const survivor = (await call<Lead>('GET /api/leads/{leadId}', { pathParameters: { leadId: byHand.id } })).body;
    // The lead entered by hand counted no form posts; the merge keeps the survivor's count, the repeat adds one.
    expect(survivor.submissionCount).toBe(1);
  });
});
