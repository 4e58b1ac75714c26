import { signedInRoutes } from './route';

/** The client portal (ACC-3): the portal user's account's deals and cases. */
export const portalRoutes = signedInRoutes('portal', {
  'GET /api/portal/deals': 'read',
  'GET /api/portal/deals/{id}': 'read',
  'GET /api/portal/cases': 'read',
  'POST /api/portal/cases': 'create',
  'GET /api/portal/cases/{id}': 'read',
  'POST /api/portal/cases/{id}/comments': 'update',
  'POST /api/portal/cases/{id}/rating': 'update',
});
