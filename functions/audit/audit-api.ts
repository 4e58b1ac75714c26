import * as z from 'zod';
import { itemsOf, pageOf } from '../../shared/api/contracts';
import { auditActions, auditQuerySchema, usageQuerySchema, type AuditEntry, type UsageRow } from '../../shared/domain/audit/audit-entry';
import { readAuditAs, readUsageAs } from '../../shared/services/audit-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/** The audit trail (ACC-4): browse and filter it; identical calls repeated (the hint that a saved list is needed). */
const auditEntryAnswer = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ type: z.enum(['user', 'api-key']), id: z.string(), name: z.string().optional() }),
  action: z.enum(auditActions),
  subject: z.string(),
  recordId: z.string().optional(),
  route: z.string(),
  /** Whether the permission matrix let the call through (refused calls are on the trail too). */
  outcome: z.enum(['allowed', 'denied']),
  sourceIp: z.string().optional(),
  query: z.record(z.string(), z.string()).optional(),
}) satisfies z.ZodType<AuditEntry>;

const usageRowAnswer = z.object({ actorId: z.string(), route: z.string(), query: z.record(z.string(), z.string()), count: z.number().int(), lastAt: z.string() }) satisfies z.ZodType<UsageRow>;

export const handler = apiRouter({
  'GET /api/audit': apiHandler({ query: auditQuerySchema, answer: pageOf(auditEntryAnswer) }, async ({ actor, query }) => ({ body: await readAuditAs(actor, query) })),
  'GET /api/audit/usage': apiHandler({ query: usageQuerySchema, answer: itemsOf(usageRowAnswer) }, async ({ actor, query }) => ({ body: await readUsageAs(actor, query) })),
});
