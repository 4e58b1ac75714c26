import { sendDueReminders } from '../../shared/services/activity-reminders';
import { scheduleHandler } from '../handlers/schedule-handler';
import { logger } from '../observability/logger';

/** Schedule `activity-reminders`, every minute: reminders come due are emailed to their owners. */
export const handler = scheduleHandler('send-reminders', async (_run, tools) => {
  const { errors, ...counts } = await sendDueReminders(tools.now());
  for (const error of errors) logger.error('Reminder not sent; the next run tries again', { error: error as Error });
  return counts;
});
