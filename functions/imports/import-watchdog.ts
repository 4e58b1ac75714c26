import { checkImport } from '../../shared/services/import-watchdog';
import { momentHandler } from '../handlers/moment-handler';

/**
 * An import's stale check fired (ADR 0011, ADR 0012): a job silent for 15 minutes is resumed, or
 * ended `failed` with the reason after a few resumes that got nowhere; a live one is looked at later.
 */
export const handler = momentHandler('import-watchdog', 'import-check', ({ moment, self }, tools) => checkImport(moment.subject.id, tools.now(), self));
