import { accountRoutes } from '../../../shared/api/routes/accounts';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const accounts = api('accounts', 'functions/accounts/accounts-api.ts', 'Accounts: list, create, read, update, timeline', readWrite);

export const accountsModule: ModuleDef = { functions: [accounts], routes: serve(accounts, accountRoutes) };
