import { signedInRoutes } from './route';

/** Teams and the sharing of record types (ACC-2). */
export const teamRoutes = signedInRoutes('teams', { 'GET /api/teams': 'read', 'PUT /api/teams': 'manage', 'GET /api/sharing': 'read', 'PUT /api/sharing': 'manage' });
