import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { sendEmail } from '../adapters/email-sender';
import { idempotencyFor } from '../adapters/idempotency';
import { recordsInStatusCreatedBefore } from '../data/records-repository';
import { getUser } from '../data/users-repository';
import { leadKind, type Lead } from '../domain/leads/lead';
import { digestCreatedBefore, digestsByOwner } from '../domain/notifications/owner-news';
import { newLeadsDigestEmail } from '../notifications/lead-emails';
import { notificationSettings } from './notification-settings';

/**
 * The morning digest (schedule `new-leads-morning-digest`): every owner whose leads have waited
 * over a day in "new" gets one email listing them; one per owner per day, even when runs of two
 * scheduled times land on the same day.
 */
let sendOnce: ((digest: { ownerId: string; day: string; leads: Lead[] }) => Promise<{ sent: boolean }>) | undefined;

const send = (digest: { ownerId: string; day: string; leads: Lead[] }) =>
  (sendOnce ??= makeIdempotent(async (one: { ownerId: string; day: string; leads: Lead[] }) => {
    const owner = await getUser(one.ownerId);
    if (!owner) return { sent: false };
    const { appUrl, locale } = notificationSettings();
    await sendEmail(newLeadsDigestEmail(one.leads, owner.email, appUrl, locale));
    return { sent: true };
  }, idempotencyFor('new-leads-digest', '[ownerId, day]')))(digest);

export async function sendNewLeadsDigest(now: Date): Promise<{ owners: number; leads: number }> {
  const waiting = await recordsInStatusCreatedBefore(leadKind, 'new', digestCreatedBefore(now));
  const digests = digestsByOwner(waiting, now);
  for (const digest of digests) await send(digest);
  return { owners: digests.length, leads: waiting.length };
}
