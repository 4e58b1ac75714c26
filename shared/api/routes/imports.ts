import { signedInRoutes } from './route';

/** The import wizard's steps (REC-11). */
export const importRoutes = signedInRoutes('imports', {
  'GET /api/imports': 'read',
  'POST /api/imports': 'create',
  'GET /api/imports/{importId}': 'read',
  'PATCH /api/imports/{importId}': 'update',
  'POST /api/imports/{importId}/file': 'update',
  'POST /api/imports/{importId}/check': 'update',
  'POST /api/imports/{importId}/run': 'update',
  'POST /api/imports/{importId}/resume': 'update',
  'POST /api/imports/{importId}/cancel': 'update',
  'GET /api/imports/{importId}/rows': 'read',
});
