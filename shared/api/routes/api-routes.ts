import { accountRoutes } from './accounts';
import { activityRoutes } from './activities';
import { apiKeyRoutes } from './api-keys';
import { attachmentRoutes } from './attachments';
import { auditRoutes } from './audit';
import { caseRoutes } from './cases';
import { contactRoutes } from './contacts';
import { customFieldRoutes } from './custom-fields';
import { dealRoutes } from './deals';
import { exportRoutes } from './exports';
import { formRoutes, formSubmissionRoutes } from './forms';
import { healthRoutes } from './health';
import { importRoutes } from './imports';
import { leadRoutes } from './leads';
import { openApiRoutes } from './openapi';
import { pipelineRoutes } from './pipelines';
import { portalRoutes } from './portal';
import { productRoutes } from './products';
import { routeKeyOf, type ApiRoute } from './route';
import { searchRoutes } from './search';
import { teamRoutes } from './teams';
import { transferRoutes } from './transfers';
import { userRoutes } from './users';

/**
 * Every route of the API, one list composed of the modules' (ADR 0017). The app definition binds
 * each to the function serving it; tests/infra/route-metadata.test.ts checks it binds exactly these.
 */
export const apiRoutes: readonly ApiRoute[] = [
  ...healthRoutes,
  ...openApiRoutes,
  ...formSubmissionRoutes,
  ...userRoutes,
  ...apiKeyRoutes,
  ...leadRoutes,
  ...formRoutes,
  ...accountRoutes,
  ...contactRoutes,
  ...activityRoutes,
  ...productRoutes,
  ...dealRoutes,
  ...caseRoutes,
  ...pipelineRoutes,
  ...customFieldRoutes,
  ...teamRoutes,
  ...auditRoutes,
  ...transferRoutes,
  ...portalRoutes,
  ...searchRoutes,
  ...attachmentRoutes,
  ...exportRoutes,
  ...importRoutes,
];

const byKey = new Map(apiRoutes.map((route) => [routeKeyOf(route), route]));

/** The route API Gateway matched, by its route key; undefined for a key the API does not have. */
export const apiRouteOf = (routeKey: string): ApiRoute | undefined => byKey.get(routeKey);
