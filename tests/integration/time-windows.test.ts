import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as activitiesApi } from '../../functions/activities/activities-api';
import { createFormRoute as createForm } from '../../functions/forms/create-form';
import { handler as digest } from '../../functions/notifications/send-new-leads-digest';
import { putUser } from '../../shared/data/users-repository';
import { createLeadSchema } from '../../shared/domain/leads/lead';
import { submitForm } from '../../shared/services/form-submission-service';
import { leads } from '../../shared/services/lead-records';
import { apiEvent, invoke, rep, type TestUser } from '../support/api-event';
import { deliver, published, scheduledEvent } from '../support/bus-events';
import { startOneTimeScheduler } from '../support/one-time-schedules';
import { allItems } from '../support/table-items';
import type { DomainEvent } from '../../shared/events/contracts';
import { keepReminderSchedule } from '../../shared/services/activity-reminders';
import { eventHandler } from '../../functions/handlers/event-handler';

/**
 * Every time rule at its boundary, with the clock injected: one second before it, the same
 * second, one second after. The web-to-lead repeat window (ADR 0004: a repeat of an email
 * last captured "more than a day ago" starts a new lead, otherwise it updates), the morning
 * digest (leads that have waited over a day in "new") and activity reminders (fired at their time).
 * Each rule runs at its own made-up date, far from the others and from now.
 */
const ses = mockClient(SESv2Client);
ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });

const second = 1000;
const day = 24 * 3600 * second;
const clockAt = (iso: string, offsetMs = 0) => ({ now: () => new Date(Date.parse(iso) + offsetMs) });
/** The reminder keeper (functions/notifications/schedule-reminders.ts) with its clock injected. */
const eventHandlerWithClock = (now: string) =>
  eventHandler(`schedule-reminders-at-${now}`, ['RecordCreated', 'RecordUpdated'], ({ type, detail }, tools) => keepReminderSchedule({ type, record: detail.record }, tools.now()), { tools: { now: () => new Date(now) } });
const sellerOf = (name: string): TestUser => ({ sub: `user-${name}`, email: `${name}@example.com`, groups: ['sales-rep'] });

describe('the web-to-lead repeat window (ADR 0004)', () => {
  const marketer: TestUser = { sub: 'user-marketer', email: 'marketer@example.com', groups: ['marketer'] };
  const firstPost = '2030-06-01T10:00:00.000Z';
  const post = (email: string, offsetMs: number) =>
    submitForm(
      { formId: 'window', fields: { name: ['Анна Оконная'], email: [email] }, origin: 'https://shop.example', sourceIp: '192.0.2.10', meta: { currency: 'RUB' as const }, defaultOrigins: [] },
      clockAt(firstPost, offsetMs),
    );

  beforeAll(async () => {
    await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
    const form = { id: 'window', name: 'Окно', allowedOrigins: ['https://shop.example'], thankYouUrl: 'https://shop.example/ok', ownerIds: [rep.sub], requiredFields: ['email'] };
    expect((await invoke(createForm, apiEvent({ route: 'POST /api/forms', user: marketer, body: form }))).status).toBe(201);
  });

  it.each([
    ['a second before a day has passed', 'updated', day - second],
    ['exactly a day later (not more than a day)', 'updated', day],
    ['a second after a day has passed', 'created', day + second],
  ] as const)('%s: the repeat is %s', async (_when, outcome, offsetMs) => {
    const email = `window-${offsetMs}@client.example`;
    const first = await post(email, 0);
    expect(first).toMatchObject({ outcome: 'created' });
    const repeat = await post(email, offsetMs);
    expect(repeat).toMatchObject({ outcome });
    const [firstLead, repeatLead] = [(first as { leadId: string }).leadId, (repeat as { leadId: string }).leadId];
    if (outcome === 'updated') expect(repeatLead).toBe(firstLead);
    else expect(repeatLead).not.toBe(firstLead);
  });

  it('measures the day from the last capture: a repeat inside the window moves it on', async () => {
    const email = 'window-sliding@client.example';
    const first = (await post(email, 0)) as { leadId: string };
    expect(await post(email, day - second)).toMatchObject({ outcome: 'updated', leadId: first.leadId });
    expect(await post(email, 2 * day - second)).toMatchObject({ outcome: 'updated', leadId: first.leadId });
    expect(await post(email, 3 * day)).toMatchObject({ outcome: 'created' });
  });
});

