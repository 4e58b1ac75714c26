import * as z from 'zod';
import { recordIdSchema } from '../../shared/domain/common/values';
import { createDealSchema, dealKind, moveDealSchema, updateDealSchema } from '../../shared/domain/deals/deal';
import { deals, moveDealAs } from '../../shared/services/deal-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';
import { noteRoute, recordAnswerOf, recordRouter, recordRoutes } from '../records/record-routes';

/** Deals (REC-4): the five record routes, and moving a deal between stages under the stage rules (REC-10). */
const moveDealRoute = apiHandler({ path: z.object({ id: recordIdSchema }), body: moveDealSchema, answer: recordAnswerOf(dealKind, createDealSchema) }, async ({ actor, path, body }) => ({
  body: await moveDealAs(actor, path.id, body),
}));

export const handler = apiRouter({
  ...recordRouter('deals', recordRoutes(deals, { create: createDealSchema, update: updateDealSchema })),
  'POST /api/deals/{id}/stage': moveDealRoute,
  'POST /api/deals/{id}/notes': noteRoute('deal'),
});
