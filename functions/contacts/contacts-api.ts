import * as z from 'zod';
import { createContactSchema, updateContactSchema } from '../../shared/domain/contacts/contact';
import { recordIdSchema } from '../../shared/domain/common/values';
import { contacts, dealsOfContact } from '../../shared/services/contact-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';
import { pageQuery } from '../http/params';
import { noteRoute, recordRouter, recordRoutes } from '../records/record-routes';

/** The contacts resource (REC-3). */
export const handler = apiRouter({
  ...recordRouter('contacts', recordRoutes(contacts, { create: createContactSchema, update: updateContactSchema }), { duplicates: true }),
  'POST /api/contacts/{id}/notes': noteRoute('contact'),
  'GET /api/contacts/{id}/deals': apiHandler({ path: z.object({ id: recordIdSchema }), query: pageQuery }, async ({ actor, path, query }) => ({ body: await dealsOfContact(actor, path.id, query) })),
});
