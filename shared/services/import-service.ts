import { fileStore, type UploadTarget } from '../adapters/file-store';
import type { Page } from '../api/contracts';
import { ConditionFailed } from '../data/change-set';
import { getCustomFields } from '../data/custom-fields-repository';
import { getImport, listImports, reportRows, saveImport } from '../data/imports-repository';
import { getUser } from '../data/users-repository';
import type { Actor } from '../domain/common/actor';
import { assertMayAssign, assertSeesOwned, subjectOfType, visibilityFor } from './visibility-service';
import type { Action } from '../auth/permissions';
import { sees } from '../auth/visibility';
import { entry, event, type CommandContext } from '../domain/common/change';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { DomainError, invalidField, notFound, versionConflict } from '../domain/common/errors';
import {
  importFileKeys,
  noCounts,
  phaseStartsFrom,
  runningStatusOf,
  type ConfigureImportInput,
  type ImportJob,
  type ImportMatch,
  type ImportPhase,
  type ImportRow,
  type StartImportInput,
} from '../domain/imports/import-job';
import { importFieldsOf } from '../domain/transfer/import-fields';

/**
 * Import use cases (REC-11): start (the browser then uploads the file straight to the file
 * store), read the uploaded file, map its columns, run the dry run, run the import, follow its
 * progress and report, resume or cancel it. The rows themselves are the runner's
 * (import-runner.ts), set going by the events these use cases record.
 */
const context = (actor: Actor, clock: Clock): CommandContext => {
  const now = clock.now();
  return { actor, now, newId: () => newId(now) };
};

const unprocessable = (message: string, path?: string) =>
  new DomainError('unprocessable', message, path ? { fields: [{ path, message, code: 'invalid_state' }] } : {});

/** An import, to whoever may see its starter's work: a rep their own, a manager the team's (ACC-2). */
export async function readImport(actor: Actor, id: string, action: Action = 'read'): Promise<ImportJob> {
  const job = await getImport(id);
  if (!job) throw notFound('Import');
  await assertSeesOwned(actor, 'imports', action, job.createdBy, 'Import');
  return job;
}

/** The imports the actor may see, newest first (a page may hold fewer than asked). */
export async function findImports(actor: Actor, page: { limit: number; cursor?: string }): Promise<Page<ImportJob>> {
  const visibility = await visibilityFor(actor, 'imports', 'read');
  const found = await listImports(page);
  return { ...found, items: found.items.filter((job) => sees(visibility, job.createdBy)) };
}

/** Registers the import and returns where the browser uploads the file. */
export async function startImportAs(actor: Actor, input: StartImportInput, clock: Clock = systemClock): Promise<{ import: ImportJob; upload: UploadTarget }> {
  await assertMayAssign(actor, input.recordType, input.ownerId, undefined);
  if (input.ownerId && input.ownerId !== actor.id && !(await getUser(input.ownerId))) throw invalidField('ownerId', 'no such user');
  const ctx = context(actor, clock);
  const at = ctx.now.toISOString();
  const job: ImportJob = {
    id: ctx.newId(),
    recordType: input.recordType,
    fileName: input.fileName,
    contentType: input.contentType,
    bytes: input.bytes,
    status: 'uploading',
    duplicatePolicy: input.duplicatePolicy,
    ownerId: input.ownerId ?? actor.id,
    createdAt: at,
    createdBy: actor.id,
    createdByRoles: actor.type === 'user' ? [...actor.roles] : [],
    updatedAt: at,
    version: 1,
  };
  const upload = await fileStore().uploadTarget(importFileKeys(job.id).source, { contentType: job.contentType, bytes: job.bytes });
  await saveImport(job, undefined, entry(ctx, 'created'));
  return { import: job, upload };
}

/**
 * The browser has uploaded the file: the runner reads it (import-runner.ts, `readImportFile`) and
 * the job moves on to `mapping`, or to `failed` saying why the file could not be read.
 */
