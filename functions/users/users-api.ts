import { apiRouter } from '../http/api-router';
import { declineAccessRequestRoute, fileAccessRequestRoute, grantAccessRequestRoute, listAccessRequestsRoute } from './access-requests';
import { listUsersRoute } from './list-users';
import { startSessionRoute } from './start-session';
import { disableUserRoute, enableUserRoute, inviteUserRoute, resendInvitationRoute, setRolesRoute } from './user-access';

/** The user directory: sign-in bookkeeping, the users records can be assigned to, their administration and access requests. */
export const handler = apiRouter({
  'POST /api/session': startSessionRoute,
  'GET /api/users': listUsersRoute,
  'POST /api/users/invitations': inviteUserRoute,
  'POST /api/users/{userId}/invitation': resendInvitationRoute,
  'PUT /api/users/{userId}/roles': setRolesRoute,
  'POST /api/users/{userId}/disable': disableUserRoute,
  'POST /api/users/{userId}/enable': enableUserRoute,
  'GET /api/access-requests': listAccessRequestsRoute,
  'POST /api/access-requests': fileAccessRequestRoute,
  'POST /api/access-requests/{requestId}/grant': grantAccessRequestRoute,
  'POST /api/access-requests/{requestId}/decline': declineAccessRequestRoute,
});
