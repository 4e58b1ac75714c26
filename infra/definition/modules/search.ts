import { searchRoutes } from '../../../shared/api/routes/search';
import { derivedSourceEntities } from '../../../shared/data/derived-index';
import { readWrite } from '../grants';
import { api, serve, worker } from '../module-kit';
import type { ModuleDef } from '../types';

// Reads only, but every search is written to the audit trail.
const search = api('search', 'functions/search/search-api.ts', 'Quick search across record types', readWrite);
const derive = worker('search-derive', 'functions/search/derive-index.ts', 'Keeps the search index in step with the records from the table stream', readWrite);

/**
 * Quick search (REC-13), and its index derived from the stream (ADR 0009): every new image of a
 * record (INSERT, MODIFY) and the redirect a merge leaves reach `search-derive`.
 */
export const searchModule: ModuleDef = {
  functions: [search, derive],
  routes: serve(search, searchRoutes),
  streamConsumers: [{ id: 'search-derive', function: derive.id, filter: { eventNames: ['INSERT', 'MODIFY'], entities: derivedSourceEntities }, batchSize: 100 }],
};
