import { coreRecordRoutes } from './record-routes';
import { signedInRoutes } from './route';

/** Deals (REC-4): the record, stage moves (REC-10) and notes. */
export const dealRoutes = signedInRoutes('deals', { ...coreRecordRoutes('deals'), 'POST /api/deals/{id}/stage': 'update', 'POST /api/deals/{id}/notes': 'update' });
