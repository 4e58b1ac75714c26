import { searchRoutes } from '../../../shared/api/routes/search';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

// Reads only, but every search is written to the audit trail.
const search = api('search', 'functions/search/search-api.ts', 'Quick search across record types', readWrite);

export const searchModule: ModuleDef = { functions: [search], routes: serve(search, searchRoutes) };
