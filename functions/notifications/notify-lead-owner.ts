import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { sendEmail } from '../../shared/adapters/email-sender';
import { idempotencyFor } from '../../shared/adapters/idempotency';
import { env } from '../../shared/config/runtime-env';
import { getLead } from '../../shared/data/leads-repository';
import { getUser } from '../../shared/data/users-repository';
import type { LeadEvents, PublishedDetail } from '../../shared/events/contracts';
import { asLocale } from '../../shared/i18n/locale';
import { leadCapturedEmail } from '../../shared/notifications/lead-emails';
import { logger } from '../observability/logger';

/** Rule `lead-captured-notify-owner`: the owner of a lead captured from a web form gets an email. */
type LeadCaptured = EventBridgeEvent<'LeadCaptured', PublishedDetail & LeadEvents['LeadCaptured']>;

// The (event, context) shape lets Powertools track the invocation's remaining time.
async function notify(event: LeadCaptured, _context: Context): Promise<{ sent: boolean; messageId?: string }> {
  const leadId = event.detail.lead.id;
  const [lead, owner] = await Promise.all([getLead(leadId), getUser(event.detail.lead.ownerId)]);
  if (!lead || !owner) {
    logger.warn('Nobody to notify', { leadId, ownerId: event.detail.lead.ownerId, leadFound: Boolean(lead) });
    return { sent: false };
  }
  const messageId = await sendEmail(leadCapturedEmail(lead, owner.email, env('appUrl'), asLocale(process.env.CLIENT_LOCALE)));
  logger.info('Owner notified of captured lead', { leadId, ownerId: owner.id, messageId });
  return { sent: true, ...(messageId ? { messageId } : {}) };
}

/** Delivered at least once; the event id makes a second delivery a no-op. */
export const handler = makeIdempotent(notify, idempotencyFor('notify-lead-owner', 'detail.eventId'));
