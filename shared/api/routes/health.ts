import { publicRoute } from './route';

/** Liveness and readiness: public, holds no data. */
export const healthRoutes = [publicRoute('GET /api/health')];
