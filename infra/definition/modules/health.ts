import { healthRoutes } from '../../../shared/api/routes/health';
import { readOnly } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const health = api('health', 'functions/health/get-health.ts', 'Liveness and readiness of the API and its table', readOnly);

export const healthModule: ModuleDef = { functions: [health], routes: serve(health, healthRoutes) };
