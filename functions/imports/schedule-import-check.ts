import { keepImportCheck } from '../../shared/services/import-watchdog';
import { eventHandler } from '../handlers/event-handler';

/**
 * An import phase was started, handed over or finished: its stale check is set to 15 minutes after
 * this sign of life, or deleted (ADR 0011, ADR 0012). Not order-sensitive by version (import events
 * carry none): a late hand-over sets the check later than need be, and the check looks at the job.
 */
export const handler = eventHandler('schedule-import-check', ['ImportRequested', 'ImportFinished'], ({ type, detail, occurredAt }, tools) =>
  keepImportCheck(type === 'ImportRequested' ? { type, importId: detail.importId, occurredAt } : { type, importId: detail.importId }, tools.now()),
);
