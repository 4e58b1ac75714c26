import { portalRoutes } from '../../../shared/api/routes/portal';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const portal = api('portal', 'functions/portal/portal-api.ts', "The client portal: the portal user's account's deals and cases", readWrite);

export const portalModule: ModuleDef = { functions: [portal], routes: serve(portal, portalRoutes) };
