import * as z from 'zod';
import { recordIdSchema } from '../../shared/domain/common/values';
import { portalDealAs, portalDealsAs } from '../../shared/services/portal-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/** The client and partner portal (ACC-3): the portal user's own account's deals, nothing else. */
export const handler = apiRouter({
  'GET /api/portal/deals': apiHandler({}, async ({ actor }) => ({ body: await portalDealsAs(actor) })),
  'GET /api/portal/deals/{id}': apiHandler({ path: z.object({ id: recordIdSchema }) }, async ({ actor, path }) => ({ body: await portalDealAs(actor, path.id) })),
});
