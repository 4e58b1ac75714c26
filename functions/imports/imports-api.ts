import * as z from 'zod';
import { recordIdSchema } from '../../shared/domain/common/values';
import { configureImportSchema, startImportSchema, versionOnlySchema, rowOutcomes } from '../../shared/domain/imports/import-job';
import {
  cancelImportAs,
  configureImportAs,
  fileUploadedAs,
  findImports,
  importReport,
  readImport,
  resumeImportAs,
  startImportAs,
  startPhaseAs,
} from '../../shared/services/import-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';
import { pageQuery } from '../http/params';
import { importJobAnswer, importRowsAnswer, importsAnswer, startedImportAnswer } from './import-answers';

/** Imports (REC-11): the wizard's steps; the rows are the runner's (run-import.ts). */
const importPath = z.object({ importId: recordIdSchema });
const reportQuery = pageQuery.extend({ phase: z.enum(['check', 'import']).default('check'), outcome: z.enum(rowOutcomes).optional() });

export const handler = apiRouter({
  'GET /api/imports': apiHandler({ query: pageQuery, answer: importsAnswer }, async ({ actor, query }) => ({ body: await findImports(actor, query) })),
  'POST /api/imports': apiHandler({ body: startImportSchema, answer: startedImportAnswer, status: 201 }, async ({ actor, body }) => ({ status: 201, body: await startImportAs(actor, body) })),
  'GET /api/imports/{importId}': apiHandler({ path: importPath, answer: importJobAnswer }, async ({ actor, path }) => ({ body: await readImport(actor, path.importId) })),
  'PATCH /api/imports/{importId}': apiHandler({ path: importPath, body: configureImportSchema, answer: importJobAnswer }, async ({ actor, path, body }) => ({
    body: await configureImportAs(actor, path.importId, body),
  })),
  'POST /api/imports/{importId}/file': apiHandler({ path: importPath, body: versionOnlySchema, answer: importJobAnswer, status: 202 }, async ({ actor, path, body }) => ({
    status: 202,
    body: await fileUploadedAs(actor, path.importId, body.version),
  })),
  'POST /api/imports/{importId}/check': apiHandler({ path: importPath, body: versionOnlySchema, answer: importJobAnswer, status: 202 }, async ({ actor, path, body }) => ({
    status: 202,
    body: await startPhaseAs(actor, path.importId, 'check', body.version),
  })),
  'POST /api/imports/{importId}/run': apiHandler({ path: importPath, body: versionOnlySchema, answer: importJobAnswer, status: 202 }, async ({ actor, path, body }) => ({
    status: 202,
    body: await startPhaseAs(actor, path.importId, 'import', body.version),
  })),
  'POST /api/imports/{importId}/resume': apiHandler({ path: importPath, body: versionOnlySchema, answer: importJobAnswer, status: 202 }, async ({ actor, path, body }) => ({
    status: 202,
    body: await resumeImportAs(actor, path.importId, body.version),
  })),
  'POST /api/imports/{importId}/cancel': apiHandler({ path: importPath, body: versionOnlySchema, answer: importJobAnswer }, async ({ actor, path, body }) => ({
    body: await cancelImportAs(actor, path.importId, body.version),
  })),
  'GET /api/imports/{importId}/rows': apiHandler({ path: importPath, query: reportQuery, answer: importRowsAnswer }, async ({ actor, path, query }) => ({ body: await importReport(actor, path.importId, query) })),
});
