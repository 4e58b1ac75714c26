import { caseRoutes } from '../../../shared/api/routes/cases';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const cases = api('cases', 'functions/cases/cases-api.ts', 'Service cases: records, internal notes, replies to the client', readWrite);

export const casesModule: ModuleDef = { functions: [cases], routes: serve(cases, caseRoutes) };
