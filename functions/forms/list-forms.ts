import { findForms } from '../../shared/services/form-service';
import { apiHandler } from '../http/api-handler';

export const listFormsRoute = apiHandler({}, async () => ({ body: { items: await findForms() } }));
