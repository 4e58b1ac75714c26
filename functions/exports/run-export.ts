import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { ImportEvents, PublishedDetail } from '../../shared/events/contracts';
import { runExport } from '../../shared/services/export-runner';
import { logger } from '../observability/logger';

/** Rule `export-requested-run`: writes an export's file; idempotent, a redelivery finds the job done. */
type ExportRequested = EventBridgeEvent<'ExportRequested', PublishedDetail & ImportEvents['ExportRequested']>;

export async function handler(event: ExportRequested, _context: Context): Promise<{ outcome: string }> {
  const outcome = await runExport(event.detail.exportId);
  logger.info('Export', { exportId: event.detail.exportId, outcome });
  return { outcome };
}
