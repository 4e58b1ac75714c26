import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as activitiesApi } from '../../functions/activities/activities-api';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as exportsApi } from '../../functions/exports/exports-api';
import { createFormRoute as createForm } from '../../functions/forms/create-form';
import { handler as importsApi } from '../../functions/imports/imports-api';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { handler as portalApi } from '../../functions/portal/portal-api';
import { app } from '../../infra/definition/app';
import type { RuleDef } from '../../infra/definition/types';
import { matchesPattern } from '../../infra/local/event-pattern';
import { fileStore } from '../../shared/adapters/file-store';
import { setMoment } from '../../shared/adapters/one-time-schedules';
import { scheduleNameOf, type Moment, type MomentKind } from '../../shared/domain/moments/one-time-moment';
import { startOneTimeScheduler } from '../support/one-time-schedules';
import { importFileKeys } from '../../shared/domain/imports/import-job';
import { putUser } from '../../shared/data/users-repository';
import { createLeadSchema, type Lead } from '../../shared/domain/leads/lead';
import { leadRef, type DomainEvent, type DomainEventType } from '../../shared/events/contracts';
import { detectDuplicatesOf } from '../../shared/services/duplicates-service';
import { submitForm } from '../../shared/services/form-submission-service';
import { leads } from '../../shared/services/lead-records';
import { continuation } from '../../shared/migrations/run-after-deploy';
import { latestVersion } from '../../shared/migrations/registry';
import { schemaVersion } from '../../shared/migrations/state';
import { admin, apiEvent, invoke, rep, type TestUser } from '../support/api-event';
import { busEvent, deliver, published, scheduledEvent } from '../support/bus-events';
import { allItems } from '../support/table-items';
import { deriveIndex } from '../support/derived-index';

/**
 * Every rule and schedule of the app definition, generated from it (ADR 0018): each rule gets a
 * valid sample of each event type its pattern takes, the events of two changes where order can
 * differ, delivered newest first and then all again; each schedule runs twice for one scheduled
 * time; each one-time target (ADR 0012) fires twice for one moment. Each sees one effect per event
 * or run. A rule, schedule or one-time target without a sample here fails, so a new one is covered
 * the day it lands. SES is mocked only to count the sends.
 */
process.env.FILES_DIR = mkdtempSync(join(tmpdir(), 'crm-files-'));
process.env.FILES_URL_SECRET = 'test-files-secret';

const ses = mockClient(SESv2Client);
ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
const sends = () => ses.commandCalls(SendEmailCommand).length;

type BusEvent = ReturnType<typeof busEvent>;
/** What a sample sets up: the events of its changes, oldest first, and how to see their effect. */
interface Scenario {
  events: BusEvent[];
  effect: () => Promise<unknown>;
  expected: unknown;
}
interface ScheduledScenario {
  at: string;
  effect: () => Promise<unknown>;
  expected: unknown;
}

type Options = Parameters<typeof apiEvent>[0];
const call = <T = any>(api: unknown, route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));
const salesRep = { type: 'user' as const, id: rep.sub, email: rep.email, roles: ['sales-rep' as const] };
const marketer: TestUser = { sub: 'consumers-marketer', email: 'marketer@example.com', groups: ['marketer'] };
let client: TestUser;
let seq = 0;
/** A phone no other sample's records share, so each sample's duplicates are its own. */
const freshPhone = () => `+7 926 ${5_550_000 + ++seq}`;

/** The events of `type` the changes under `pk` put in the outbox, as the publisher sends them. */
async function outbox(type: DomainEventType, pk: string): Promise<BusEvent[]> {
  const items = (await allItems()).filter((item) => item.pk === pk && Array.isArray(item.events));
  return items.flatMap((item) => item.events as DomainEvent[]).filter((e) => e.type === type).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id)).map(published);
}

const newLead = (input: Record<string, unknown>, clock?: { now: () => Date }) => leads.create(salesRep, createLeadSchema.parse(input), clock && { clock });
const createContact = async (body: object) => (await call<{ id: string; version: number }>(contactsApi, 'POST /api/contacts', { body })).body;
/** The records the stored pairs of the type's duplicates view put beside `id` (what the detector keeps). */
const duplicateIds = async (resource: 'contacts' | 'leads', id: string) =>
  (await call<{ items: { records: { id: string }[] }[] }>(resource === 'leads' ? leadsApi : contactsApi, `GET /api/${resource}/duplicates`, { user: admin, query: { limit: '100' } })).body.items
    .filter((pair) => pair.records.some((r) => r.id === id))
    .flatMap((pair) => pair.records.map((r) => r.id).filter((other) => other !== id));
