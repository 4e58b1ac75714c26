import { notifyLeadCaptured } from '../../shared/services/owner-notifications';
import { eventHandler } from '../handlers/event-handler';

/** Rule `lead-captured-notify-owner`: the owner of a lead captured from a web form gets an email. */
export const handler = eventHandler('notify-lead-owner', ['LeadCaptured'], (event) => notifyLeadCaptured(event.detail));
