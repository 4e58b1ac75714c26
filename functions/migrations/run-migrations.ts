import type { Context } from 'aws-lambda';
import { runAfterDeploy } from '../../shared/migrations/run-after-deploy';
import { momentHandler } from '../handlers/moment-handler';
import { logger } from '../observability/logger';

/**
 * run-migrations (ADR 0024): invoked by the stack's trigger after a deploy that changed it, and by
 * its own one-time moment while migrations are left (a run stops after 12 minutes and sets the
 * next). Both run the pending migrations from where the table's state says they stopped.
 */
const log = (line: string) => logger.info(line);

const continued = momentHandler('run-migrations', 'migrations', ({ self }, tools) => runAfterDeploy({ self, remainingMs: tools.remainingMs, now: tools.now(), log }));

export const handler = async (input: unknown, context: Context) => {
  // The hand-over's schedule sends a "Scheduled Event"; the deploy's trigger sends nothing of the kind.
  if (typeof input === 'object' && input !== null && (input as { source?: unknown }).source === 'aws.scheduler') return continued(input, context);
  return runAfterDeploy({ self: context.invokedFunctionArn || undefined, remainingMs: () => context.getRemainingTimeInMillis(), now: new Date(), log });
};
