import { signedInRoutes } from './route';

/** The user directory: the session, users and their administration, access requests (ACC-5). */
export const userRoutes = signedInRoutes('users', {
  'POST /api/session': 'signed-in',
  'GET /api/users': 'read',
  'POST /api/users/invitations': 'manage',
  'POST /api/users/{userId}/invitation': 'manage',
  'PUT /api/users/{userId}/roles': 'manage',
  'POST /api/users/{userId}/disable': 'manage',
  'POST /api/users/{userId}/enable': 'manage',
  'GET /api/access-requests': { subject: 'access-requests', action: 'read' },
  'POST /api/access-requests': { subject: 'access-requests', action: 'create' },
  'POST /api/access-requests/{requestId}/grant': { subject: 'access-requests', action: 'manage' },
  'POST /api/access-requests/{requestId}/decline': { subject: 'access-requests', action: 'manage' },
});