describe('the new-leads digest', () => {
  const runAt = '2030-01-10T06:00:00.000Z';
  const [earlier, atTheSecond, later] = [sellerOf('waited-longer'), sellerOf('waited-a-day'), sellerOf('waited-less')];

  it('lists a lead that has waited over a day — a second over — and not one that waited a day or a second less', async () => {
    for (const seller of [earlier, atTheSecond, later]) await putUser({ id: seller.sub, email: seller.email, roles: ['sales-rep'] });
    const create = (seller: TestUser, lastName: string, ageMs: number) =>
      leads.create({ type: 'user', id: seller.sub, email: seller.email, roles: ['sales-rep'] }, createLeadSchema.parse({ lastName, email: `${seller.sub}@client.example` }), { clock: clockAt(runAt, -ageMs) });
    await create(earlier, 'Давний', day + second);
    await create(atTheSecond, 'Суточный', day);
    await create(later, 'Свежий', day - second);

    ses.resetHistory();
    expect(await deliver(digest, scheduledEvent('new-leads-morning-digest', runAt))).toEqual({ owners: 1, leads: 1 });
    const sends = ses.commandCalls(SendEmailCommand);
    expect(sends.map((send) => send.args[0].input.Destination?.ToAddresses)).toEqual([[earlier.email]]);
    expect(sends[0]!.args[0].input.Content?.Simple?.Body?.Text?.Data).toContain('Давний');

    // A second later the lead of exactly a day has waited over a day too; the first owner was mailed today already.
    ses.resetHistory();
    expect(await deliver(digest, scheduledEvent('new-leads-morning-digest', new Date(Date.parse(runAt) + second).toISOString()))).toEqual({ owners: 2, leads: 2 });
    expect(ses.commandCalls(SendEmailCommand).map((send) => send.args[0].input.Destination?.ToAddresses)).toEqual([[atTheSecond.email]]);
  });
});

describe('activity reminders (one-time schedules, ADR 0012)', () => {
  const remindAt = '2030-09-15T07:30:00.000Z';
  const owner = sellerOf('reminded');
  let local: Awaited<ReturnType<typeof startOneTimeScheduler>>;
  beforeAll(async () => {
    local = await startOneTimeScheduler('2030-09-14T00:00:00.000Z');
  });
  afterAll(() => local.stop());

  it('fire at their time: not a second before, at it; and one set for a moment just past goes a minute later', async () => {
    await putUser({ id: owner.sub, email: owner.email, roles: ['sales-rep'] });
    const lead = await leads.create({ type: 'user', id: owner.sub, email: owner.email, roles: ['sales-rep'] }, createLeadSchema.parse({ lastName: 'Напоминаев', email: 'remind@client.example' }), { clock: clockAt(remindAt, -day) });
    const plan = async (subject: string, reminderAt: string) => {
      const res = await invoke<{ id: string }>(activitiesApi, apiEvent({ route: 'POST /api/activities', user: owner, body: { kind: 'call', subject, regarding: { type: 'lead', id: lead.id }, reminderAt, dueAt: reminderAt } }));
      expect(res.status).toBe(201);
      return res.body;
    };
    // The reminder's event, handled as of `now`.
    const keep = async (activity: { id: string }, now: string) => {
      const item = (await allItems()).find((i) => i.pk === `ACTIVITY#${activity.id}` && Array.isArray(i.events))!;
      const keeper = eventHandlerWithClock(now);
      for (const event of item.events as DomainEvent[]) await deliver(keeper, published(event));
    };

    ses.resetHistory();
    await keep(await plan('Позвонить в срок', remindAt), '2030-09-14T12:00:00.000Z');
    await local.advanceTo(new Date(Date.parse(remindAt) - second).toISOString());
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    await local.advanceTo(remindAt);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);

    // Set a second after its time (a late event): Scheduler cannot fire in the past, so it goes a minute later.
    await keep(await plan('Позвонить чуть позже', remindAt), new Date(Date.parse(remindAt) + second).toISOString());
    await local.advanceTo(new Date(Date.parse(remindAt) + 60 * second).toISOString());
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    await local.advanceTo(new Date(Date.parse(remindAt) + 61 * second).toISOString());
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
  });
});
