import * as z from 'zod';
import { fileStore } from '../adapters/file-store';
import type { Page } from '../api/contracts';
import { getExport, saveExport } from '../data/exports-repository';
import type { Actor } from '../domain/common/actor';
import { entry, event } from '../domain/common/change';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { notFound } from '../domain/common/errors';
import { exportContentType, type ExportJob, type ExportRequest, type ExportType } from '../domain/exports/export-job';
import { listLeadsQuerySchema, type ListLeadsQuery } from '../domain/leads/lead';
import { listRecordsQuerySchema, type ListRecordsQuery } from '../domain/records/record-list';
import { accounts } from './account-service';
import { activities } from './activity-service';
import { cases } from './case-service';
import { contacts } from './contact-service';
import { deals } from './deal-service';
import { leads } from './lead-records';
import { products } from './product-service';
import { assertSeesOwned } from './visibility-service';

/**
 * Exports (REC-11): the request is checked here, where a bad filter can still get a 400 naming it,
 * and recorded with the event that has the runner (export-runner.ts) write the file.
 */
export type ListPage = (cursor: string | undefined, limit: number) => Promise<Page<object>>;

/** A list's pages as `actor` sees them, its filters validated as the list's own route validates them. */
export function listPagesOf(actor: Actor, type: ExportType, filters: Record<string, string>): ListPage {
  const query = (cursor: string | undefined, limit: number) => ({ ...filters, limit: String(limit), ...(cursor ? { cursor } : {}) });
  if (type === 'lead') return (cursor, limit) => leads.list(actor, parseFilters(listLeadsQuerySchema, query(cursor, limit)) as ListLeadsQuery);
  const service = { account: accounts, contact: contacts, deal: deals, product: products, activity: activities, case: cases }[type];
  return (cursor, limit) => service.list(actor, parseFilters(listRecordsQuerySchema, query(cursor, limit)) as ListRecordsQuery);
}

/** The requester of an export, as the runner acts for them. */
export const requesterOf = (job: ExportJob): Actor => ({ type: 'user', id: job.createdBy, roles: job.createdByRoles ?? [] });

/** A bad filter is named `filters.<param>`. */
function parseFilters(schema: z.ZodType, filters: Record<string, string>): unknown {
  const parsed = schema.safeParse(filters);
  if (parsed.success) return parsed.data;
  throw new z.ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: ['filters', ...issue.path] })));
}

export async function requestExportAs(actor: Actor, request: ExportRequest, clock: Clock = systemClock): Promise<ExportJob> {
  // One page of one row: every filter is checked (custom fields against their definitions too) before any work is queued.
  await listPagesOf(actor, request.recordType, request.filters)(undefined, 1);
  const now = clock.now();
  const ctx = { actor, now, newId: () => newId(now) };
  const at = now.toISOString();
  const { csvDialect, ...asked } = request;
  const job: ExportJob = {
    id: ctx.newId(),
    ...asked,
    // A CSV says how it is written; plain UTF-8 with commas unless asked otherwise.
    ...(request.format === 'csv' ? { csvDialect: csvDialect ?? 'plain' } : {}),
    status: 'running',
    createdAt: at,
    createdBy: actor.id,
    createdByRoles: actor.type === 'user' ? [...actor.roles] : [],
    updatedAt: at,
    version: 1,
  };
  await saveExport(job, undefined, entry(ctx, 'created'), [event(ctx, 'ExportRequested', { exportId: job.id })]);
  return job;
}

/** The job; when done, with a fresh download link (links live 15 minutes, the file a week). */
export async function readExport(actor: Actor, id: string): Promise<ExportJob & { url?: string }> {
  const job = await getExport(id);
  if (!job) throw notFound('Export');
  await assertSeesOwned(actor, 'exports', 'read', job.createdBy, 'Export');
  if (job.status !== 'done' || !job.fileKey) return job;
  return { ...job, url: await fileStore().downloadUrl(job.fileKey, { fileName: job.fileName ?? job.fileKey, contentType: exportContentType(job) }) };
}
