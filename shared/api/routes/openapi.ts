import { publicRoute } from './route';

/** The API's own OpenAPI document (ADR 0017): public, it describes the routes and holds no data. */
export const openApiRoutes = [publicRoute('GET /api/openapi.json')];
