import type { ApiRoute } from '../../shared/api/routes/route';
import type { FunctionDef, FunctionGrants, RouteDef } from './types';

/** Builders the modules (infra/definition/modules) declare their functions and routes with. */

/** A function serving HTTP routes: API Gateway gives up after 30 s, users after far less. */
export const api = (id: string, entry: string, description: string, grants: FunctionGrants): FunctionDef => ({
  id,
  entry,
  description,
  timeoutSeconds: 10,
  memoryMb: 512,
  grants,
});

/** A function run by a rule, a schedule or the stream. */
export const worker = (id: string, entry: string, description: string, grants: FunctionGrants, timeoutSeconds = 60, memoryMb = 512): FunctionDef => ({
  id,
  entry,
  description,
  timeoutSeconds,
  memoryMb,
  grants,
});

/** A module's routes (their metadata from shared/api/routes) served by one of its functions. */
export const serve = (fn: FunctionDef, routes: readonly ApiRoute[]): RouteDef[] => routes.map((route) => ({ ...route, function: fn.id }));
