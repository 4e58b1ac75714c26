import { auditRoutes } from '../../../shared/api/routes/audit';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

// Reading the trail is itself a call on the trail: it writes its own entry.
const audit = api('audit', 'functions/audit/audit-api.ts', 'The audit trail and the usage view', readWrite);

export const auditModule: ModuleDef = { functions: [audit], routes: serve(audit, auditRoutes) };
