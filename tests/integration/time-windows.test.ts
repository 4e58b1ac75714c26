import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as activitiesApi } from '../../functions/activities/activities-api';
import { createFormRoute as createForm } from '../../functions/forms/create-form';
import { handler as digest } from '../../functions/notifications/send-new-leads-digest';
import { handler as sendReminders } from '../../functions/notifications/send-reminders';
import { putUser } from '../../shared/data/users-repository';
import { createLeadSchema } from '../../shared/domain/leads/lead';
import { submitForm } from '../../shared/services/form-submission-service';
import { leads } from '../../shared/services/lead-records';
import { apiEvent, invoke, rep, type TestUser } from '../support/api-event';
import { deliver, scheduledEvent } from '../support/bus-events';

/**
 * Every time rule at its boundary, with the clock injected: one second before it, the same
 * second, one second after. The web-to-lead repeat window (ADR 0004: a repeat of an email
 * last captured "more than a day ago" starts a new lead, otherwise it updates), the morning
 * digest (leads that have waited over a day in "new") and activity reminders (due at their time).
 * Each rule runs at its own made-up date, far from the others and from now.
 */
const ses = mockClient(SESv2Client);
ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });

const second = 1000;
const day = 24 * 3600 * second;
const clockAt = (iso: string, offsetMs = 0) => ({ now: () => new Date(Date.parse(iso) + offsetMs) });
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

describe('activity reminders', () => {
  const remindAt = '2030-09-15T07:30:00.000Z';
  const owner = sellerOf('reminded');

  it('are due at their time to the second: not a second before, at it, and still a second after', async () => {
    await putUser({ id: owner.sub, email: owner.email, roles: ['sales-rep'] });
    const plan = async (subject: string) => {
      const res = await invoke<{ id: string }>(activitiesApi, apiEvent({ route: 'POST /api/activities', user: owner, body: { kind: 'call', subject, regarding: { type: 'lead', id: lead.id }, reminderAt: remindAt, dueAt: remindAt } }));
      expect(res.status).toBe(201);
      return res.body;
    };
    const lead = await leads.create({ type: 'user', id: owner.sub, email: owner.email, roles: ['sales-rep'] }, createLeadSchema.parse({ lastName: 'Напоминаев', email: 'remind@client.example' }), { clock: clockAt(remindAt, -day) });
    await plan('Позвонить в срок');
    const run = (offsetMs: number) => deliver(sendReminders, scheduledEvent('activity-reminders', new Date(Date.parse(remindAt) + offsetMs).toISOString()));

    ses.resetHistory();
    expect(await run(-second)).toEqual({ due: 0, sent: 0, failed: 0 });
    expect(await run(0)).toEqual({ due: 1, sent: 1, failed: 0 });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);

    // One planned for the same time, first looked at a second late, is sent then.
    await plan('Позвонить чуть позже');
    expect(await run(second)).toEqual({ due: 1, sent: 1, failed: 0 });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
  });
});
