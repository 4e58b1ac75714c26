import { sendEmail } from '../adapters/email-sender';
import { recordKeys } from '../data/keys';
import { getRecord } from '../data/records-repository';
import { timelineEntriesOfKind } from '../data/timeline';
import { getUser } from '../data/users-repository';
import { caseKind, type CaseComment } from '../domain/cases/case';
import { leadKind } from '../domain/leads/lead';
import { caseOpenedNews, caseReplyNews } from '../domain/notifications/owner-news';
import { keyPrefixOf } from '../domain/records/record-type';
import type { LeadEvents, RecordEvents } from '../events/contracts';
import { caseNewsEmail } from '../notifications/case-emails';
import { leadCapturedEmail, type CapturedLeadView } from '../notifications/lead-emails';
import { notificationSettings } from './notification-settings';

/**
 * Emails to a record's owner about something that happened to it (ACC-3, web-to-lead). The owner
 * is the one the event names; the record is read only for what the email shows and the event
 * does not carry (a lead's source and message, a case's description, a reply's text).
 */
export type Notified = { sent: false; why: 'no-news' | 'no-record' | 'no-owner' } | { sent: true; messageId?: string };

const sent = (messageId: string | undefined): Notified => ({ sent: true, ...(messageId ? { messageId } : {}) });

/**
 * A lead captured from a web form: its owner gets its details and a link, from what the event
 * carries (issue 14 §5); only an event published before it carried them makes it read the lead.
 */
export async function notifyLeadCaptured(detail: LeadEvents['LeadCaptured']): Promise<Notified> {
  const [lead, owner] = await Promise.all([detail.captured ? capturedView(detail) : getRecord(leadKind, detail.lead.id), getUser(detail.lead.ownerId)]);
  if (!lead) return { sent: false, why: 'no-record' };
  if (!owner) return { sent: false, why: 'no-owner' };
  const { appUrl, locale } = notificationSettings();
  return sent(await sendEmail(leadCapturedEmail(lead, owner.email, appUrl, locale)));
}

/** The email's view of a lead from its event: the ref's name (already "Last First Middle") stands as the person's name. */
function capturedView({ lead, campaign, captured = {} }: LeadEvents['LeadCaptured']): CapturedLeadView {
  const { utmSource, pageUrl, ...contact } = captured;
  return {
    id: lead.id,
    ...(lead.name ? { lastName: lead.name } : {}),
    ...(lead.company ? { company: lead.company } : {}),
    ...(lead.email ? { email: lead.email } : {}),
    ...contact,
    source: { ...(campaign ? { campaign } : {}), ...(utmSource ? { utm: { source: utmSource } } : {}), ...(pageUrl ? { pageUrl } : {}) },
  };
}

/** A case opened in the portal, or a client's reply on one: its owner hears what the client wrote. */
export async function notifyCaseNews(
  news: { type: 'RecordCreated'; detail: RecordEvents['RecordCreated'] } | { type: 'CaseCommentAdded'; detail: RecordEvents['CaseCommentAdded'] },
): Promise<Notified> {
  const ref = news.detail.record;
  // A staff reply is no news (the rule lets only the client's through; a redelivered staff one is refused here too).
  if (news.type === 'CaseCommentAdded' && news.detail.from !== 'client') return { sent: false, why: 'no-news' };
  const [record, owner] = await Promise.all([getRecord(caseKind, ref.id), getUser(ref.ownerId)]);
  if (!record) return { sent: false, why: 'no-record' };
  const what = news.type === 'RecordCreated' ? caseOpenedNews(record) : caseReplyNews(await commentOf(ref.id, news.detail.entryId));
  if (!what) return { sent: false, why: 'no-news' };
  if (!owner || owner.disabledAt) return { sent: false, why: 'no-owner' };
  const { appUrl, locale } = notificationSettings();
  return sent(await sendEmail(caseNewsEmail(record, what, owner.email, appUrl, locale)));
}

async function commentOf(caseId: string, entryId: string): Promise<Partial<CaseComment> | undefined> {
  const comments = await timelineEntriesOfKind(recordKeys(keyPrefixOf('case')).item(caseId).pk, 'comment');
  return comments.find((entry) => entry.id === entryId)?.data as Partial<CaseComment> | undefined;
}
