import type { Permission, RouteAction, Subject } from '../../auth/permissions';

/**
 * What a handler may know about the routes at run time (ADR 0017): method, path, who may call it
 * and the permission it needs. No deployment data (functions, memory, grants): that is the app
 * definition's (infra/definition), which binds these routes to the functions that serve them.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone (web-to-lead, health) or a signed-in user (Cognito JWT). */
export type RouteAccess = 'public' | 'signed-in';

export interface ApiRoute {
  readonly method: HttpMethod;
  /** API Gateway v2 route path, e.g. `/api/leads/{leadId}`. */
  readonly path: string;
  readonly access: RouteAccess;
  /**
   * What the signed-in caller's roles must allow (shared/auth/permissions.ts), checked before the
   * handler runs. Absent on public routes and on those every signed-in user has (the session).
   */
  readonly permission?: Permission;
}

/** A route as API Gateway names the matched one: `GET /api/leads/{leadId}`. */
export type RouteKey = `${HttpMethod} /api/${string}`;

export const routeKeyOf = (route: Pick<ApiRoute, 'method' | 'path'>): string => `${route.method} ${route.path}`;

const split = (key: RouteKey) => key.split(' ') as [HttpMethod, string];

/** A route anyone may call. Adding one is a security decision (tests/infra/public-routes.test.ts). */
export function publicRoute(key: RouteKey): ApiRoute {
  const [method, path] = split(key);
  return { method, path, access: 'public' };
}

/** What a route needs: an action on the module's subject, another permission, or only a signed-in user. */
export type Need = RouteAction | Permission | 'signed-in';

/** A module's signed-in routes by route key, with the permission each needs (ACC-1). */
export function signedInRoutes(subject: Subject | undefined, needs: Readonly<Record<RouteKey, Need>>): ApiRoute[] {
  return Object.entries(needs).map(([key, need]) => {
    const [method, path] = split(key as RouteKey);
    if (need === 'signed-in') return { method, path, access: 'signed-in' };
    if (typeof need === 'object') return { method, path, access: 'signed-in', permission: need };
    if (!subject) throw new Error(`${key}: an action needs the module's subject`);
    return { method, path, access: 'signed-in', permission: { subject, action: need } };
  });
}
