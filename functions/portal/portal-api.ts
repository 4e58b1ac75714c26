import * as z from 'zod';
import { itemsOf } from '../../shared/api/contracts';
import { caseCommentSchema, caseRatingSchema, portalCaseSchema } from '../../shared/domain/cases/case';
import { recordIdSchema } from '../../shared/domain/common/values';
import { commentOnPortalCaseAs, openPortalCaseAs, portalCaseAs, portalCasesAs, portalDealAs, portalDealsAs, ratePortalCaseAs } from '../../shared/services/portal-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';
import { pageQuery } from '../http/params';
import { portalCaseAnswer, portalCasesAnswer, portalCommentAnswer, portalDealAnswer } from './portal-answers';

/** The client and partner portal (ACC-3): the portal user's own account's deals and cases, nothing else. */
const idPath = z.object({ id: recordIdSchema });

export const handler = apiRouter({
  'GET /api/portal/deals': apiHandler({ answer: itemsOf(portalDealAnswer) }, async ({ actor }) => ({ body: await portalDealsAs(actor) })),
  'GET /api/portal/deals/{id}': apiHandler({ path: idPath, answer: portalDealAnswer }, async ({ actor, path }) => ({ body: await portalDealAs(actor, path.id) })),
  'GET /api/portal/cases': apiHandler({ query: pageQuery, answer: portalCasesAnswer }, async ({ actor, query }) => ({ body: await portalCasesAs(actor, query) })),
  'POST /api/portal/cases': apiHandler({ body: portalCaseSchema, answer: portalCaseAnswer, status: 201 }, async ({ actor, body }) => ({ status: 201, body: await openPortalCaseAs(actor, body) })),
  'GET /api/portal/cases/{id}': apiHandler({ path: idPath, answer: portalCaseAnswer }, async ({ actor, path }) => ({ body: await portalCaseAs(actor, path.id) })),
  'POST /api/portal/cases/{id}/comments': apiHandler({ path: idPath, body: caseCommentSchema, answer: portalCommentAnswer, status: 201, conflicts: true }, async ({ actor, path, body }) => ({
    status: 201,
    body: await commentOnPortalCaseAs(actor, path.id, body.text),
  })),
  'POST /api/portal/cases/{id}/rating': apiHandler({ path: idPath, body: caseRatingSchema, answer: portalCaseAnswer, conflicts: true }, async ({ actor, path, body }) => ({ body: await ratePortalCaseAs(actor, path.id, body) })),
});
