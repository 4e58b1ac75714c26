import { signedInRoutes } from './route';

/** Integration API keys (ADR 0015): admins list, create and revoke them. */
export const apiKeyRoutes = signedInRoutes('api-keys', { 'GET /api/api-keys': 'read', 'POST /api/api-keys': 'manage', 'POST /api/api-keys/{keyId}/revoke': 'manage' });
