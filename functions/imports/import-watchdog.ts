import { watchImports } from '../../shared/services/import-watchdog';
import { scheduleHandler } from '../handlers/schedule-handler';
import { logger } from '../observability/logger';

/**
 * Schedule `import-watchdog`: resumes imports whose runner died for good, or ends them `failed`
 * with the reason after a few resumes that got nowhere (ADR 0011).
 */
export const handler = scheduleHandler('import-watchdog', async (_run, tools) => {
  const outcomes = await watchImports(tools.now());
  for (const outcome of outcomes) logger.info('Import watchdog', outcome);
  return { tended: outcomes.length };
});
