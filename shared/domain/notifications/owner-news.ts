import { unnamed, type Case, type CaseComment } from '../cases/case';
import type { Activity } from '../activities/activity';
import type { Lead } from '../leads/lead';
import type { CaseNews } from '../../notifications/case-emails';

/**
 * What is news to a record's owner, decided without reading or sending anything (the services in
 * shared/services/owner-notifications.ts, new-leads-digest.ts and activity-reminders.ts read,
 * ask these and send).
 */

/** Staff open cases for themselves or a colleague in the app; only what the client did in the portal is news. */
export function caseOpenedNews(record: Pick<Case, 'channel'>): CaseNews | undefined {
  return record.channel === 'portal' ? { kind: 'opened' } : undefined;
}

/** A client's reply is news with its text; one with no text (or not found) is not. */
export function caseReplyNews(comment: Partial<CaseComment> | undefined): CaseNews | undefined {
  if (!comment?.text) return undefined;
  return { kind: 'replied', text: comment.text, ...(comment.authorName && comment.authorName !== unnamed ? { authorName: comment.authorName } : {}) };
}

/** A lead waits for first contact once it has been "new" longer than this. */
export const digestWaitingMs = 24 * 3600 * 1000;

/** Leads created before this are listed in the digest run at `now` (a lead of exactly a day is not yet). */
export const digestCreatedBefore = (now: Date): string => new Date(now.getTime() - digestWaitingMs).toISOString();

/** The digest's emails: one per owner, their waiting leads in the order given; the day makes it once a day. */
export function digestsByOwner(waiting: readonly Lead[], now: Date): { ownerId: string; day: string; leads: Lead[] }[] {
  const byOwner = new Map<string, Lead[]>();
  for (const lead of waiting) byOwner.set(lead.ownerId, [...(byOwner.get(lead.ownerId) ?? []), lead]);
  const day = now.toISOString().slice(0, 10);
  return [...byOwner].map(([ownerId, leads]) => ({ ownerId, day, leads }));
}

/**
 * A queued reminder is still wanted if its activity is open and still reminds at that time: one
 * done, cancelled or moved since (the new time has its own item) is not.
 */
export const reminderStillWanted = (activity: Pick<Activity, 'status' | 'reminderAt'> | undefined, at: string): activity is Activity =>
  activity !== undefined && activity.status === 'open' && activity.reminderAt === at;
