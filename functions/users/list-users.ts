import { findUsers } from '../../shared/services/user-service';
import { apiHandler } from '../http/api-handler';

export const listUsersRoute = apiHandler({}, async () => ({ body: { items: await findUsers() } }));
