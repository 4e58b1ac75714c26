import { signedInRoutes } from './route';

/** Quick search across record types (REC-13). */
export const searchRoutes = signedInRoutes('search', { 'GET /api/search': 'read' });
