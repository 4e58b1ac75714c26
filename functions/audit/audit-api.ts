import { auditQuerySchema, usageQuerySchema } from '../../shared/domain/audit/audit-entry';
import { readAuditAs, readUsageAs } from '../../shared/services/audit-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/** The audit trail (ACC-4): browse and filter it; identical calls repeated (the hint that a saved list is needed). */
export const handler = apiRouter({
  'GET /api/audit': apiHandler({ query: auditQuerySchema }, async ({ actor, query }) => ({ body: await readAuditAs(actor, query) })),
  'GET /api/audit/usage': apiHandler({ query: usageQuerySchema }, async ({ actor, query }) => ({ body: await readUsageAs(actor, query) })),
});
