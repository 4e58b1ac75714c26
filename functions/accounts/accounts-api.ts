import { createAccountSchema, updateAccountSchema } from '../../shared/domain/accounts/account';
import { accounts } from '../../shared/services/account-service';
import { apiRouter } from '../http/api-router';
import { noteRoute, recordRouter, recordRoutes } from '../records/record-routes';

/** The accounts resource (REC-2). */
export const handler = apiRouter({
  ...recordRouter('accounts', recordRoutes(accounts, { create: createAccountSchema, update: updateAccountSchema }), { duplicates: true }),
  'POST /api/accounts/{id}/notes': noteRoute('account'),
});
