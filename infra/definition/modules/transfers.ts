import { transferRoutes } from '../../../shared/api/routes/transfers';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const transfers = api('transfers', 'functions/transfers/transfers-api.ts', 'Bulk transfer of records to another owner', readWrite);

export const transfersModule: ModuleDef = { functions: [transfers], routes: serve(transfers, transferRoutes) };
