import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as activitiesApi } from '../../functions/activities/activities-api';
import { handler as scheduleReminders } from '../../functions/notifications/schedule-reminders';
import { setMoment } from '../../shared/adapters/one-time-schedules';
import { getRecord } from '../../shared/data/records-repository';
import { putUser } from '../../shared/data/users-repository';
import { activityKind, type Activity } from '../../shared/domain/activities/activity';
import type { DomainEvent } from '../../shared/events/contracts';
import { scheduleReminderFor } from '../../shared/services/activity-reminders';
import { admin, apiEvent, invoke, rep } from '../support/api-event';
import { deliver, published } from '../support/bus-events';
import { startOneTimeScheduler } from '../support/one-time-schedules';
import { defaultMigrationContext } from '../../shared/migrations/context';
import { remindersToSchedules } from '../../shared/migrations/0007-reminders-to-schedules';
import { runMigrations } from '../../shared/migrations/runner';
import { allItems, putRecordItem } from '../support/table-items';

/**
 * Activity reminders (REC-7, ADR 0012) against the real table and the local Scheduler on an
 * injected clock: the activity's outbox events create, move and delete its one-time schedule
 * (delivered twice and out of order, as EventBridge may), the schedule fires the real handler at
 * its time, and the handler sends only what the activity still wants. SES is mocked only to count
 * and read the sends.
 */
const ses = mockClient(SESv2Client);
ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });

type Options = Parameters<typeof apiEvent>[0];
const call = <T = any>(api: unknown, route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));
const at = (iso: string, minutes = 0) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const sentSubjects = () => ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input.Content?.Simple?.Subject?.Data);

let accountId: string;
let local: Awaited<ReturnType<typeof startOneTimeScheduler>>;

beforeAll(async () => {
  local = await startOneTimeScheduler('2031-01-01T00:00:00.000Z');
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, name: 'Мария Продажина', roles: ['sales-rep'] });
  accountId = (await call(accountsApi, 'POST /api/accounts', { body: { name: 'ООО «Напоминание»' } })).body.id;
});
afterAll(() => local.stop());

const plan = async (body: Record<string, unknown>) => {
  const res = await call<Activity>(activitiesApi, 'POST /api/activities', { body: { kind: 'call', regarding: { type: 'account', id: accountId }, ownerId: rep.sub, ...body } });
  expect(res.status).toBe(201);
  return res.body;
};
const patch = async (activity: { id: string }, version: number, body: Record<string, unknown>) => {
  const res = await call<Activity>(activitiesApi, 'PATCH /api/activities/{id}', { pathParameters: { id: activity.id }, body: { version, ...body } });
  expect(res.status).toBe(200);
  return res.body;
};

/** The activity's outbox events as the publisher puts them on the bus, oldest first. */
async function eventsOf(activityId: string) {
  const items = (await allItems()).filter((item) => item.pk === `ACTIVITY#${activityId}` && Array.isArray(item.events));
  return items
    .flatMap((item) => item.events as DomainEvent[])
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id))
    .map(published);
}
/** Delivers the activity's events to the reminder keeper, in the given order. */
const deliverAll = async (events: object[]) => {
  for (const event of events) await deliver(scheduleReminders, event);
};
const nameOf = (activity: { id: string }) => `reminder-activity-${activity.id}`;

