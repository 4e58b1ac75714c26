import type { AppDefinition, RouteDef } from './types';

/**
 * The routes the integration API serves to API keys (ADR 0015): every signed-in route with a
 * permission, except what only people do — their session, access requests, administering users
 * and keys — and the client portal. The key's role still decides what it may do, route by route.
 */
const peopleOnlySubjects = new Set(['api-keys', 'access-requests', 'portal']);

export function isIntegrationRoute(route: RouteDef): boolean {
  const permission = route.permission;
  if (route.access !== 'signed-in' || !permission) return false;
  if ('subject' in permission && (peopleOnlySubjects.has(permission.subject) || (permission.subject === 'users' && permission.action !== 'read'))) return false;
  return true;
}

export const integrationRoutes = (definition: AppDefinition): RouteDef[] => definition.routes.filter(isIntegrationRoute);
