import * as z from 'zod';
import { recordIdSchema } from '../../shared/domain/common/values';
import { roles } from '../../shared/auth/roles';
import { csvDialects, exportFormats, exportRequestSchema, exportTypes, type ExportJob } from '../../shared/domain/exports/export-job';
import { locales } from '../../shared/i18n/locale';
import { readExport, requestExportAs } from '../../shared/services/export-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/** Exports (REC-11): any list, with its filters, to CSV or XLSX; the file is written in the background. */
const exportPath = z.object({ exportId: recordIdSchema });

/** An export job: running, then done with its file (or failed with the reason). */
const exportAnswer = z.object({
  id: z.string(),
  recordType: z.enum(exportTypes),
  format: z.enum(exportFormats),
  csvDialect: z.enum(csvDialects).optional(),
  locale: z.enum(locales),
  filters: z.record(z.string(), z.string()),
  status: z.enum(['running', 'done', 'failed']),
  rows: z.number().int().optional(),
  truncated: z.boolean().optional(),
  /** A done Windows-1251 CSV: the cells with characters it could not hold, most first. */
  encodingLoss: z.object({ encoding: z.literal('windows-1251'), cells: z.number().int(), characters: z.array(z.object({ character: z.string(), cells: z.number().int() })) }).optional(),
  fileName: z.string().optional(),
  fileKey: z.string().optional(),
  error: z.string().optional(),
  createdAt: z.string(),
  createdBy: z.string(),
  createdByRoles: z.array(z.enum(roles)),
  updatedAt: z.string(),
  version: z.number().int(),
}).meta({ title: 'ExportJob' }) satisfies z.ZodType<ExportJob>;

export const handler = apiRouter({
  'POST /api/exports': apiHandler({ body: exportRequestSchema, answer: exportAnswer, status: 202 }, async ({ actor, body }) => ({ status: 202, body: await requestExportAs(actor, body) })),
  'GET /api/exports/{exportId}': apiHandler({ path: exportPath, answer: exportAnswer.extend({ url: z.string().optional().meta({ description: 'A done file: a short-lived download link' }) }) }, async ({ actor, path }) => ({ body: await readExport(actor, path.exportId) })),
});
