import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { PublishedDetail, RecordEvents } from '../../shared/events/contracts';
import { followMerge } from '../../shared/services/merge-service';
import { logger } from '../observability/logger';

/**
 * Rule `records-merged-follow`: moves the merged record's children and timeline to the survivor
 * (REC-12). Idempotent by nature: a redelivery finds everything already moved.
 */
type RecordsMerged = EventBridgeEvent<'RecordsMerged', PublishedDetail & RecordEvents['RecordsMerged']>;

export async function handler(event: RecordsMerged, _context: Context): Promise<{ relinked: number; moved: number }> {
  const { record, mergedId, actorId } = event.detail;
  const result = await followMerge(record.type, mergedId, record.id, { type: 'system', id: 'merge', name: `merge by ${actorId}` });
  logger.info('Merge followed', { type: record.type, survivorId: record.id, mergedId, ...result });
  return result;
}
