import * as z from 'zod';
import type { Role } from '../../auth/roles';
import type { MatchBasis } from '../duplicates/match-keys';
import { trimmed } from '../common/values';

/**
 * An import (REC-11) is a job with a life of its own: the file is uploaded, read and mapped,
 * checked (the dry run), then imported row by row in the background. Every row's outcome is kept
 * as a marker written in the same transaction as the row's record, so a job that crashed resumes
 * where it stopped and never imports a row twice (ADR 0011).
 */
export const importTypes = ['lead', 'account', 'contact', 'deal'] as const;
export type ImportType = (typeof importTypes)[number];

export const importStatuses = [
  /** Waiting for the file to be uploaded to the file store. */
  'uploading',
  /** Uploaded; the runner is reading it (spreadsheet parsing stays out of the API functions' bundles). */
  'reading',
  /** Read: headers, a sample and a suggested mapping are known. */
  'mapping',
  /** The dry run is going through the rows. */
  'checking',
  /** The dry run is done; its report is ready. */
  'checked',
  'importing',
  'done',
  'failed',
  'cancelled',
] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const duplicatePolicies = ['skip', 'update', 'create'] as const;
export type DuplicatePolicy = (typeof duplicatePolicies)[number];

export type ImportPhase = 'check' | 'import';

/** The outcome of one row: in the dry run what would happen, in the import what did. */
export const rowOutcomes = ['created', 'updated', 'skipped', 'invalid', 'failed'] as const;
export type RowOutcome = (typeof rowOutcomes)[number];

export interface ImportCounts {
  created: number;
  updated: number;
  skipped: number;
  invalid: number;
  failed: number;
  /** Rows that matched an existing record (whatever was done with them). */
  duplicates: number;
}

export const noCounts: ImportCounts = { created: 0, updated: 0, skipped: 0, invalid: 0, failed: 0, duplicates: 0 };

export interface ImportProgress {
  phase: ImportPhase;
  /** Id of this run of the phase: its row markers are keyed by it, so a repeated dry run starts a fresh report. */
  run: string;
  /** The run of the phase: a continuation event acts only while it is the job's current one. */
  step: number;
  /** Rows before this one are done and counted. */
  nextRow: number;
  counts: ImportCounts;
  startedAt: string;
  finishedAt?: string;
}

export interface ImportJob {
  id: string;
  recordType: ImportType;
  fileName: string;
  contentType: string;
  bytes: number;
  status: ImportStatus;
  /** Which product's export the columns look like. */
  source?: string;
  headers?: string[];
  /** The first rows, for the mapping screen. */
  sample?: string[][];
  rowCount?: number;
  /** Per column: the field it fills, or null to ignore it. */
  mapping?: (string | null)[];
  duplicatePolicy: DuplicatePolicy;
  /** Per-row choices made on the dry run's report, overriding the policy (row number → action). */
  rowActions?: Record<string, DuplicatePolicy>;
  /** The owner of imported records that name none. */
  ownerId: string;
  progress?: ImportProgress;
  /** The run id of each phase's latest run: where its report rows are. */
  runs?: Partial<Record<ImportPhase, string>>;
  /** The last phase's counts, kept when the next phase starts: the dry run's report summary. */
  checked?: ImportCounts;
  error?: string;
  /** The watchdog's resumes of a stalled job, counted at the row it stalled at (import-watchdog.ts). */
  watchdog?: { resumes: number; atRow: number; at: string };
  createdAt: string;
  createdBy: string;
  /** The importer's roles when starting: rows are created and updated as they may (ACC-2). */
  createdByRoles: Role[];
  updatedAt: string;
  version: number;
}

/** What one row's marker records. */
export interface ImportRow {
  row: number;
  outcome: RowOutcome;
  recordId?: string;
  /** Validation problems, by field. */
  issues?: { field: string; column?: number; message: string }[];
  /** The records it matched (existing ones, or earlier rows of the file), why, and how strongly. */
  matches?: ImportMatch[];
  /** Would be / was done to a duplicate: set when a match decided the row. */
  action?: DuplicatePolicy;
  /** Why a row was skipped though it is valid: "held by another owner", "adds nothing" (import-decision.ts). */
  reason?: string;
}

/**
 * A record a row matched. `acts`: it decides the row (a strong match); a weak one is only shown for
 * review. Someone who may not see the record gets neither its id nor its owner (importReport).
 */
export interface ImportMatch extends MatchBasis {
  id?: string;
  /** An earlier row of the file that creates (dry run) the record. */
  row?: number;
  ownerId?: string;
  acts: boolean;
}

export const importFileLimits = {
  maxBytes: 20 * 1024 * 1024,
  contentTypes: [
    'text/csv',
    'text/plain',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
  extensions: ['.csv', '.txt', '.xlsx'],
} as const;

export const startImportSchema = z.strictObject({
  recordType: z.enum(importTypes),
  fileName: trimmed(200).refine((name) => importFileLimits.extensions.some((ext) => name.toLowerCase().endsWith(ext)), {
    message: `a ${importFileLimits.extensions.join(', ')} file`,
  }),
  contentType: z.enum(importFileLimits.contentTypes),
  bytes: z.number().int().min(1).max(importFileLimits.maxBytes, { message: `at most ${importFileLimits.maxBytes / 1024 / 1024} MB` }),
  duplicatePolicy: z.enum(duplicatePolicies).default('skip'),
  ownerId: z.string().min(1).max(128).optional(),
});
export type StartImportInput = z.infer<typeof startImportSchema>;

export const configureImportSchema = z.strictObject({
  version: z.number().int().positive(),
  mapping: z.array(z.string().min(1).max(120).nullable()).max(200).optional(),
  duplicatePolicy: z.enum(duplicatePolicies).optional(),
  rowActions: z.record(z.string().regex(/^\d{1,6}$/, 'a row number'), z.enum(duplicatePolicies)).optional(),
});
export type ConfigureImportInput = z.infer<typeof configureImportSchema>;

export const versionOnlySchema = z.strictObject({ version: z.number().int().positive() });

/** The file's key in the file store, and the key of its rows once read. */
export const importFileKeys = (id: string) => ({ source: `imports/${id}/source`, rows: `imports/${id}/rows.json` });

/** Which statuses a phase may start from. */
export const phaseStartsFrom: Record<ImportPhase, readonly ImportStatus[]> = {
  check: ['mapping', 'checked'],
  import: ['mapping', 'checked'],
};

export const runningStatusOf = (phase: ImportPhase): ImportStatus => (phase === 'check' ? 'checking' : 'importing');
export const finishedStatusOf = (phase: ImportPhase): ImportStatus => (phase === 'check' ? 'checked' : 'done');

export const outcomeOf: Record<DuplicatePolicy, RowOutcome> = { create: 'created', update: 'updated', skip: 'skipped' };

/** Counts a row; a duplicate is a row a match decided (weak matches shown for review are not). */
export function addOutcome(counts: ImportCounts, row: Pick<ImportRow, 'outcome' | 'action'>): ImportCounts {
  return { ...counts, [row.outcome]: counts[row.outcome] + 1, duplicates: counts.duplicates + (row.action ? 1 : 0) };
}

/** Rows are numbered as the spreadsheet shows them: the header is row 1, the first data row is 2. */
export const rowNumberOf = (index: number): number => index + 2;
