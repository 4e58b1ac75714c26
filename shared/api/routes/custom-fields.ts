import { signedInRoutes } from './route';

/** Custom field definitions per record type (REC-9). */
export const customFieldRoutes = signedInRoutes('custom-fields', { 'GET /api/custom-fields/{recordType}': 'read', 'PUT /api/custom-fields/{recordType}': 'manage' });
