import { app } from '../../infra/definition/app';
import type { RouteDef } from '../../infra/definition/types';

/** The app definition's routes by route key (`GET /api/leads/{leadId}`), as API Gateway names the matched one. */
const routes = new Map(app.routes.map((route) => [`${route.method} ${route.path}`, route]));

export const routeOf = (routeKey: string): RouteDef | undefined => routes.get(routeKey);
