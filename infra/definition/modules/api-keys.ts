import { apiKeyRoutes } from '../../../shared/api/routes/api-keys';
import { readOnly, readWrite } from '../grants';
import { api, serve, worker } from '../module-kit';
import type { ModuleDef } from '../types';

const apiKeys = api('api-keys', 'functions/api-keys/api-keys-api.ts', 'Integration API keys: create, list, revoke', readWrite);
// Runs before every integration API call: one GetItem, then API Gateway caches its answer briefly.
const authorizer = worker('api-key-authorizer', 'functions/api-keys/authorize-api-key.ts', 'Checks the X-Api-Key of integration API calls', readOnly, 5, 256);

/** The integration API's keys (ADR 0015); `app.apiKeyAuthorizer` names the authorizer. */
export const apiKeysModule: ModuleDef = { functions: [apiKeys, authorizer], routes: serve(apiKeys, apiKeyRoutes) };
export const apiKeyAuthorizer = authorizer.id;
