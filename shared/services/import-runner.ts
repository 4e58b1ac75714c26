import { fileStore } from '../adapters/file-store';
import { readSpreadsheet, SpreadsheetError } from '../adapters/spreadsheet-reader';
import { ConditionFailed } from '../data/change-set';
import { getCustomFields } from '../data/custom-fields-repository';
import { advanceImport, getImport, putReportRows, putRowMarker, rowMarker, rowMarkers, saveImport } from '../data/imports-repository';
import { findMatches, type Match } from '../data/match-index';
import { listPipelines } from '../data/pipelines-repository';
import { findByExactName } from '../data/records-repository';
import { listUsers } from '../data/users-repository';
import { accountKind, type Account } from '../domain/accounts/account';
import type { Actor } from '../domain/common/actor';
import { entry, event, type CommandContext } from '../domain/common/change';
import { newId } from '../domain/common/clock';
import { DomainError } from '../domain/common/errors';
import { matchKeys, normaliseName } from '../domain/duplicates/match-keys';
import {
  addOutcome,
  finishedStatusOf,
  importFileKeys,
  outcomeOf,
  rowAction,
  rowNumberOf,
  runningStatusOf,
  type ImportCounts,
  type ImportJob,
  type ImportPhase,
  type ImportRow,
} from '../domain/imports/import-job';
import { detectSource, suggestMapping } from '../domain/transfer/column-mapping';
import { importFieldsOf } from '../domain/transfer/import-fields';
import { rowToInput } from '../domain/transfer/row-input';
import { importTargets } from './import-targets';
import { accounts } from './account-service';

/**
 * The background half of an import (ADR 0011). A runner is started by an `ImportRequested` event
 * for one step of a phase; it goes through the rows in batches, each batch ending with the job's
 * `nextRow` moved on, and hands over to a fresh invocation (a new step) before its time runs out.
 *
 * - A row is imported exactly once: its marker is written in the record's own transaction, and a
 *   runner that finds a marker counts the row from it instead of doing it again.
 * - A crash (or a timeout) mid-batch leaves `nextRow` at the batch's start; the retried event, or
 *   a resume from the UI, carries on from there.
 * - Two runners on one step (a doubled delivery) race on `nextRow`: one advances, the other stops.
 */
export interface RunBudget {
  batchSize: number;
  /** True when the invocation should hand over to the next step. */
  timeIsUp: () => boolean;
}

export type StepOutcome = 'stale' | 'continued' | 'finished' | 'stopped';

export interface ImportRequest {
  importId: string;
  phase: ImportPhase;
  step: number;
}

/** A row with nothing in it: kept so row numbers match the spreadsheet, skipped without a word. */
const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

interface SheetRows {
  headers: string[];
  rows: string[][];
}

export async function loadRows(job: Pick<ImportJob, 'id'>): Promise<SheetRows> {
  return JSON.parse(new TextDecoder().decode(await fileStore().read(importFileKeys(job.id).rows))) as SheetRows;
}

/**
 * Reads an uploaded file once: its rows are kept as JSON beside it for the steps, and the job
 * gets the headers, a sample, the product the export looks like and a suggested mapping. A file
 * that cannot be read fails the job with the reason. Repeating it (a redelivery) does nothing.
 */
export async function readImportFile(importId: string, now: () => Date = () => new Date()): Promise<StepOutcome> {
  const job = await getImport(importId);
  if (job?.status !== 'reading') return 'stale';
  const keys = importFileKeys(job.id);
  const ctx: CommandContext = { actor: { type: 'system', id: 'import' }, now: now(), newId: () => newId() };
  let update: Partial<ImportJob>;
  try {
    const table = await readSpreadsheet(await fileStore().read(keys.source), job.fileName);
    if (table.rows.length === 0) throw new SpreadsheetError('empty', 'The file has a header row but no data rows');
    await fileStore().write(keys.rows, new TextEncoder().encode(JSON.stringify(table)), 'application/json');
    const fields = importFieldsOf(job.recordType, (await getCustomFields(job.recordType)).fields);
    update = {
      status: 'mapping',
      source: detectSource(table.headers),
      headers: table.headers,
      sample: table.rows.slice(0, 5),
      rowCount: table.rows.length,
      mapping: suggestMapping(table.headers, fields),
    };
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error;
    update = { status: 'failed', error: error.message };
  }
  const next: ImportJob = { ...job, ...update, updatedAt: ctx.now.toISOString(), version: job.version + 1 };
  try {
    await saveImport(next, job, entry(ctx, 'updated', { changes: [{ field: 'status', from: job.status, to: next.status }], ...(next.error ? { note: next.error } : {}) }));
  } catch (error) {
    if (error instanceof ConditionFailed) return 'stopped';
    throw error;
  }
  return 'finished';
}

