import { findForms } from '../../shared/services/form-service';
import { apiHandler } from '../http/api-handler';

export const handler = apiHandler({}, async () => ({ body: { items: await findForms() } }));
