import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { ImportEvents, PublishedDetail } from '../../shared/events/contracts';
import { readImportFile, runImportStep } from '../../shared/services/import-runner';
import { logger } from '../observability/logger';

/**
 * Rule `import-requested-run`: reads an uploaded file, or runs one step of an import's dry run or
 * import (ADR 0011). The step hands
 * over to the next with time to spare, so a batch is never cut off by the function's timeout;
 * a crash is retried by the bus's async invocation and resumes from the job's last recorded row.
 */
type ImportRequested = EventBridgeEvent<'ImportRequested', PublishedDetail & ImportEvents['ImportRequested']>;

const reserveMs = 30_000;
const batchSize = 50;

export async function handler(event: ImportRequested, context: Context): Promise<{ outcome: string }> {
  const { importId, phase, step } = event.detail;
  const outcome =
    phase === 'read'
      ? await readImportFile(importId)
      : await runImportStep({ importId, phase, step }, { batchSize, timeIsUp: () => context.getRemainingTimeInMillis() < reserveMs });
  logger.info('Import step', { importId, phase, step, outcome });
  return { outcome };
}
