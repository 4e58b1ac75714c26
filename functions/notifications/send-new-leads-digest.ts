import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { sendEmail } from '../../shared/adapters/email-sender';
import { idempotencyFor } from '../../shared/adapters/idempotency';
import { env } from '../../shared/config/runtime-env';
import { leadsInStatusCreatedBefore } from '../../shared/data/leads-repository';
import { getUser } from '../../shared/data/users-repository';
import type { Lead } from '../../shared/domain/leads/lead';
import { asLocale } from '../../shared/i18n/locale';
import { newLeadsDigestEmail } from '../../shared/notifications/lead-emails';
import { logger } from '../observability/logger';

/**
 * Schedule `new-leads-morning-digest`: every owner whose leads have waited over a day in "new"
 * gets one email listing them. One email per owner per day, even if the schedule fires twice.
 */
const waitingThresholdMs = 24 * 3600 * 1000;

const sendDigest = makeIdempotent(
  async (digest: { ownerId: string; day: string; leads: Lead[] }) => {
    const owner = await getUser(digest.ownerId);
    if (!owner) return { sent: false };
    await sendEmail(newLeadsDigestEmail(digest.leads, owner.email, env('appUrl'), asLocale(process.env.CLIENT_LOCALE)));
    return { sent: true };
  },
  idempotencyFor('new-leads-digest', '[ownerId, day]'),
);

export async function handler(event: { time?: string } = {}): Promise<{ owners: number; leads: number }> {
  const now = event.time ? new Date(event.time) : new Date();
  const waiting = await leadsInStatusCreatedBefore('new', new Date(now.getTime() - waitingThresholdMs).toISOString());
  const byOwner = new Map<string, Lead[]>();
  for (const lead of waiting) byOwner.set(lead.ownerId, [...(byOwner.get(lead.ownerId) ?? []), lead]);
  const day = now.toISOString().slice(0, 10);
  for (const [ownerId, leads] of byOwner) await sendDigest({ ownerId, day, leads });
  logger.info('New-leads digest sent', { owners: byOwner.size, leads: waiting.length });
  return { owners: byOwner.size, leads: waiting.length };
}
