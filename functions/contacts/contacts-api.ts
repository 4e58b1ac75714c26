import { createContactSchema, updateContactSchema } from '../../shared/domain/contacts/contact';
import { contacts } from '../../shared/services/contact-service';
import { apiRouter } from '../http/api-router';
import { noteRoute, recordRouter, recordRoutes } from '../records/record-routes';

/** The contacts resource (REC-3). */
export const handler = apiRouter({
  ...recordRouter('contacts', recordRoutes(contacts, { create: createContactSchema, update: updateContactSchema }), { duplicates: true }),
  'POST /api/contacts/{id}/notes': noteRoute('contact'),
});
