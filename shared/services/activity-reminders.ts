import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { sendEmail } from '../adapters/email-sender';
import { idempotencyFor } from '../adapters/idempotency';
import { getRecord } from '../data/records-repository';
import { dueReminders, removeReminder, type DueReminder } from '../data/reminders';
import { getUser } from '../data/users-repository';
import { activityKind } from '../domain/activities/activity';
import { reminderStillWanted } from '../domain/notifications/owner-news';
import { activityReminderEmail } from '../notifications/activity-emails';
import { notificationSettings } from './notification-settings';

/**
 * Activity reminders (schedule `activity-reminders`, every minute; ADR 0012): each reminder come
 * due is emailed to the activity's owner, then removed. Sent once even if two runs overlap or a
 * run dies after sending (idempotency by activity and time); one missed by an outage of up to six
 * hours is still sent, late.
 */
const lookBackHours = 6;

type Due = { activityId: string; at: string };
let remindOnce: ((due: Due) => Promise<{ sent: boolean; messageId?: string }>) | undefined;

const remind = (due: Due) =>
  (remindOnce ??= makeIdempotent(async ({ activityId, at }: Due) => {
    const activity = await getRecord(activityKind, activityId);
    if (!reminderStillWanted(activity, at)) return { sent: false };
    const owner = await getUser(activity.ownerId);
    if (!owner) return { sent: false };
    const { appUrl, locale, timeZone } = notificationSettings();
    const messageId = await sendEmail(activityReminderEmail(activity, owner.email, appUrl, locale, timeZone));
    return { sent: true, ...(messageId ? { messageId } : {}) };
  }, idempotencyFor('activity-reminder', '[activityId, at]')))(due);

async function deliver(due: DueReminder): Promise<boolean> {
  const { sent } = await remind({ activityId: due.record.id, at: due.at });
  await removeReminder(due.key);
  return sent;
}

/** One run at `now`: a reminder that fails stays queued for the next run; the failures are returned to be logged. */
export async function sendDueReminders(now: Date): Promise<{ due: number; sent: number; failed: number; errors: unknown[] }> {
  const due = (await dueReminders(now, lookBackHours)).filter((r) => r.record.type === 'activity');
  const results = await Promise.allSettled(due.map(deliver));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const sent = results.filter((r) => r.status === 'fulfilled' && r.value).length;
  return { due: due.length, sent, failed: errors.length, errors };
}
