import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { LeadEvents, PublishedDetail, RecordEvents } from '../../shared/events/contracts';
import { detectDuplicatesOf } from '../../shared/services/duplicates-service';
import { logger } from '../observability/logger';

/**
 * Rules `duplicates-detect` and `lead-duplicates-detect`: a lead, account or contact was created,
 * changed or merged; its duplicate pairs follow (REC-12). Idempotent: it makes the stored pairs
 * what the match index says now.
 */
type RecordChanged = PublishedDetail & (RecordEvents['RecordCreated'] | RecordEvents['RecordsMerged']);
type LeadChanged = PublishedDetail & LeadEvents['LeadCreated' | 'LeadUpdated' | 'LeadResubmitted' | 'LeadRejected' | 'LeadConverted'];
type Changed = EventBridgeEvent<string, RecordChanged | LeadChanged>;

export async function handler(event: Changed, _context: Context): Promise<{ added: number; removed: number }> {
  const detail = event.detail;
  const record = 'record' in detail ? detail.record : { type: 'lead' as const, id: detail.lead.id };
  const result = await detectDuplicatesOf(record.type, record.id);
  if ('mergedId' in detail) result.removed += (await detectDuplicatesOf(record.type, detail.mergedId)).removed;
  logger.info('Duplicates detected', { type: record.type, id: record.id, ...result });
  return result;
}
