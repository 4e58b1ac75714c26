import { coreRecordRoutes, duplicateRoutes } from './record-routes';
import { signedInRoutes } from './route';

/** Contacts (REC-3), with the deals they take part in. */
export const contactRoutes = signedInRoutes('contacts', {
  ...coreRecordRoutes('contacts'),
  'POST /api/contacts/{id}/notes': 'update',
  'GET /api/contacts/{id}/deals': { subject: 'deals', action: 'read' },
  ...duplicateRoutes('contacts'),
});
