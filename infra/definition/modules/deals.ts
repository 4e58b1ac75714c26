import { dealRoutes } from '../../../shared/api/routes/deals';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const deals = api('deals', 'functions/deals/deals-api.ts', 'Deals: records, order lines, stage moves', readWrite);

export const dealsModule: ModuleDef = { functions: [deals], routes: serve(deals, dealRoutes) };
