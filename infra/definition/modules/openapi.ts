import { openApiRoutes } from '../../../shared/api/routes/openapi';
import { noGrants } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

// Answers from the document its bundle holds (shared/api/openapi.json): no table, no AWS call.
const openApi = api('openapi', 'functions/openapi/openapi-api.ts', "The API's OpenAPI document", noGrants);

export const openApiModule: ModuleDef = { functions: [openApi], routes: serve(openApi, openApiRoutes) };
