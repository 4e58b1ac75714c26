import { apiRouter } from '../http/api-router';
import { listUsersRoute } from './list-users';
import { startSessionRoute } from './start-session';
import { disableUserRoute, enableUserRoute } from './user-access';

/** The user directory: sign-in bookkeeping and the list of users records can be assigned to. */
export const handler = apiRouter({
  'POST /api/session': startSessionRoute,
  'GET /api/users': listUsersRoute,
  'POST /api/users/{userId}/disable': disableUserRoute,
  'POST /api/users/{userId}/enable': enableUserRoute,
});
