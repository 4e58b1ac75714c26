import { publicRoute, signedInRoutes } from './route';

/** Web-to-lead (MKT-1): the public submission endpoint, and the forms' settings. */
export const formSubmissionRoutes = [publicRoute('POST /api/forms/{formId}/submissions')];

export const formRoutes = signedInRoutes('forms', { 'GET /api/forms': 'read', 'POST /api/forms': 'create', 'GET /api/forms/{formId}': 'read', 'PUT /api/forms/{formId}': 'update' });