/** How often a job's history records its move to `status`: once, however often the runner was asked. */
const movesTo = async (id: string, status: string) =>
  (await allItems()).filter((item) => item.entity === 'HISTORY' && String(item.pk).endsWith(`#${id}`) && JSON.stringify(item.changes ?? []).includes(`"to":"${status}"`)).length;

async function uploadedImport(name: string): Promise<string> {
  const bytes = new TextEncoder().encode(`Фамилия\n${name}\n`);
  const started = await call<{ import: { id: string } }>(importsApi, 'POST /api/imports', { user: admin, body: { recordType: 'contact', fileName: `${name}.csv`, contentType: 'text/csv', bytes: bytes.length } });
  await fileStore().write(importFileKeys(started.body.import.id).source, bytes, 'text/csv');
  expect((await call(importsApi, 'POST /api/imports/{importId}/file', { user: admin, pathParameters: { importId: started.body.import.id }, body: { version: 1 } })).status).toBe(202);
  return started.body.import.id;
}

/** Two leads sharing a phone (and names no other sample uses), their pair stored. */
async function leadsPair(names: [string, string]): Promise<[Lead, Lead]> {
  const phone = freshPhone();
  const first = await newLead({ lastName: names[0], phone });
  const second = await newLead({ lastName: names[1], phone });
  for (const lead of [first, second]) await detectDuplicatesOf('lead', lead.id);
  return [first, second];
}

