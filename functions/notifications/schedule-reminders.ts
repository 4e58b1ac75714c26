import { keepReminderSchedule } from '../../shared/services/activity-reminders';
import { eventHandler } from '../handlers/event-handler';

/**
 * An activity was created or changed: its reminder's one-time schedule is created, moved or deleted
 * (ADR 0012). Order-sensitive: an older event never moves the schedule back to an older time.
 */
export const handler = eventHandler(
  'schedule-reminders',
  ['RecordCreated', 'RecordUpdated'],
  ({ type, detail }, tools) => keepReminderSchedule({ type, record: detail.record, ...('changedFields' in detail ? { changedFields: detail.changedFields } : {}) }, tools.now()),
  { orderBy: ({ detail }) => ({ key: `${detail.record.type}#${detail.record.id}`, version: detail.record.version }) },
);
