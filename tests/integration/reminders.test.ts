import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as activitiesApi } from '../../functions/activities/activities-api';
import { handler as sendReminders } from '../../functions/notifications/send-reminders';
import { putUser } from '../../shared/data/users-repository';
import type { Activity } from '../../shared/domain/activities/activity';
import { admin, apiEvent, invoke, rep } from '../support/api-event';
import { deliver, scheduledEvent } from '../support/bus-events';
import { putRecordItem, recordItems } from '../support/table-items';

/**
 * Activity reminders (REC-7) against the real table: the reminder item follows the activity's
 * changes in its transactions, and the minute schedule emails each one once. SES is mocked only
 * to count and read the sends.
 */
const ses = mockClient(SESv2Client);
ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });

type Options = Parameters<typeof apiEvent>[0];
const call = <T = any>(api: unknown, route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));
const at = (iso: string, minutes = 0) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const runAt = (time: string) => deliver(sendReminders, scheduledEvent('activity-reminders', time));
const sentSubjects = () => ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input.Content?.Simple?.Subject?.Data);
const reminderItems = async (activityId: string) => (await recordItems()).filter((item) => item.entity === 'REMINDER' && item.recordId === activityId);

let accountId: string;

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, name: 'Мария Продажина', roles: ['sales-rep'] });
  accountId = (await call(accountsApi, 'POST /api/accounts', { body: { name: 'ООО «Напоминание»' } })).body.id;
});

const plan = async (body: Record<string, unknown>) => {
  const res = await call<Activity>(activitiesApi, 'POST /api/activities', { body: { kind: 'call', regarding: { type: 'account', id: accountId }, ownerId: rep.sub, ...body } });
  expect(res.status).toBe(201);
  return res.body;
};

describe('activity reminders', () => {
  it("emails the owner once when the reminder comes due, in the client's language, with a link to the record", async () => {
    ses.resetHistory();
    const remindAt = '2031-03-02T06:30:00.000Z';
    const call1 = await plan({ subject: 'Позвонить главбуху', dueAt: at(remindAt, 30), reminderAt: remindAt });
    expect(await reminderItems(call1.id)).toHaveLength(1);

    expect(await runAt(at(remindAt, -1))).toMatchObject({ due: 0, sent: 0 });
    expect(await runAt(at(remindAt, 0.5))).toEqual({ due: 1, sent: 1, failed: 0 });
    expect(await runAt(at(remindAt, 1.5))).toEqual({ due: 0, sent: 0, failed: 0 });

    const sends = ses.commandCalls(SendEmailCommand);
    expect(sends).toHaveLength(1);
    const input = sends[0]!.args[0].input;
    expect(input.Destination?.ToAddresses).toEqual([rep.email]);
    expect(input.Content?.Simple?.Subject?.Data).toBe('Напоминание: звонок «Позвонить главбуху»');
    expect(input.Content?.Simple?.Body?.Text?.Data).toContain(`/accounts/${accountId}`);
    expect(await reminderItems(call1.id)).toEqual([]);
  });

  it('follows a moved reminder, and forgets the reminder of a done or cancelled activity', async () => {
    ses.resetHistory();
    const first = '2031-04-01T08:00:00.000Z';
    const later = '2031-04-01T11:15:00.000Z';
    const moved = await plan({ kind: 'task', subject: 'Перенесённая задача', reminderAt: first });
    const patched = await call<Activity>(activitiesApi, 'PATCH /api/activities/{id}', { pathParameters: { id: moved.id }, body: { version: 1, reminderAt: later } });
    expect(patched.status).toBe(200);
    expect((await reminderItems(moved.id)).map((r) => r.at)).toEqual([later]);

    const done = await plan({ kind: 'task', subject: 'Сделанная задача', reminderAt: at(first, 5) });
    expect((await call(activitiesApi, 'PATCH /api/activities/{id}', { pathParameters: { id: done.id }, body: { version: 1, status: 'done' } })).status).toBe(200);
    const cancelled = await plan({ kind: 'task', subject: 'Отменённая задача', reminderAt: at(first, 10) });
    expect((await call(activitiesApi, 'PATCH /api/activities/{id}', { pathParameters: { id: cancelled.id }, body: { version: 1, status: 'cancelled' } })).status).toBe(200);
    expect(await reminderItems(done.id)).toEqual([]);
    expect(await reminderItems(cancelled.id)).toEqual([]);

    expect(await runAt(at(first, 30))).toMatchObject({ due: 0, sent: 0 });
    expect(await runAt(at(later, 1))).toMatchObject({ due: 1, sent: 1 });
    expect(sentSubjects()).toEqual(['Напоминание: задача «Перенесённая задача»']);
  });

  it('sends a reminder once when a run dies after sending, and catches up on one missed by an outage', async () => {
    ses.resetHistory();
    const remindAt = '2031-05-05T09:00:00.000Z';
    const activity = await plan({ kind: 'meeting', subject: 'Встреча на объекте', reminderAt: remindAt });
    const [item] = await reminderItems(activity.id);

    // Four hours of outage: the first run after it still finds the reminder.
    expect(await runAt(at(remindAt, 4 * 60))).toMatchObject({ due: 1, sent: 1 });
    // As if that run had died before removing it: the item is back, the email is not sent again.
    await putRecordItem(item!);
    expect(await runAt(at(remindAt, 4 * 60 + 1))).toMatchObject({ due: 1, failed: 0 });
    expect(await reminderItems(activity.id)).toEqual([]);
    expect(sentSubjects()).toEqual(['Напоминание: встреча «Встреча на объекте»']);
  });

  it('refuses a reminder after the due time, naming the field, and writes nothing', async () => {
    const res = await call(activitiesApi, 'POST /api/activities', {
      body: { kind: 'task', subject: 'Поздно', regarding: { type: 'account', id: accountId }, dueAt: '2031-06-01T10:00:00.000Z', reminderAt: '2031-06-01T11:00:00.000Z' },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('reminderAt');
    expect((await recordItems()).filter((i) => i.entity === 'REMINDER' && String(i.at).startsWith('2031-06-01'))).toEqual([]);
  });
});
