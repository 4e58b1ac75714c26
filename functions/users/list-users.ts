import { itemsOf, userSummarySchema } from '../../shared/api/contracts';
import { findUsers } from '../../shared/services/user-service';
import { apiHandler } from '../http/api-handler';

export const listUsersRoute = apiHandler({ answer: itemsOf(userSummarySchema) }, async () => ({ body: { items: await findUsers() } }));
