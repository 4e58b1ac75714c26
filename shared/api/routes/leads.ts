import { signedInRoutes } from './route';

/** Leads (REC-1): the record, rejection, conversion, notes and duplicates. */
export const leadRoutes = signedInRoutes('leads', {
  'GET /api/leads': 'read',
  'POST /api/leads': 'create',
  'GET /api/leads/{leadId}': 'read',
  'PATCH /api/leads/{leadId}': 'update',
  'POST /api/leads/{leadId}/reject': 'update',
  'GET /api/leads/{leadId}/timeline': 'read',
  'POST /api/leads/{leadId}/convert': 'update',
  'POST /api/leads/{leadId}/notes': 'update',
  'GET /api/leads/duplicates': 'read',
  'POST /api/leads/duplicates/dismiss': 'merge',
  'GET /api/leads/{leadId}/duplicates': 'read',
  'POST /api/leads/{leadId}/merge': 'merge',
});
