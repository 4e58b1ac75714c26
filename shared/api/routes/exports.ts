import { signedInRoutes } from './route';

/** List exports to CSV or XLSX (REC-11). */
export const exportRoutes = signedInRoutes('exports', { 'POST /api/exports': 'create', 'GET /api/exports/{exportId}': 'read' });
