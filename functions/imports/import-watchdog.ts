import { watchImports } from '../../shared/services/import-watchdog';
import { logger } from '../observability/logger';

/**
 * Schedule `import-watchdog`: resumes imports whose runner died for good, or ends them `failed`
 * with the reason after a few resumes that got nowhere (ADR 0011).
 */
export async function handler(): Promise<{ tended: number }> {
  const outcomes = await watchImports(new Date());
  for (const outcome of outcomes) logger.info('Import watchdog', outcome);
  return { tended: outcomes.length };
}