describe('activity reminders as one-time schedules', () => {
  it("emails the owner once at the reminder's time, in the client's language, even when its event comes twice", async () => {
    ses.resetHistory();
    const remindAt = '2031-03-02T06:30:00.000Z';
    const call1 = await plan({ subject: 'Позвонить главбуху', dueAt: at(remindAt, 30), reminderAt: remindAt });
    const events = await eventsOf(call1.id);
    expect(events.map((e) => (e.detail as { record: unknown }).record)).toEqual([expect.objectContaining({ type: 'activity', id: call1.id, reminder: remindAt, version: 1 })]);
    await deliverAll([...events, ...events]);
    expect(local.pending()[nameOf(call1)]).toBe(remindAt);

    await local.advanceTo(at(remindAt, -1));
    expect(sentSubjects()).toEqual([]);
    await local.advanceTo(at(remindAt, 1));
    expect(sentSubjects()).toEqual(['Напоминание: звонок «Позвонить главбуху»']);
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.Destination?.ToAddresses).toEqual([rep.email]);
    expect(input.Content?.Simple?.Body?.Text?.Data).toContain(`/accounts/${accountId}`);
    // Deleted after completion: nothing is left to fire, nothing polls.
    expect(local.pending()[nameOf(call1)]).toBeUndefined();
    await local.advanceTo(at(remindAt, 60));
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
  });

  it('follows a moved reminder, even when the older event arrives last: nothing at the old time, one email at the new', async () => {
    ses.resetHistory();
    const first = '2031-04-01T08:00:00.000Z';
    const later = '2031-04-01T11:15:00.000Z';
    const moved = await plan({ kind: 'task', subject: 'Перенесённая задача', reminderAt: first });
    await patch(moved, 1, { reminderAt: later });
    const events = await eventsOf(moved.id);
    expect(events).toHaveLength(2);
    // Newest first, then all again: the version gate keeps the older one from moving it back.
    await deliverAll([...events].reverse());
    await deliverAll(events);
    expect(local.pending()[nameOf(moved)]).toBe(later);

    await local.advanceTo(at(first, 30));
    expect(sentSubjects()).toEqual([]);
    await local.advanceTo(at(later, 1));
    expect(sentSubjects()).toEqual(['Напоминание: задача «Перенесённая задача»']);
  });

  it('sends nothing at all for a reminder cleared, or an activity done or cancelled before it fires', async () => {
    ses.resetHistory();
    const base = '2031-05-01T09:00:00.000Z';
    const done = await plan({ kind: 'task', subject: 'Сделанная задача', reminderAt: base });
    const cancelled = await plan({ kind: 'task', subject: 'Отменённая задача', reminderAt: at(base, 5) });
    const cleared = await plan({ kind: 'task', subject: 'Без напоминания', reminderAt: at(base, 10) });
    for (const activity of [done, cancelled, cleared]) await deliverAll(await eventsOf(activity.id));
    expect(Object.keys(local.pending())).toEqual(expect.arrayContaining([done, cancelled, cleared].map(nameOf)));

    await patch(done, 1, { status: 'done' });
    await patch(cancelled, 1, { status: 'cancelled' });
    await patch(cleared, 1, { reminderAt: null });
    for (const activity of [done, cancelled, cleared]) await deliverAll((await eventsOf(activity.id)).slice(1));
    for (const activity of [done, cancelled, cleared]) expect(local.pending()[nameOf(activity)]).toBeUndefined();

    await local.advanceTo(at(base, 60));
    expect(sentSubjects()).toEqual([]);
  });

  it('checks the activity when a schedule fires: a stale schedule sends nothing and sets the current reminder again', async () => {
    ses.resetHistory();
    const old = '2031-06-01T07:00:00.000Z';
    const current = '2031-06-01T09:00:00.000Z';
    const activity = await plan({ kind: 'meeting', subject: 'Встреча на объекте', reminderAt: old });
    await patch(activity, 1, { reminderAt: current });
    // As if Scheduler's delete after completion had raced the move: only the old time is scheduled.
    await setMoment({ kind: 'reminder', subject: { type: 'activity', id: activity.id }, at: old }, new Date(old));
    expect(local.pending()[nameOf(activity)]).toBe(old);

    await local.advanceTo(at(old, 1));
    expect(sentSubjects()).toEqual([]);
    expect(local.pending()[nameOf(activity)]).toBe(current);
    await local.advanceTo(at(current, 1));
    expect(sentSubjects()).toEqual(['Напоминание: встреча «Встреча на объекте»']);
  });

  it('scheduleReminderFor sets the schedule an activity wants (for the migration of stored reminders), and none for a done one', async () => {
    const remindAt = '2031-07-01T10:00:00.000Z';
    const open = await plan({ kind: 'task', subject: 'Из старых данных', reminderAt: remindAt });
    const finished = await patch(await plan({ kind: 'task', subject: 'Старая сделанная', reminderAt: remindAt }), 1, { status: 'done' });
    expect(await scheduleReminderFor((await getRecord(activityKind, open.id))!, local.clock.now())).toMatchObject({ action: 'created', fireAt: remindAt });
    expect(await scheduleReminderFor(finished, local.clock.now())).toMatchObject({ action: 'already-gone' });
    expect(local.pending()[nameOf(open)]).toBe(remindAt);
    expect(local.pending()[nameOf(finished)]).toBeUndefined();
  });

  it('takes over the reminders the previous release kept as REMINDER items (migration 0007): announced, scheduled, the items gone', async () => {
    const remindAt = '2031-08-01T10:00:00.000Z';
    const pending = await plan({ kind: 'task', subject: 'Ждёт с прошлого релиза', reminderAt: remindAt });
    const stale = { pk: 'REMINDERS#2020-01-01T10', sk: `2020-01-01T10:00:00.000Z#ACTIVITY#${pending.id}`, entity: 'REMINDER', at: '2020-01-01T10:00:00.000Z', recordType: 'activity', recordId: pending.id, ownerId: rep.sub, expiresAt: 1_900_000_000 };
    const stored = { pk: `REMINDERS#${remindAt.slice(0, 13)}`, sk: `${remindAt}#ACTIVITY#${pending.id}`, entity: 'REMINDER', at: remindAt, recordType: 'activity', recordId: pending.id, ownerId: rep.sub, expiresAt: 1_900_000_000 };
    await putRecordItem(stored);
    await putRecordItem(stale);
    const before = (await eventsOf(pending.id)).length;
    const timelineOf = () => call<{ items: unknown[] }>(activitiesApi, 'GET /api/activities/{id}/timeline', { pathParameters: { id: pending.id } });
    const timelineBefore = await timelineOf();
    expect(timelineBefore.status).toBe(200);
    const outcome = (await runMigrations({ migrations: [remindersToSchedules], context: defaultMigrationContext })).outcomes[0]!;
    expect(outcome).toMatchObject({ status: 'done', changed: 2 });
    expect((await allItems()).filter((item) => item.entity === 'REMINDER')).toEqual([]);
    // One announcement (the stale one is dropped, as the sweep's six-hour look-back would have), not on the timeline.
    const events = (await eventsOf(pending.id)).slice(before);
    expect(events).toHaveLength(1);
    await deliverAll(events);
    expect(local.pending()[nameOf(pending)]).toBe(remindAt);
    expect((await timelineOf()).body.items).toEqual(timelineBefore.body.items);
  });

  it('refuses a reminder after the due time, naming the field', async () => {
    const res = await call(activitiesApi, 'POST /api/activities', {
      body: { kind: 'task', subject: 'Поздно', regarding: { type: 'account', id: accountId }, dueAt: '2031-06-01T10:00:00.000Z', reminderAt: '2031-06-01T11:00:00.000Z' },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('reminderAt');
  });
});