const ruleSamples: Record<string, Partial<Record<DomainEventType, () => Promise<Scenario>>>> = {
  'lead-captured-notify-owner': {
    LeadCaptured: async () => {
      const leads = [await newLead({ lastName: 'Захваченный', email: 'captured1@example.ru' }), await newLead({ lastName: 'Пойманный', email: 'captured2@example.ru' })];
      return { events: leads.map((lead) => busEvent('LeadCaptured', { lead: leadRef(lead), formId: 'website' })), effect: async () => sends(), expected: 2 };
    },
  },
  'case-opened-in-portal-notify-owner': {
    RecordCreated: async () => {
      const opened = [];
      for (const subject of ['Первое обращение', 'Второе обращение']) opened.push((await call(portalApi, 'POST /api/portal/cases', { user: client, body: { subject, description: 'Текст' } })).body.id as string);
      return { events: (await Promise.all(opened.map((id) => outbox('RecordCreated', `CASE#${id}`)))).flat(), effect: async () => sends(), expected: 2 };
    },
  },
  'case-client-replied-notify-owner': {
    CaseCommentAdded: async () => {
      const opened = (await call(portalApi, 'POST /api/portal/cases', { user: client, body: { subject: 'Переписка', description: 'Начало' } })).body.id as string;
      for (const text of ['Первый ответ', 'Второй ответ']) await call(portalApi, 'POST /api/portal/cases/{id}/comments', { user: client, pathParameters: { id: opened }, body: { text } });
      return { events: await outbox('CaseCommentAdded', `CASE#${opened}`), effect: async () => sends(), expected: 2 };
    },
  },
  'duplicates-detect': {
    RecordCreated: async () => {
      const phone = freshPhone();
      const [a, b] = [await createContact({ lastName: 'Созданный', phones: [{ kind: 'mobile', number: phone }] }), await createContact({ lastName: 'Созданная', phones: [{ kind: 'mobile', number: phone }] })];
      return { events: [...(await outbox('RecordCreated', `CONTACT#${a.id}`)), ...(await outbox('RecordCreated', `CONTACT#${b.id}`))], effect: () => duplicateIds('contacts', a.id), expected: [b.id] };
    },
    RecordUpdated: async () => {
      const phone = freshPhone();
      const a = await createContact({ lastName: 'Изменяемый', phones: [{ kind: 'mobile', number: phone }] });
      const b = await createContact({ lastName: 'Другой', phones: [{ kind: 'mobile', number: freshPhone() }] });
      // v2 takes a's number (a duplicate), v3 changes the job title only (still one).
      await call(contactsApi, 'PATCH /api/contacts/{id}', { pathParameters: { id: b.id }, body: { version: 1, phones: [{ kind: 'mobile', number: phone }] } });
      await call(contactsApi, 'PATCH /api/contacts/{id}', { pathParameters: { id: b.id }, body: { version: 2, jobTitle: 'Инженер' } });
      return { events: await outbox('RecordUpdated', `CONTACT#${b.id}`), effect: () => duplicateIds('contacts', b.id), expected: [a.id] };
    },
    RecordsMerged: async () => {
      const phone = freshPhone();
      const [a, b, c] = [await createContact({ lastName: 'Слит', phones: [{ kind: 'mobile', number: phone }] }), await createContact({ lastName: 'Слит', phones: [{ kind: 'mobile', number: phone }] }), await createContact({ lastName: 'Слит', phones: [{ kind: 'mobile', number: phone }] })];
      for (const contact of [a, b, c]) await detectDuplicatesOf('contact', contact.id);
      expect((await call(contactsApi, 'POST /api/contacts/{id}/merge', { pathParameters: { id: a.id }, body: { duplicateId: c.id, version: 1, duplicateVersion: 1 } })).status).toBe(200);
      // c's pairs go with it; a and b stay one pair.
      return { events: await outbox('RecordsMerged', `CONTACT#${a.id}`), effect: () => duplicateIds('contacts', a.id), expected: [b.id] };
    },
  },
  'lead-duplicates-detect': {
    LeadCreated: async () => {
      const phone = freshPhone();
      const [a, b] = [await newLead({ lastName: 'Новый', phone }), await newLead({ lastName: 'Новая', phone })];
      return { events: [...(await outbox('LeadCreated', `LEAD#${a.id}`)), ...(await outbox('LeadCreated', `LEAD#${b.id}`))], effect: () => duplicateIds('leads', a.id), expected: [b.id] };
    },
    LeadUpdated: async () => {
      const phone = freshPhone();
      const a = await newLead({ lastName: 'Исходный', phone });
      const b = await newLead({ lastName: 'Правленый', phone: freshPhone() });
      await call(leadsApi, 'PATCH /api/leads/{leadId}', { pathParameters: { leadId: b.id }, body: { version: 1, phone } });
      await call(leadsApi, 'PATCH /api/leads/{leadId}', { pathParameters: { leadId: b.id }, body: { version: 2, company: 'ООО «Правка»' } });
      return { events: await outbox('LeadUpdated', `LEAD#${b.id}`), effect: () => duplicateIds('leads', b.id), expected: [a.id] };
    },
    LeadResubmitted: async () => {
      const phone = freshPhone();
      const byHand = await newLead({ lastName: 'Повторов', phone });
      const submission = { formId: 'consumers-form', fields: { name: ['Пётр Повторов'], email: ['povtorov@example.ru'], phone: [phone] }, origin: 'https://shop.example', sourceIp: '192.0.2.8', meta: { currency: 'RUB' as const }, defaultOrigins: [] };
      const captured = (await submitForm(submission)) as { leadId: string };
      await submitForm(submission);
      await submitForm(submission);
      return { events: await outbox('LeadResubmitted', `LEAD#${captured.leadId}`), effect: () => duplicateIds('leads', captured.leadId), expected: [byHand.id] };
    },
    LeadRejected: async () => {
      const [kept, rejected] = await leadsPair(['Оставленный', 'Отклонённый']);
      expect((await call(leadsApi, 'POST /api/leads/{leadId}/reject', { pathParameters: { leadId: rejected.id }, body: { version: 1, reason: 'no-budget' } })).status).toBe(200);
      // A rejected lead can still be merged: its pair stays.
      return { events: await outbox('LeadRejected', `LEAD#${rejected.id}`), effect: () => duplicateIds('leads', kept.id), expected: [rejected.id] };
    },
    LeadConverted: async () => {
      const [kept, converted] = await leadsPair(['Сохранённый', 'Обращённый']);
      expect((await call(leadsApi, 'POST /api/leads/{leadId}/convert', { pathParameters: { leadId: converted.id }, body: { version: 1 } })).status).toBe(201);
      // A converted lead is no one's duplicate any more.
      return { events: await outbox('LeadConverted', `LEAD#${converted.id}`), effect: () => duplicateIds('leads', kept.id), expected: [] };
    },
  },
  'records-merged-follow': {
    RecordsMerged: async () => {
      // Two merges in a row: B into A, then A into C. Followed newest first, B's contact must still end under C.
      const account = async (name: string) => (await call<{ id: string }>(accountsApi, 'POST /api/accounts', { body: { name } })).body.id;
      const [a, b, c] = [await account('Поглотитель'), await account('Поглощённый'), await account('Последний')];
      const child = await createContact({ lastName: 'Дочерний', accountId: b });
      expect((await call(accountsApi, 'POST /api/accounts/{id}/merge', { pathParameters: { id: a }, body: { duplicateId: b, version: 1, duplicateVersion: 1 } })).status).toBe(200);
      expect((await call(accountsApi, 'POST /api/accounts/{id}/merge', { pathParameters: { id: c }, body: { duplicateId: a, version: 1, duplicateVersion: 2 } })).status).toBe(200);
      const under = async (id: string) => (await call<{ items: { id: string }[] }>(contactsApi, 'GET /api/contacts', { query: { parentId: id } })).body.items.map((contact) => contact.id);
      const movedFrom = async (id: string) => (await allItems()).filter((item) => item.entity === 'HISTORY' && item.movedFrom === id && item.pk === `ACCOUNT#${c}`).length;
      return {
        events: [...(await outbox('RecordsMerged', `ACCOUNT#${a}`)), ...(await outbox('RecordsMerged', `ACCOUNT#${c}`))],
        effect: async () => ({ underLast: await under(c), movedFromB: await movedFrom(b), movedFromA: await movedFrom(a) }),
        // B's creation entry and A's creation and merge entries, each moved once, to where they live now.
        expected: { underLast: [child.id], movedFromB: 1, movedFromA: 2 },
      };
    },
  },
  'export-requested-run': {
    ExportRequested: async () => {
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) ids.push((await call(exportsApi, 'POST /api/exports', { user: admin, body: { recordType: 'contact', format: 'csv' } })).body.id as string);
      const events = (await Promise.all(ids.map(async (id) => (await allItems()).find((item) => item.entity === 'HISTORY' && String(item.pk).endsWith(`#${id}`) && Array.isArray(item.events))!))).flatMap(
        (item) => (item.events as DomainEvent[]).filter((e) => e.type === 'ExportRequested').map(published),
      );
      return { events, effect: async () => Promise.all(ids.map((id) => movesTo(id, 'done'))), expected: [1, 1] };
    },
  },
  'activity-changed-schedule-reminder': {
    RecordCreated: async () => {
      const planned = [await planReminder('Напомнить первым', '2031-02-03T07:00:00.000Z'), await planReminder('Напомнить вторым', '2031-02-03T08:00:00.000Z')];
      const events = (await Promise.all(planned.map((a) => outbox('RecordCreated', `ACTIVITY#${a.id}`)))).flat();
      return { events, effect: async () => remindersOf(planned), expected: ['2031-02-03T07:00:00.000Z', '2031-02-03T08:00:00.000Z'] };
    },
    RecordUpdated: async () => {
      const planned = [await planReminder('Перенести первое', '2031-02-04T07:00:00.000Z'), await planReminder('Перенести второе', '2031-02-04T08:00:00.000Z')];
      for (const [i, activity] of planned.entries()) {
        for (const [version, hour] of [[1, 9], [2, 10]] as const) {
          const moved = await call(activitiesApi, 'PATCH /api/activities/{id}', { pathParameters: { id: activity.id }, body: { version, reminderAt: `2031-02-04T${String(hour + i * 2).padStart(2, '0')}:00:00.000Z` } });
          expect(moved.status).toBe(200);
        }
      }
      // Two moves each, delivered newest first: the older move never takes the schedule back.
      const events = (await Promise.all(planned.map((a) => outbox('RecordUpdated', `ACTIVITY#${a.id}`)))).flat();
      return { events, effect: async () => remindersOf(planned), expected: ['2031-02-04T10:00:00.000Z', '2031-02-04T12:00:00.000Z'] };
    },
  },
  'import-progress-schedule-check': {
    ImportRequested: async () => {
      const ids = [await uploadedImport('Проверяемый'), await uploadedImport('Проверяемый второй')];
      const events = (await allItems())
        .filter((item) => item.entity === 'HISTORY' && ids.some((id) => String(item.pk).endsWith(`#${id}`)) && Array.isArray(item.events))
        .flatMap((item) => (item.events as DomainEvent[]).filter((e) => e.type === 'ImportRequested').map(published));
      return { events, effect: async () => ids.map((id) => Boolean(local.pending()[`import-check-import-${id}`])), expected: [true, true] };
    },
    ImportFinished: async () => {
      const ids = [await uploadedImport('Законченный'), await uploadedImport('Законченный второй')];
      for (const id of ids) await setMoment({ kind: 'import-check', subject: { type: 'import', id }, at: '2031-01-01T00:00:00.000Z' }, new Date('2031-01-01T00:00:00.000Z'));
      const events = ids.map((importId) => busEvent('ImportFinished', { importId, phase: 'import', status: 'done', counts: { created: 1 }, actorId: admin.sub }));
      return { events, effect: async () => ids.map((id) => Boolean(local.pending()[`import-check-import-${id}`])), expected: [false, false] };
    },
  },
  'import-requested-run': {
    ImportRequested: async () => {
      const ids = [await uploadedImport('Первый'), await uploadedImport('Второй')];
      const events = (await allItems())
        .filter((item) => item.entity === 'HISTORY' && ids.some((id) => String(item.pk).endsWith(`#${id}`)) && Array.isArray(item.events))
        .flatMap((item) => (item.events as DomainEvent[]).filter((e) => e.type === 'ImportRequested').map(published));
      return { events, effect: async () => Promise.all(ids.map((id) => movesTo(id, 'mapping'))), expected: [1, 1] };
    },
  },
};

