import * as z from 'zod';
import { pageOf, recordBaseSchema } from '../../shared/api/contracts';
import { createContactSchema, updateContactSchema } from '../../shared/domain/contacts/contact';
import { recordIdSchema } from '../../shared/domain/common/values';
import { createDealSchema, type DealSummary } from '../../shared/domain/deals/deal';
import { contacts, dealsOfContact } from '../../shared/services/contact-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';
import { pageQuery } from '../http/params';
import { noteRoute, recordRouter, recordRoutes } from '../records/record-routes';

/** A deal as a contact's deal list shows it. */
const dealSummaryAnswer = z.object({
  ...createDealSchema.pick({ title: true, amount: true, expectedCloseDate: true, accountId: true }).shape,
  ...recordBaseSchema.pick({ id: true, ownerId: true, createdAt: true, updatedAt: true, version: true }).shape,
  pipelineId: z.string(),
  stage: z.string(),
}) satisfies z.ZodType<DealSummary>;

/** The contacts resource (REC-3). */
export const handler = apiRouter({
  ...recordRouter('contacts', recordRoutes(contacts, { create: createContactSchema, update: updateContactSchema }), { duplicates: true }),
  'POST /api/contacts/{id}/notes': noteRoute('contact'),
  'GET /api/contacts/{id}/deals': apiHandler({ path: z.object({ id: recordIdSchema }), query: pageQuery, answer: pageOf(dealSummaryAnswer) }, async ({ actor, path, query }) => ({ body: await dealsOfContact(actor, path.id, query) })),
});