export async function runImportStep(request: ImportRequest, budget: RunBudget, now: () => Date = () => new Date()): Promise<StepOutcome> {
  let job = await getImport(request.importId);
  const isCurrent = (j: ImportJob | undefined): j is ImportJob & Required<Pick<ImportJob, 'progress' | 'mapping'>> =>
    Boolean(j?.progress && j.mapping && j.progress.phase === request.phase && j.progress.step === request.step && j.status === runningStatusOf(request.phase));
  if (!isCurrent(job)) return 'stale';

  const { rows } = await loadRows(job);
  const rowsOf = await rowContext(job);
  const { phase, run } = job.progress;
  let { nextRow, counts } = job.progress;

  while (nextRow < rows.length && !budget.timeIsUp()) {
    const from = nextRow;
    const to = Math.min(rows.length, from + budget.batchSize);
    const done = phase === 'import' ? await rowMarkers(job.id, run, rowNumberOf(from), rowNumberOf(to)) : new Map<number, ImportRow>();
    const report: ImportRow[] = [];
    for (let index = from; index < to; index++) {
      const number = rowNumberOf(index);
      const row = done.get(number) ?? (await rowsOf.process(number, rows[index] ?? []));
      counts = addOutcome(counts, row);
      if (phase === 'check' && (row.outcome !== 'created' || row.matches?.length)) report.push(row);
    }
    if (report.length) await putReportRows(job.id, run, report);
    if (!(await advanceImport(job.id, request.step, from, to, counts, now().toISOString()))) return 'stopped';
    nextRow = to;
  }

  job = await getImport(job.id);
  if (!isCurrent(job)) return 'stopped';
  const ctx: CommandContext = { actor: rowsOf.actor, now: now(), newId: () => newId() };
  const finished = job.progress.nextRow >= rows.length;
  const next: ImportJob = finished
    ? {
        ...job,
        status: finishedStatusOf(phase),
        progress: { ...job.progress, finishedAt: ctx.now.toISOString() },
        ...(phase === 'check' ? { checked: job.progress.counts } : {}),
        updatedAt: ctx.now.toISOString(),
        version: job.version + 1,
      }
    : { ...job, progress: { ...job.progress, step: job.progress.step + 1 }, updatedAt: ctx.now.toISOString(), version: job.version + 1 };
  try {
    await saveImport(
      next,
      job,
      entry(ctx, 'updated', finished ? { changes: [{ field: 'status', from: job.status, to: next.status }] } : { data: { step: next.progress!.step, nextRow: job.progress.nextRow } }),
      [
        finished
          ? event(ctx, 'ImportFinished', { importId: job.id, phase, status: next.status, counts: { ...job.progress.counts }, actorId: job.createdBy })
          : event(ctx, 'ImportRequested', { importId: job.id, phase, step: next.progress!.step }),
      ],
    );
  } catch (error) {
    // Cancelled, or resumed by hand, while this step ran: the job is someone else's now.
    if (error instanceof ConditionFailed) return 'stopped';
    throw error;
  }
  return finished ? 'finished' : 'continued';
}