const scheduleSamples: Record<string, () => Promise<ScheduledScenario>> = {
  'new-leads-morning-digest': async () => {
    const waiting: TestUser = { sub: 'consumers-digest-owner', email: 'digest-owner@example.com', groups: ['sales-rep'] };
    await putUser({ id: waiting.sub, email: waiting.email, roles: ['sales-rep'] });
    await leads.create({ type: 'user', id: waiting.sub, email: waiting.email, roles: ['sales-rep'] }, createLeadSchema.parse({ lastName: 'Заждавшийся', email: 'waiting@example.ru' }), { clock: { now: () => new Date(Date.now() - 3 * 24 * 3600 * 1000) } });
    return { at: new Date().toISOString(), effect: async () => ses.commandCalls(SendEmailCommand).filter((c) => c.args[0].input.Destination?.ToAddresses?.includes(waiting.email)).length, expected: 1 };
  },
};

/** What a one-time moment's sample sets up: the moment its schedule names, and how to see the effect of its firing. */
interface MomentScenario {
  moment: Moment;
  effect: () => Promise<unknown>;
  expected: unknown;
}

const momentSamples: Partial<Record<MomentKind, () => Promise<MomentScenario>>> = {
  reminder: async () => {
    const remindAt = '2031-02-05T07:00:00.000Z';
    const activity = await planReminder('Позвонить', remindAt);
    return { moment: { kind: 'reminder', subject: { type: 'activity', id: activity.id }, at: remindAt }, effect: async () => sends(), expected: 1 };
  },
  'import-check': async () => {
    // Its reader never ran: the watchdog resumes it once a quarter of an hour has passed.
    const id = await uploadedImport('Забытый');
    const job = async () => (await call<{ watchdog?: { resumes: number } }>(importsApi, 'GET /api/imports/{importId}', { user: admin, pathParameters: { importId: id } })).body;
    return { moment: { kind: 'import-check', subject: { type: 'import', id }, at: new Date(Date.now() + 16 * 60_000).toISOString() }, effect: async () => (await job()).watchdog?.resumes, expected: 1 };
  },
  // Migrations left by a run that stopped (ADR 0024): the moment's run finishes them; a second fire finds them done.
  migrations: () => Promise.resolve({ moment: continuation(new Date()), effect: () => schemaVersion(), expected: latestVersion }),
};

