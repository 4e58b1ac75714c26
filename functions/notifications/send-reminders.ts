import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { sendEmail } from '../../shared/adapters/email-sender';
import { idempotencyFor } from '../../shared/adapters/idempotency';
import { env } from '../../shared/config/runtime-env';
import { getRecord } from '../../shared/data/records-repository';
import { dueReminders, removeReminder, type DueReminder } from '../../shared/data/reminders';
import { getUser } from '../../shared/data/users-repository';
import { activityKind } from '../../shared/domain/activities/activity';
import { asLocale } from '../../shared/i18n/locale';
import { activityReminderEmail } from '../../shared/notifications/activity-emails';
import { logger } from '../observability/logger';

/**
 * Schedule `activity-reminders`, every minute: each reminder that has come due is emailed to the
 * activity's owner, then removed. A reminder is sent once even if two runs overlap or a run dies
 * after sending (idempotency by activity and time); one missed by an outage of up to six hours is
 * still sent, late. Older ones expire with the table's TTL a week after their time.
 */
const lookBackHours = 6;

const remind = makeIdempotent(
  async (due: { activityId: string; at: string }) => {
    const activity = await getRecord(activityKind, due.activityId);
    // Changed since it was queued: done, cancelled or moved to another time (that one has its own item).
    if (!activity || activity.status !== 'open' || activity.reminderAt !== due.at) return { sent: false };
    const owner = await getUser(activity.ownerId);
    if (!owner) return { sent: false };
    const messageId = await sendEmail(activityReminderEmail(activity, owner.email, env('appUrl'), asLocale(process.env.CLIENT_LOCALE), process.env.CLIENT_TIME_ZONE || 'UTC'));
    return { sent: true, ...(messageId ? { messageId } : {}) };
  },
  idempotencyFor('activity-reminder', '[activityId, at]'),
);

async function deliver(due: DueReminder): Promise<boolean> {
  const { sent } = await remind({ activityId: due.record.id, at: due.at });
  await removeReminder(due.key);
  return sent;
}

export async function handler(event: { time?: string } = {}): Promise<{ due: number; sent: number; failed: number }> {
  const now = event.time ? new Date(event.time) : new Date();
  const due = (await dueReminders(now, lookBackHours)).filter((r) => r.record.type === 'activity');
  const results = await Promise.allSettled(due.map(deliver));
  const failed = results.filter((r) => r.status === 'rejected');
  for (const failure of failed) logger.error('Reminder not sent; the next run tries again', { error: (failure as PromiseRejectedResult).reason as Error });
  const sent = results.filter((r) => r.status === 'fulfilled' && r.value).length;
  if (due.length > 0) logger.info('Reminders sent', { due: due.length, sent, failed: failed.length });
  return { due: due.length, sent, failed: failed.length };
}