/** What rows of one job need: its settings, the users by email, pipelines, accounts met so far. */
async function rowContext(job: ImportJob & Required<Pick<ImportJob, 'progress' | 'mapping'>>) {
  const type = job.recordType;
  const target = importTargets[type];
  const [customFields, users, pipelines] = await Promise.all([getCustomFields(type).then((set) => set.fields), listUsers(), type === 'deal' ? listPipelines() : []]);
  const userByEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  // The importer, with the roles they had when starting: rows are written as they may (ACC-2).
  const actor: Actor = { type: 'user', id: job.createdBy, roles: job.createdByRoles ?? [] };
  const { phase, run } = job.progress;
  const accountIds = new Map<string, string>();

  /** The account a row names: found by tax-id-less name match, else (when importing) created. */
  const accountFor = async (name: string): Promise<string | undefined> => {
    const key = normaliseName(name);
    const known = accountIds.get(key);
    if (known) return known;
    const [exact] = await findByExactName<Account>(accountKind, name, 1);
    const matched = exact?.id ?? (await findMatches('account', matchKeys({ names: [name] })))[0]?.id;
    const id = matched ?? (phase === 'import' ? (await accounts.create(actor, { name, ownerId: job.ownerId })).id : undefined);
    if (id) accountIds.set(key, id);
    return id;
  };

  const process = async (number: number, cells: string[]): Promise<ImportRow> => {
    if (isBlank(cells)) return finish({ row: number, outcome: 'skipped' });
    const converted = rowToInput(type, job.mapping, cells, customFields);
    const issues = [...converted.issues];
    const input: Record<string, unknown> = { ...converted.input };
    const { links } = converted;

    if (links.ownerEmail) {
      const ownerId = userByEmail.get(links.ownerEmail.trim().toLowerCase());
      if (ownerId) input.ownerId = ownerId;
      else issues.push({ field: 'ownerEmail', message: 'no user with this email' });
    } else if (input.ownerId === undefined) {
      input.ownerId = job.ownerId;
    }
    if (links.pipelineName) {
      const wanted = normaliseName(links.pipelineName);
      const pipeline = pipelines.find((p) => p.id === links.pipelineName || normaliseName(p.name) === wanted);
      if (pipeline) input.pipelineId = pipeline.id;
      else issues.push({ field: 'pipelineName', message: 'no pipeline with this name' });
    }
    if (links.contactEmail) {
      const [contact] = await findMatches('contact', matchKeys({ emails: [links.contactEmail] }));
      if (contact) input.contactIds = [contact.id];
      else issues.push({ field: 'contactEmail', message: 'no contact with this email' });
    }
    if (issues.length) return finish({ row: number, outcome: 'invalid', issues });

    const matches: Match[] = target.kind.match ? (await findMatches(type, matchKeys(target.kind.match(input as never)))).slice(0, 5) : [];
    const action = rowAction(job, number, matches.length > 0);
    const planned: ImportRow = { row: number, outcome: outcomeOf[action], ...(matches.length ? { matches, action } : {}) };
    if (phase === 'check' || action === 'skip') return finish(planned);

    if (links.accountName) {
      const accountId = await accountFor(links.accountName);
      if (accountId) input.accountId = accountId;
    }
    try {
      const marker = (recordId: string) => [rowMarker(job.id, run, { ...planned, recordId })];
      if (action === 'update') {
        const updated = await target.update(actor, matches[0]!.id, input, marker);
        if (updated === 'updated') return { ...planned, recordId: matches[0]!.id };
        // The duplicate was merged away, or the row adds nothing to it.
        return finish({ ...planned, outcome: updated === 'gone' ? 'failed' : 'skipped', recordId: matches[0]!.id, ...(updated === 'gone' ? { issues: [{ field: 'id', message: 'the matching record no longer exists' }] } : {}) });
      }
      const created = await target.create(actor, input, marker);
      return { ...planned, recordId: created.id };
    } catch (error) {
      if (error instanceof ConditionFailed && error.current?.entity === 'IMPORT_ROW') return error.current as unknown as ImportRow;
      if (error instanceof DomainError && error.details.fields?.length) {
        return finish({ row: number, outcome: 'invalid', issues: error.details.fields.map((f) => ({ field: f.path, message: f.message })) });
      }
      throw error;
    }
  };

  /** A row with no record written: in the import its marker alone (the first one wins), in the dry run nothing yet. */
  const finish = async (row: ImportRow): Promise<ImportRow> => {
    if (phase === 'import' && !(await putRowMarker(job.id, run, row))) {
      const [stored] = (await rowMarkers(job.id, run, row.row, row.row + 1)).values();
      return stored ?? row;
    }
    return row;
  };

  return { actor, process };
}

export type { ImportCounts };
