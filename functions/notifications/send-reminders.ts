import { remindIfStillWanted } from '../../shared/services/activity-reminders';
import { momentHandler } from '../handlers/moment-handler';

/** A reminder's one-time schedule fired (ADR 0012): its owner is emailed if the activity still wants it. */
export const handler = momentHandler('send-reminders', 'reminder', ({ moment, self }, tools) => remindIfStillWanted(moment, tools.now(), self));
