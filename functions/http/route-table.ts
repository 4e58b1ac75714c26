import { apiRouteOf } from '../../shared/api/routes/api-routes';
import type { ApiRoute } from '../../shared/api/routes/route';

/** The API's routes by route key (`GET /api/leads/{leadId}`), as API Gateway names the matched one (ADR 0017). */
export const routeOf = (routeKey: string): ApiRoute | undefined => apiRouteOf(routeKey);