export async function fileUploadedAs(actor: Actor, id: string, version: number, clock: Clock = systemClock): Promise<ImportJob> {
  const job = await current(actor, id, version);
  if (job.status !== 'uploading') throw unprocessable(`The file of an import that is ${job.status} cannot be replaced`, 'status');
  const stored = await fileStore().stat(importFileKeys(id).source);
  if (!stored) throw unprocessable('The file has not been uploaded yet', 'file');
  if (stored.bytes !== job.bytes) throw unprocessable(`The uploaded file has ${stored.bytes} bytes, not the ${job.bytes} announced`, 'bytes');
  const ctx = context(actor, clock);
  const next: ImportJob = { ...job, status: 'reading', updatedAt: ctx.now.toISOString(), version: job.version + 1 };
  await save(next, job, entry(ctx, 'updated', { changes: [{ field: 'status', from: job.status, to: next.status }] }), [
    event(ctx, 'ImportRequested', { importId: id, phase: 'read', step: 0 }),
  ]);
  return next;
}

/** Sets the column mapping, the duplicate policy and per-row choices before a phase starts. */
export async function configureImportAs(actor: Actor, id: string, input: ConfigureImportInput, clock: Clock = systemClock): Promise<ImportJob> {
  const job = await current(actor, id, input.version);
  if (!phaseStartsFrom.import.includes(job.status)) throw unprocessable(`An import that is ${job.status} cannot be changed`, 'status');
  if (input.mapping) await checkMapping(job, input.mapping);
  const ctx = context(actor, clock);
  const next: ImportJob = {
    ...job,
    ...(input.mapping ? { mapping: input.mapping } : {}),
    ...(input.duplicatePolicy ? { duplicatePolicy: input.duplicatePolicy } : {}),
    ...(input.rowActions ? { rowActions: input.rowActions } : {}),
    updatedAt: ctx.now.toISOString(),
    version: job.version + 1,
  };
  await save(next, job, entry(ctx, 'updated', { data: { mapping: Boolean(input.mapping), duplicatePolicy: next.duplicatePolicy } }));
  return next;
}

/** Starts the dry run or the import itself: recorded together with the event that sets the runner going. */
export async function startPhaseAs(actor: Actor, id: string, phase: ImportPhase, version: number, clock: Clock = systemClock): Promise<ImportJob> {
  const job = await current(actor, id, version);
  if (!phaseStartsFrom[phase].includes(job.status)) throw unprocessable(`An import that is ${job.status} cannot start ${phase === 'check' ? 'a dry run' : 'importing'}`, 'status');
  await checkMapping(job, job.mapping ?? []);
  const ctx = context(actor, clock);
  const at = ctx.now.toISOString();
  const next: ImportJob = {
    ...job,
    status: runningStatusOf(phase),
    progress: { phase, run: ctx.newId(), step: 1, nextRow: 0, counts: noCounts, startedAt: at },
    updatedAt: at,
    version: job.version + 1,
  };
  await save(next, job, entry(ctx, 'updated', { changes: [{ field: 'status', from: job.status, to: next.status }] }), [
    event(ctx, 'ImportRequested', { importId: id, phase, step: 1 }),
  ]);
  return next;
}

/**
 * Sets a stalled phase going again from its last recorded row (a runner that exhausted its
 * retries). Safe at any time: a runner still at work on the old step stops at its next batch.
 */
export async function resumeImportAs(actor: Actor, id: string, version: number, clock: Clock = systemClock): Promise<ImportJob> {
  const job = await current(actor, id, version);
  if (!job.progress || job.status !== runningStatusOf(job.progress.phase)) throw unprocessable(`An import that is ${job.status} has nothing to resume`, 'status');
  const ctx = context(actor, clock);
  const step = job.progress.step + 1;
  const next: ImportJob = { ...job, progress: { ...job.progress, step }, updatedAt: ctx.now.toISOString(), version: job.version + 1 };
  await save(next, job, entry(ctx, 'updated', { data: { resumedAtRow: job.progress.nextRow, step } }), [
    event(ctx, 'ImportRequested', { importId: id, phase: job.progress.phase, step }),
  ]);
  return next;
}

