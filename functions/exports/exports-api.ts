import * as z from 'zod';
import { recordIdSchema } from '../../shared/domain/common/values';
import { exportRequestSchema } from '../../shared/domain/exports/export-job';
import { readExport, requestExportAs } from '../../shared/services/export-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/** Exports (REC-11): any list, with its filters, to CSV or XLSX; the file is written in the background. */
const exportPath = z.object({ exportId: recordIdSchema });

export const handler = apiRouter({
  'POST /api/exports': apiHandler({ body: exportRequestSchema }, async ({ actor, body }) => ({ status: 202, body: await requestExportAs(actor, body) })),
  'GET /api/exports/{exportId}': apiHandler({ path: exportPath }, async ({ actor, path }) => ({ body: await readExport(actor, path.exportId) })),
});
