import { runExport } from '../../shared/services/export-runner';
import { eventHandler } from '../handlers/event-handler';

/** Rule `export-requested-run`: writes an export's file; a request found done already is `stale`. */
export const handler = eventHandler('export-run', ['ExportRequested'], async (event, tools) => ({ outcome: await runExport(event.detail.exportId, tools.now) }));
