import { leadRoutes } from '../../../shared/api/routes/leads';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const leads = api('leads', 'functions/leads/leads-api.ts', 'Leads: list, create, read, update, reject, timeline', readWrite);

export const leadsModule: ModuleDef = { functions: [leads], routes: serve(leads, leadRoutes) };
