import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { PublishedDetail, RecordEvents } from '../../shared/events/contracts';
import { detectDuplicatesOf } from '../../shared/services/duplicates-service';
import { logger } from '../observability/logger';

/**
 * Rule `duplicates-detect`: an account or contact was created, changed or merged; its duplicate
 * pairs follow (REC-12). Idempotent: it makes the stored pairs what the match index says now.
 */
type Changed = EventBridgeEvent<'RecordCreated' | 'RecordUpdated' | 'RecordsMerged', PublishedDetail & (RecordEvents['RecordCreated'] | RecordEvents['RecordsMerged'])>;

export async function handler(event: Changed, _context: Context): Promise<{ added: number; removed: number }> {
  const { record } = event.detail;
  const result = await detectDuplicatesOf(record.type, record.id);
  if ('mergedId' in event.detail) result.removed += (await detectDuplicatesOf(record.type, event.detail.mergedId)).removed;
  logger.info('Duplicates detected', { type: record.type, id: record.id, ...result });
  return result;
}
