import { readImportFile, runImportStep } from '../../shared/services/import-runner';
import { eventHandler } from '../handlers/event-handler';

/**
 * Rule `import-requested-run`: reads an uploaded file, or runs one step of an import's dry run or
 * import (ADR 0011). The step hands over to the next with time to spare, so a batch is never cut
 * off by the function's timeout; a crash is retried by the bus's async invocation and resumes
 * from the job's last recorded row.
 */
const reserveMs = 30_000;
const batchSize = 50;

export const handler = eventHandler('import-run', ['ImportRequested'], async ({ detail: { importId, phase, step } }, tools) => ({
  outcome:
    phase === 'read'
      ? await readImportFile(importId, tools.now)
      : await runImportStep({ importId, phase, step }, { batchSize, timeIsUp: () => tools.remainingMs() < reserveMs }, tools.now),
}));
