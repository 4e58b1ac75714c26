import { notifyCaseNews } from '../../shared/services/owner-notifications';
import { eventHandler } from '../handlers/event-handler';

/**
 * Rules `case-opened-in-portal-notify-owner` and `case-client-replied-notify-owner`: the owner of
 * a case hears by email when its client opens it in the portal or writes on it there (ACC-3).
 */
export const handler = eventHandler('notify-case-owner', ['RecordCreated', 'CaseCommentAdded'], (event) => notifyCaseNews(event));