/** One fire of a one-time schedule, as Scheduler hands it to the target (each attempt its own execution id). */
const momentEvent = (moment: Moment) => ({ ...scheduledEvent(scheduleNameOf(moment), moment.at), detail: moment });

/** An open activity reminding its owner at `remindAt`. */
async function planReminder(subject: string, remindAt: string): Promise<{ id: string }> {
  const account = (await call(accountsApi, 'POST /api/accounts', { body: { name: `ООО «${subject}»` } })).body;
  const res = await call(activitiesApi, 'POST /api/activities', { body: { kind: 'call', subject, regarding: { type: 'account', id: account.id }, reminderAt: remindAt, dueAt: '2031-12-31T00:00:00.000Z' } });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}
/** The times the activities' reminder schedules fire at. */
const remindersOf = (activities: readonly { id: string }[]) => activities.map((a) => local.pending()[`reminder-activity-${a.id}`]);

const handlerOf = async (functionId: string) => {
  const fn = app.functions.find((f) => f.id === functionId)!;
  return ((await import(resolve(fn.entry))) as { handler: unknown }).handler;
};
const typesOf = (rule: RuleDef) => rule.eventPattern['detail-type'] as readonly DomainEventType[];

let local: Awaited<ReturnType<typeof startOneTimeScheduler>>;
afterAll(() => local.stop());

