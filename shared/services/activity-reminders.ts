import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { sendEmail } from '../adapters/email-sender';
import { idempotencyFor } from '../adapters/idempotency';
import { applyMomentChange } from '../adapters/one-time-schedules';
import { getRecord } from '../data/records-repository';
import { getUser } from '../data/users-repository';
import { activityKind, type Activity } from '../domain/activities/activity';
import { reminderChangeOf, type Moment, type RecordEventFacts } from '../domain/moments/one-time-moment';
import { reminderStillWanted } from '../domain/notifications/owner-news';
import { activityReminderEmail } from '../notifications/activity-emails';
import { notificationSettings } from './notification-settings';

/**
 * Activity reminders (REC-7, ADR 0012): each pending reminder is a one-time Scheduler schedule,
 * `reminder-activity-<id>`, kept by the activity's outbox events (`keepReminderSchedule`) and checked
 * against the activity when it fires (`remindIfStillWanted`): a moved, done or cancelled activity
 * sends nothing at the old time. Nothing runs while no reminder is due.
 */

/** Creates, moves or deletes the activity's reminder schedule after one of its events. */
export const keepReminderSchedule = (event: RecordEventFacts, now: Date, targetArn?: string) => applyMomentChange(reminderChangeOf(event, now), targetArn);

/**
 * The schedule an activity's current state wants (none for a done one, or one without a reminder):
 * for a migration that moves deployed reminders onto schedules, and for a fire that finds its
 * activity moved meanwhile.
 */
export const scheduleReminderFor = (activity: Activity, now: Date, targetArn?: string) =>
  keepReminderSchedule(
    { type: 'RecordUpdated', record: { type: 'activity', id: activity.id, reminder: activityKind.reminder?.(activity) }, changedFields: ['reminderAt', 'status'] },
    now,
    targetArn,
  );

/** `now` rides along outside the idempotency key (activity and time). */
type Due = { activityId: string; at: string; now: string; self?: string };
let remindOnce: ((due: Due) => Promise<{ sent: boolean; messageId?: string }>) | undefined;

// Sent once per activity and time, whatever the number of deliveries (Powertools, in the table).
const remind = (due: Due) =>
  (remindOnce ??= makeIdempotent(async ({ activityId, at, now, self }: Due) => {
    const activity = await getRecord(activityKind, activityId);
    if (!reminderStillWanted(activity, at)) {
      // Moved while its old schedule fired (Scheduler's delete after completion can race an update): set it again.
      const moved = activity as Activity | undefined;
      if (moved?.status === 'open' && moved.reminderAt) await scheduleReminderFor(moved, new Date(now), self);
      return { sent: false };
    }
    const owner = await getUser(activity.ownerId);
    if (!owner) return { sent: false };
    const { appUrl, locale, timeZone } = notificationSettings();
    const messageId = await sendEmail(activityReminderEmail(activity, owner.email, appUrl, locale, timeZone));
    return { sent: true, ...(messageId ? { messageId } : {}) };
  }, idempotencyFor('activity-reminder', '[activityId, at]')))(due);

/** A reminder's schedule fired: emails the owner if the activity still wants this reminder. `self`: the firing function's ARN. */
export async function remindIfStillWanted(moment: Moment, now: Date, self?: string): Promise<{ sent: boolean }> {
  const { sent } = await remind({ activityId: moment.subject.id, at: moment.at, now: now.toISOString(), ...(self ? { self } : {}) });
  return { sent };
}
