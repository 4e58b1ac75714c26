import { coreRecordRoutes, duplicateRoutes } from './record-routes';
import { signedInRoutes } from './route';

/** Accounts (REC-2). */
export const accountRoutes = signedInRoutes('accounts', { ...coreRecordRoutes('accounts'), 'POST /api/accounts/{id}/notes': 'update', ...duplicateRoutes('accounts') });
