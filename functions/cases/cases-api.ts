import * as z from 'zod';
import { timelineEntrySchema } from '../../shared/api/contracts';
import { caseCommentSchema, createCaseSchema, updateCaseSchema } from '../../shared/domain/cases/case';
import { recordIdSchema } from '../../shared/domain/common/values';
import { cases, commentOnCaseAs } from '../../shared/services/case-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';
import { noteRoute, recordRouter, recordRoutes } from '../records/record-routes';

/**
 * Service cases (SRV-1, SRV-2): the five record routes, internal notes (staff only) and replies
 * the client sees in the portal (`comment` timeline entries).
 */
const commentRoute = apiHandler({ path: z.object({ id: recordIdSchema }), body: caseCommentSchema, answer: timelineEntrySchema, status: 201, conflicts: true }, async ({ actor, path, body }) => ({
  status: 201,
  body: await commentOnCaseAs(actor, path.id, body.text),
}));

export const handler = apiRouter({
  ...recordRouter('cases', recordRoutes(cases, { create: createCaseSchema, update: updateCaseSchema })),
  'POST /api/cases/{id}/notes': noteRoute('case'),
  'POST /api/cases/{id}/comments': commentRoute,
});