beforeAll(async () => {
  // One-time moments' schedules go to the local Scheduler; the test fires them itself.
  local = await startOneTimeScheduler('2030-01-01T00:00:00.000Z');
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, name: 'Мария Продажина', roles: ['sales-rep'] });
  await putUser({ id: marketer.sub, email: marketer.email, roles: ['marketer'] });
  const accountId = (await call(accountsApi, 'POST /api/accounts', { body: { name: 'ООО «Подписчик»', ownerId: rep.sub } })).body.id as string;
  client = { sub: 'consumers-portal', email: 'client@client.example', groups: ['portal-user'], accountId };
  await putUser({ id: client.sub, email: client.email, name: 'Пётр Покупкин', roles: ['portal-user'], accountId });
  const form = { id: 'consumers-form', name: 'Форма', allowedOrigins: ['https://shop.example'], thankYouUrl: 'https://shop.example/ok', ownerIds: [rep.sub], requiredFields: ['email'] };
  expect((await invoke(createForm, apiEvent({ route: 'POST /api/forms', user: marketer, body: form }))).status).toBe(201);
});

describe('every one-time target of the definition', () => {
  for (const target of app.oneTimeTargets) {
    it(`${target.moment} → ${target.function}: two attempts of one fire have one effect`, async () => {
      const sample = momentSamples[target.moment];
      expect(sample, `one-time target ${target.moment} has no sample in tests/integration/event-consumers.test.ts`).toBeDefined();
      const scenario = await sample!();
      const handler = await handlerOf(target.function);
      ses.resetHistory();
      for (let attempt = 0; attempt < 2; attempt++) await deliver(handler, momentEvent(scenario.moment));
      expect(await scenario.effect()).toEqual(scenario.expected);
    });
  }

  it('has no sample of a moment kind the definition does not have', () => {
    expect(Object.keys(momentSamples).filter((kind) => !app.oneTimeTargets.some((t) => t.moment === kind))).toEqual([]);
  });
});

describe('every rule of the definition', () => {
  for (const rule of app.rules) {
    for (const type of typesOf(rule)) {
      it(`${rule.id}: ${type} delivered twice and out of order has one effect per event`, async () => {
        const sample = ruleSamples[rule.id]?.[type];
        expect(sample, `rule ${rule.id} has no sample of ${type} in tests/integration/event-consumers.test.ts`).toBeDefined();
        const scenario = await sample!();
        expect(scenario.events.length).toBeGreaterThan(0);
        for (const event of scenario.events) expect(matchesPattern(rule.eventPattern, event), `${type} sample matches ${rule.id}`).toBe(true);
        const handler = await handlerOf(rule.function);
        const newestFirst = [...scenario.events].reverse();
        ses.resetHistory();
        // The records written before have their search items and match keys from the stream (ADR 0009).
        await deriveIndex();
        for (const event of [...newestFirst, ...newestFirst]) await deliver(handler, event);
        expect(await scenario.effect()).toEqual(scenario.expected);
      });
    }
  }

  it('has no sample of a rule or event type the definition does not have', () => {
    const defined = new Set(app.rules.flatMap((rule) => typesOf(rule).map((type) => `${rule.id} ${type}`)));
    expect(Object.entries(ruleSamples).flatMap(([id, samples]) => Object.keys(samples).map((type) => `${id} ${type}`)).filter((key) => !defined.has(key))).toEqual([]);
  });
});

describe('every schedule of the definition', () => {
  for (const schedule of app.schedules) {
    it(`${schedule.id}: two attempts of one scheduled time have one effect`, async () => {
      const sample = scheduleSamples[schedule.id];
      expect(sample, `schedule ${schedule.id} has no sample in tests/integration/event-consumers.test.ts`).toBeDefined();
      const scenario = await sample!();
      const handler = await handlerOf(schedule.function);
      ses.resetHistory();
      for (let attempt = 0; attempt < 2; attempt++) await deliver(handler, scheduledEvent(schedule.id, scenario.at));
      expect(await scenario.effect()).toEqual(scenario.expected);
    });
  }

  it('has no sample of a schedule the definition does not have', () => {
    expect(Object.keys(scheduleSamples).filter((id) => !app.schedules.some((s) => s.id === id))).toEqual([]);
  });
});