export async function cancelImportAs(actor: Actor, id: string, version: number, clock: Clock = systemClock): Promise<ImportJob> {
  const job = await current(actor, id, version);
  if (job.status === 'done' || job.status === 'cancelled') throw unprocessable(`An import that is ${job.status} cannot be cancelled`, 'status');
  const ctx = context(actor, clock);
  const next: ImportJob = { ...job, status: 'cancelled', updatedAt: ctx.now.toISOString(), version: job.version + 1 };
  await save(next, job, entry(ctx, 'updated', { changes: [{ field: 'status', from: job.status, to: 'cancelled' }] }));
  return next;
}

/**
 * The report of the dry run or of the import, in row order: problems, duplicates and what became of
 * each row. A matched record the reader may not see is named by neither id nor owner: a rep sees
 * "held by another owner", a manager who sees that owner's records sees which record it is (ACC-2).
 */
export async function importReport(actor: Actor, id: string, query: { phase: ImportPhase; outcome?: string; limit: number; cursor?: string }): Promise<Page<ImportRow>> {
  const job = await readImport(actor, id);
  const run = job.runs?.[query.phase];
  if (!run) return { items: [] };
  const page = await reportRows(id, run, query);
  const visibility = await visibilityFor(actor, subjectOfType[job.recordType], 'read');
  const shown = (match: ImportMatch): ImportMatch => {
    if (!match.ownerId || sees(visibility, match.ownerId)) return match;
    const { id: _id, ownerId: _ownerId, ...hidden } = match;
    return hidden;
  };
  return { ...page, items: page.items.map((row) => (row.matches ? { ...row, matches: row.matches.map(shown) } : row)) };
}

async function current(actor: Actor, id: string, version: number): Promise<ImportJob> {
  const job = await readImport(actor, id, 'update');
  if (job.version !== version) throw versionConflict(job.version);
  return job;
}

async function save(next: ImportJob, before: ImportJob, timelineEntry: Parameters<typeof saveImport>[2], events: Parameters<typeof saveImport>[3] = []): Promise<void> {
  const withRuns = next.progress ? { ...next, runs: { ...next.runs, [next.progress.phase]: next.progress.run } } : next;
  try {
    await saveImport(withRuns, before, timelineEntry, events);
  } catch (error) {
    if (error instanceof ConditionFailed) throw versionConflict(Number(error.current?.version) || undefined);
    throw error;
  }
}

/** Each mapped field is one the type has, none is mapped twice, and the required ones are there. */
async function checkMapping(job: ImportJob, mapping: readonly (string | null)[]): Promise<void> {
  if (!job.headers) throw unprocessable('The file has not been read yet', 'status');
  if (mapping.length !== job.headers.length) throw invalidField('mapping', `one entry per column: ${job.headers.length}`);
  const fields = importFieldsOf(job.recordType, (await getCustomFields(job.recordType)).fields);
  const known = new Set(fields.map((f) => f.key));
  const seen = new Set<string>();
  mapping.forEach((key, column) => {
    if (key === null) return;
    if (!known.has(key)) throw invalidField(`mapping.${column}`, `no field "${key}" on ${job.recordType}s`);
    if (seen.has(key)) throw invalidField(`mapping.${column}`, `"${key}" is already mapped to another column`);
    seen.add(key);
  });
  const missing = fields.filter((f) => f.required && !seen.has(f.key) && !(f.key === 'lastName' && seen.has('fullName')));
  if (missing.length) throw invalidField('mapping', `map a column to ${missing.map((f) => f.key).join(', ')}`, 'required');
}
