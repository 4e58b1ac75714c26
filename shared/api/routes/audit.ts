import { signedInRoutes } from './route';

/** The audit trail and the usage view (ACC-4). */
export const auditRoutes = signedInRoutes('audit', { 'GET /api/audit': 'read', 'GET /api/audit/usage': 'read' });
