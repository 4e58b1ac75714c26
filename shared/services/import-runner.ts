import { fileStore } from '../adapters/file-store';
import { readSpreadsheet, SpreadsheetError } from '../adapters/spreadsheet-reader';
import { ConditionFailed } from '../data/change-set';
import { getCustomFields } from '../data/custom-fields-repository';
import { advanceImport, getImport, plannedMatches, putPlan, putReportRows, putRowMarker, rowMarker, rowMarkers, saveImport } from '../data/imports-repository';
import { byStrength, findMatches, findSharedKeys } from '../data/match-index';
import { listPipelines } from '../data/pipelines-repository';
import { findByExactName, getRecords } from '../data/records-repository';
import { listUsers } from '../data/users-repository';
import { accountKind, type Account } from '../domain/accounts/account';
import type { Actor } from '../domain/common/actor';
import { entry, event, type CommandContext } from '../domain/common/change';
import { newId } from '../domain/common/clock';
import { DomainError } from '../domain/common/errors';
import { hasStrongKey, matchKeys, matchOf, normaliseName } from '../domain/duplicates/match-keys';
import { addsNothing, decideRow, heldByAnotherOwner, type Candidate, type RowDecision } from '../domain/imports/import-decision';
import {
  addOutcome,
  finishedStatusOf,
  importFileKeys,
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
import { linkableOwners } from './reference-guard';
import { subjectOfType, visibilityFor } from './visibility-service';
import { sees, type Visibility } from '../auth/visibility';
import type { Subject } from '../auth/permissions';
import { kinds } from '../domain/records/kinds';
import type { RecordType } from '../domain/records/record-type';

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
      // Data rows only: a blank row in between keeps its number but is no row of data.
      rowCount: table.rows.filter((row) => !isBlank(row)).length,
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
  const rowsOf = await rowContext(job, now);
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
      // A blank row is no data: not counted, not reported.
      if (!row) continue;
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
async function rowContext(job: ImportJob & Required<Pick<ImportJob, 'progress' | 'mapping'>>, now: () => Date) {
  const type = job.recordType;
  const target = importTargets[type];
  const [customFields, users, pipelines] = await Promise.all([getCustomFields(type).then((set) => set.fields), listUsers(), type === 'deal' ? listPipelines() : []]);
  const userByEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  // The importer, with the roles they had when starting: rows are written as they may (ACC-2).
  const actor: Actor = { type: 'user', id: job.createdBy, roles: job.createdByRoles ?? [] };
  const { phase, run } = job.progress;
  // Rows update duplicates the importer may update, and link only what it may link (the reference guard's rule).
  const [mayWork, mayWorkAccounts] = await Promise.all([workableOwners(actor, subjectOfType[type]), linkableOwners(actor, 'accounts')]);
  const accountIds = new Map<string, string>();

  /**
   * The account a row names, among those the importer may work: by exact name, else by name match;
   * when there is none at all, one is created with the row (in the dry run, a stand-in id). One
   * held by another owner is not linked: the row's record is not hung on another seller's client.
   */
  const accountFor = async (name: string, create: boolean): Promise<string | undefined> => {
    const key = normaliseName(name);
    const known = accountIds.get(key);
    if (known && !(create && known.startsWith(plannedAccount))) return known;
    const found = [...(await findByExactName<Account>(accountKind, name, 5))];
    if (!found.length) {
      const [byName] = await findMatches('account', matchKeys({ names: [name] }));
      const matched = byName && (await getRecords(accountKind, [byName.id])).get(byName.id);
      if (matched) found.push(matched);
    }
    const workable = found.find((a) => sees(mayWorkAccounts, a.ownerId));
    const id = workable?.id ?? (found.length ? undefined : create ? (await accounts.create(actor, { name, ownerId: job.ownerId }, { indexNow: true })).id : `${plannedAccount}${key}`);
    if (id) accountIds.set(key, id);
    return id;
  };

  /** The records a row's keys match: stored ones, and in the dry run those its earlier rows plan. */
  const candidatesFor = async (keys: readonly string[], row: number): Promise<Candidate[]> => {
    const shared = await findSharedKeys(type, keys);
    // Only earlier rows: a retried batch finds the plans its first attempt left for later ones.
    const plans = phase === 'check' ? (await plannedMatches(job.id, run, keys)).filter((plan) => plan.row < row) : [];
    // The strongest 80 stored matches and 20 planned updates: one BatchGet holds 100.
    const strongest = [...shared].map(([id, sharedKeys]) => ({ id, ...matchOf(sharedKeys) })).sort(byStrength).slice(0, 80).map((m) => m.id);
    const planned = [...new Set(plans.flatMap((p) => (p.recordId ? [p.recordId] : [])))].slice(0, 20);
    // Consistent: the record an earlier row just wrote is found with its match keys.
    const records = await getRecords(target.kind, [...strongest, ...planned], { consistent: true });
    const found = new Map<string, { id?: string; row?: number; keys: Set<string>; ownerId: string; strongKeys: boolean; snapshot: Record<string, unknown> }>();
    for (const [id, sharedKeys] of shared) {
      const record = records.get(id);
      if (!record) continue;
      const recordKeys = target.kind.match ? matchKeys(target.kind.match(record)) : [];
      found.set(id, { id, keys: new Set(sharedKeys), ownerId: record.ownerId, strongKeys: hasStrongKey(recordKeys), snapshot: record as unknown as Record<string, unknown> });
    }
    // Later plans of one record supersede earlier ones: it is as the last row before this one leaves it.
    for (const plan of plans) {
      const identity = plan.recordId ?? `row:${plan.createdByRow}`;
      const known = found.get(identity);
      if (plan.recordId && !records.has(plan.recordId)) continue;
      found.set(identity, {
        ...(plan.recordId ? { id: plan.recordId } : { row: plan.createdByRow! }),
        keys: new Set([...(known?.keys ?? []), plan.key]),
        ownerId: plan.ownerId,
        strongKeys: plan.strongKeys,
        snapshot: plan.snapshot,
      });
    }
    return [...found.values()]
      .map(({ keys: sharedKeys, ...c }) => ({ ...c, ...matchOf([...sharedKeys]), workable: sees(mayWork, c.ownerId) }))
      .sort(byStrength);
  };

  /** In the dry run, what the row leaves behind for later rows to match (the run has the records themselves). */
  const plan = async (decision: RowDecision, keys: readonly string[], input: Record<string, unknown>, rowStrong: boolean) => {
    const { row, target: duplicate, patch } = decision;
    if (row.outcome === 'created') {
      await putPlan(job.id, run, keys, { row: row.row, createdByRow: row.row, ownerId: String(input.ownerId), strongKeys: rowStrong, snapshot: input }, now());
    } else if (row.outcome === 'updated' && duplicate && patch) {
      await putPlan(
        job.id,
        run,
        keys,
        {
          row: row.row,
          ...(duplicate.id ? { recordId: duplicate.id } : { createdByRow: duplicate.row! }),
          ownerId: duplicate.ownerId,
          strongKeys: duplicate.strongKeys || rowStrong,
          snapshot: { ...duplicate.snapshot, ...patch },
        },
        now(),
      );
    }
  };

  /** One row: checked, matched and decided alike in both phases; written only in the import. Undefined for a blank row. */
  const process = async (number: number, cells: string[]): Promise<ImportRow | undefined> => {
    if (isBlank(cells)) return undefined;
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
      const contacts = await candidatesForType('contact', matchKeys({ emails: [links.contactEmail] }), mayWorkContacts);
      if (contacts) input.contactIds = [contacts];
      else issues.push({ field: 'contactEmail', message: 'no contact with this email' });
    }
    if (links.accountName) {
      // An account named but held only by other owners is not hung on, nor silently left off: the row says so.
      const accountId = await accountFor(links.accountName, false);
      if (accountId) input.accountId = accountId;
      else issues.push({ field: 'accountName', message: heldByAnotherOwner });
    }
    if (issues.length) return finish({ row: number, outcome: 'invalid', issues });

    const keys = target.kind.match ? matchKeys(target.kind.match(input as never)) : [];
    const rowStrong = hasStrongKey(keys);
    const decision = decideRow(job, number, input, rowStrong, await candidatesFor(keys, number));
    const planned = decision.row;
    if (phase === 'check') {
      await plan(decision, keys, input, rowStrong);
      return planned;
    }
    if (planned.outcome === 'skipped') return finish(planned);

    try {
      // Only now is a new account made: a skipped row makes none.
      if (links.accountName && String(input.accountId ?? '').startsWith(plannedAccount)) {
        const accountId = await accountFor(links.accountName, true);
        if (accountId) input.accountId = accountId;
      }
      const marker = (recordId: string) => [rowMarker(job.id, run, { ...planned, recordId })];
      if (planned.outcome === 'updated') {
        const id = decision.target!.id!;
        const updated = await target.update(actor, id, input, marker);
        if (updated === 'updated') return { ...planned, recordId: id };
        // The duplicate was merged away, or changed since it was matched so that the row adds nothing now.
        return finish(updated === 'gone' ? { ...planned, outcome: 'failed', recordId: id, issues: [{ field: 'id', message: 'the matching record no longer exists' }] } : { ...planned, outcome: 'skipped', reason: addsNothing, recordId: id });
      }
      const created = await target.create(actor, input, marker);
      return { ...planned, recordId: created.id };
    } catch (error) {
      if (error instanceof ConditionFailed && error.current?.entity === 'IMPORT_ROW') return error.current as unknown as ImportRow;
      // A refusal of this row (a field, a reference, a record gone) is this row's: reported, and the import goes on.
      if (error instanceof DomainError) {
        const fields = error.details.fields ?? [];
        return fields.length
          ? finish({ row: number, outcome: 'invalid', issues: fields.map((f) => ({ field: f.path, message: f.message })) })
          : finish({ ...planned, outcome: 'failed', issues: [{ field: 'row', message: error.message }] });
      }
      throw error;
    }
  };

  const mayWorkContacts = type === 'deal' ? await linkableOwners(actor, 'contacts') : 'all';
  /** The first record of a type, among those the importer may work, sharing a key: a deal's contact by email. */
  async function candidatesForType(linked: RecordType, keys: readonly string[], workable: Visibility): Promise<string | undefined> {
    const matches = await findMatches(linked, keys);
    const records = await getRecords(kinds[linked], matches.slice(0, 100).map((m) => m.id));
    return matches.find((m) => records.has(m.id) && sees(workable, records.get(m.id)!.ownerId))?.id;
  }

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

/** A stand-in for an account the import would create: the dry run writes nothing. */
const plannedAccount = 'planned-account:';

/** Whose records of a subject the importer may work (update, or count a row as); none when the role may not update at all. */
async function workableOwners(actor: Actor, subject: Subject): Promise<Visibility> {
  try {
    return await visibilityFor(actor, subject, 'update');
  } catch (error) {
    if (error instanceof DomainError) return new Set<string>();
    throw error;
  }
}

export type { ImportCounts };
