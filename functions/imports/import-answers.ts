import * as z from 'zod';
import { matchBasisSchema, pageOf, uploadTargetSchema } from '../../shared/api/contracts';
import { roles } from '../../shared/auth/roles';
import { duplicatePolicies, importStatuses, importTypes, rowOutcomes, type ImportJob, type ImportRow } from '../../shared/domain/imports/import-job';

/** What the import routes answer (REC-11): the job as the wizard follows it, and its report rows. */
const phase = z.enum(['check', 'import']);
const counts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  invalid: z.number().int(),
  failed: z.number().int(),
  duplicates: z.number().int(),
});

export const importJobAnswer = z
  .object({
    id: z.string(),
    recordType: z.enum(importTypes),
    fileName: z.string(),
    contentType: z.string(),
    bytes: z.number().int(),
    status: z.enum(importStatuses),
    /** Which product's export the columns look like. */
    source: z.string().optional(),
    headers: z.array(z.string()).optional(),
    /** The first rows, for the mapping screen. */
    sample: z.array(z.array(z.string())).optional(),
    rowCount: z.number().int().optional(),
    /** Per column: the field it fills, or null to ignore it. */
    mapping: z.array(z.string().nullable()).optional(),
    duplicatePolicy: z.enum(duplicatePolicies),
    /** Per-row choices made on the dry run's report, overriding the policy (row number → action). */
    rowActions: z.record(z.string(), z.enum(duplicatePolicies)).optional(),
    ownerId: z.string(),
    progress: z
      .object({ phase, run: z.string(), step: z.number().int(), nextRow: z.number().int(), counts, startedAt: z.string(), finishedAt: z.string().optional() })
      .optional(),
    runs: z.object({ check: z.string().optional(), import: z.string().optional() }).optional(),
    /** The last phase's counts, kept when the next phase starts: the dry run's report summary. */
    checked: counts.optional(),
    error: z.string().optional(),
    watchdog: z.object({ resumes: z.number().int(), atRow: z.number().int(), at: z.string() }).optional(),
    createdAt: z.string(),
    createdBy: z.string(),
    createdByRoles: z.array(z.enum(roles)),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ title: 'ImportJob' }) satisfies z.ZodType<ImportJob>;

export const startedImportAnswer = z.object({ import: importJobAnswer, upload: uploadTargetSchema });

const importRowAnswer = z
  .object({
    row: z.number().int(),
    outcome: z.enum(rowOutcomes),
    recordId: z.string().optional(),
    issues: z.array(z.object({ field: z.string(), column: z.number().int().optional(), message: z.string() })).optional(),
    /** The records it matched (existing ones, or earlier rows of the file), why, and how strongly; `acts`: the match decides the row. */
    matches: z.array(matchBasisSchema.extend({ id: z.string().optional(), row: z.number().int().optional(), ownerId: z.string().optional(), acts: z.boolean() })).optional(),
    action: z.enum(duplicatePolicies).optional(),
    reason: z.string().optional(),
  })
  .meta({ title: 'ImportRow' }) satisfies z.ZodType<ImportRow>;

export const importRowsAnswer = pageOf(importRowAnswer);
export const importsAnswer = pageOf(importJobAnswer);
