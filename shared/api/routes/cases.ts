import { coreRecordRoutes } from './record-routes';
import { signedInRoutes } from './route';

/** Service cases (SRV-1, SRV-2). */
export const caseRoutes = signedInRoutes('cases', {
  ...coreRecordRoutes('cases'),
  // Internal notes stay with the staff; comments are replies the client sees in the portal.
  'POST /api/cases/{id}/notes': 'update',
  'POST /api/cases/{id}/comments': 'update',
});
