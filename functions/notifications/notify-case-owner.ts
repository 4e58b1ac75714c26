import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { sendEmail } from '../../shared/adapters/email-sender';
import { idempotencyFor } from '../../shared/adapters/idempotency';
import { env } from '../../shared/config/runtime-env';
import { recordKeys } from '../../shared/data/keys';
import { getRecord } from '../../shared/data/records-repository';
import { timelineEntriesOfKind } from '../../shared/data/timeline';
import { getUser } from '../../shared/data/users-repository';
import { caseKind, unnamed, type CaseComment } from '../../shared/domain/cases/case';
import { keyPrefixOf } from '../../shared/domain/records/record-type';
import type { PublishedDetail, RecordEvents } from '../../shared/events/contracts';
import { asLocale } from '../../shared/i18n/locale';
import { caseNewsEmail, type CaseNews } from '../../shared/notifications/case-emails';
import { logger } from '../observability/logger';

/**
 * Rules `case-opened-in-portal-notify-owner` and `case-client-replied-notify-owner`: the owner of
 * a case hears by email when its client opens it in the portal or writes on it there (ACC-3).
 */
type CaseEvent =
  | EventBridgeEvent<'RecordCreated', PublishedDetail & RecordEvents['RecordCreated']>
  | EventBridgeEvent<'CaseCommentAdded', PublishedDetail & RecordEvents['CaseCommentAdded']>;

async function newsOf(event: CaseEvent, caseId: string): Promise<CaseNews | undefined> {
  if (event['detail-type'] === 'RecordCreated') return { kind: 'opened' };
  if (event.detail.from !== 'client') return undefined;
  const comments = await timelineEntriesOfKind(recordKeys(keyPrefixOf('case')).item(caseId).pk, 'comment');
  const comment = comments.find((entry) => entry.id === event.detail.entryId)?.data as Partial<CaseComment> | undefined;
  if (!comment?.text) return undefined;
  return { kind: 'replied', text: comment.text, ...(comment.authorName && comment.authorName !== unnamed ? { authorName: comment.authorName } : {}) };
}

// The (event, context) shape lets Powertools track the invocation's remaining time.
async function notify(event: CaseEvent, _context: Context): Promise<{ sent: boolean; messageId?: string }> {
  const caseId = event.detail.record.id;
  const record = await getRecord(caseKind, caseId);
  // Staff open cases for themselves or a colleague in the app; only what the client did is news.
  if (!record || (event['detail-type'] === 'RecordCreated' && record.channel !== 'portal')) return { sent: false };
  const [news, owner] = await Promise.all([newsOf(event, caseId), getUser(record.ownerId)]);
  if (!news || !owner || owner.disabledAt) {
    logger.info('No case news to send', { caseId, ownerId: record.ownerId, news: news?.kind });
    return { sent: false };
  }
  const messageId = await sendEmail(caseNewsEmail(record, news, owner.email, env('appUrl'), asLocale(process.env.CLIENT_LOCALE)));
  logger.info('Case owner notified', { caseId, ownerId: owner.id, news: news.kind, messageId });
  return { sent: true, ...(messageId ? { messageId } : {}) };
}

/** Delivered at least once; the event id makes a second delivery a no-op. */
export const handler = makeIdempotent(notify, idempotencyFor('notify-case-owner', 'detail.eventId'));
