import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../data/dynamo-client';
import type { ItemMove, Migration, MigrationContext, MigrationWrite, StoredItem } from './migration';
import { finishState, readState, saveDryRun, saveSegment, schemaVersion, startState, type DryRunReport, type DryRunSample, type SegmentState } from './state';

/**
 * Runs the pending migrations in order (issue 14 §2, ADR 0024): each one a parallel Scan of its
 * scope in segments, a page at a time, the segment's cursor and counts saved after every page, so a
 * run that dies is continued by the next where it stopped. A finished migration is skipped; one
 * that has not finished stops the later ones (they may depend on its format). A dry run reads all
 * and writes only its report.
 */
export interface RunOptions {
  readonly migrations: readonly Migration[];
  readonly context: MigrationContext;
  readonly dryRun?: boolean;
  /** Parallel Scan segments of a migration's first run (later runs keep the stored number). */
  readonly segments?: number;
  readonly pageSize?: number;
  /** A progress line every this many scanned items (per migration). */
  readonly progressEvery?: number;
  readonly log?: (line: string) => void;
  /** Asked between pages: true stops the run (a Lambda near its time limit); the next run resumes. */
  readonly shouldStop?: () => boolean;
  readonly now?: () => Date;
  /** Called before each item is migrated; a test throws here to crash a run mid-way. */
  readonly beforeItem?: (migration: string, item: StoredItem) => void;
}

export interface MigrationOutcome {
  id: string;
  version: number;
  /** done: finished now or before; stopped: to be resumed; dry-run: reported only. */
  status: 'done' | 'already-done' | 'stopped' | 'dry-run';
  scanned: number;
  changed: number;
  report?: DryRunReport;
}

export interface RunResult {
  /** Every migration is done (false after a stop, and after any dry run). */
  finished: boolean;
  /** The schema version the data has reached. */
  version: number;
  outcomes: MigrationOutcome[];
}

/** Checks the registry's order: ids unique, versions strictly increasing. */
export function checkOrder(migrations: readonly Migration[]): void {
  const ids = new Set<string>();
  migrations.forEach((m, i) => {
    if (ids.has(m.id)) throw new Error(`migrations: ${m.id} is registered twice`);
    ids.add(m.id);
    const previous = migrations[i - 1];
    if (previous && m.version <= previous.version) throw new Error(`migrations: ${m.id} (version ${m.version}) must come after version ${previous.version}`);
  });
}

const retriesPerItem = 5;
const sampleSize = 10;

export async function runMigrations(options: RunOptions): Promise<RunResult> {
  checkOrder(options.migrations);
  const log = options.log ?? (() => undefined);
  const now = () => (options.now?.() ?? new Date()).toISOString();
  const outcomes: MigrationOutcome[] = [];
  for (const migration of options.migrations) {
    const state = await readState(migration.id);
    if (state?.status === 'done') {
      outcomes.push({ id: migration.id, version: migration.version, status: 'already-done', scanned: state.scanned ?? 0, changed: state.changed ?? 0 });
      continue;
    }
    if (options.dryRun) {
      const report = await dryRun(migration, options, now);
      await saveDryRun(migration, report);
      log(`[migrate] ${migration.id} (dry run): ${report.scanned} scanned, ${report.wouldChange} would change${report.complete ? '' : ' (stopped before the end)'}`);
      outcomes.push({ id: migration.id, version: migration.version, status: 'dry-run', scanned: report.scanned, changed: 0, report });
      continue;
    }
    const outcome = await run(migration, options, now, log);
    outcomes.push(outcome);
    if (outcome.status !== 'done') return { finished: false, version: await schemaVersion(), outcomes };
  }
  return { finished: !options.dryRun, version: await schemaVersion(), outcomes };
}

async function run(migration: Migration, options: RunOptions, now: () => string, log: (line: string) => void): Promise<MigrationOutcome> {
  const state = await startState(migration, options.segments ?? 4, now());
  const segments = state.segments ?? [];
  const every = options.progressEvery ?? 1000;
  const totals = { scanned: state.scanned ?? 0, changed: state.changed ?? 0, nextLog: (state.scanned ?? 0) + every };
  log(`[migrate] ${migration.id}: ${state.scanned ? `resuming at ${state.scanned} scanned, ${state.changed ?? 0} changed` : 'starting'} (${migration.description})`);
  let stopped = false;
  // A segment that fails stops the others at their next item, so no write outlives the run.
  let failed = false;
  const segmentRuns = await Promise.allSettled(
    segments.map(async (segmentState, segment) => {
      let current: SegmentState = segmentState;
      while (!current.done && !failed) {
        if (options.shouldStop?.()) {
          stopped = true;
          return;
        }
        const page = await scanPage(migration, segment, segments.length, current.cursor, options.pageSize ?? 100);
        let changed = 0;
        let retried = 0;
        for (const item of page.items) {
          if (failed) return;
          try {
            options.beforeItem?.(migration.id, item);
            const outcome = await migrateItem(migration, item, options.context);
            if (outcome.changed) changed++;
            retried += outcome.retried;
          } catch (error) {
            failed = true;
            throw error;
          }
        }
        current = { ...(page.cursor ? { cursor: page.cursor } : {}), done: !page.cursor, scanned: current.scanned + page.items.length, changed: current.changed + changed };
        await saveSegment(migration.id, segment, current, { scanned: page.items.length, changed, retried }, now());
        totals.scanned += page.items.length;
        totals.changed += changed;
        if (totals.scanned >= totals.nextLog) {
          totals.nextLog = totals.scanned + every;
          log(`[migrate] ${migration.id}: ${totals.scanned} scanned, ${totals.changed} changed`);
        }
      }
    }),
  );
  const failure = segmentRuns.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
  if (stopped) {
    log(`[migrate] ${migration.id}: stopped at ${totals.scanned} scanned, ${totals.changed} changed; the next run continues`);
    return { id: migration.id, version: migration.version, status: 'stopped', scanned: totals.scanned, changed: totals.changed };
  }
  await finishState(migration.id, migration.version, now());
  log(`[migrate] ${migration.id}: done, ${totals.scanned} scanned, ${totals.changed} changed; schema version ${migration.version}`);
  return { id: migration.id, version: migration.version, status: 'done', scanned: totals.scanned, changed: totals.changed };
}

async function dryRun(migration: Migration, options: RunOptions, now: () => string): Promise<DryRunReport> {
  const report: DryRunReport = { at: now(), complete: true, scanned: 0, wouldChange: 0, sample: [] };
  const total = options.segments ?? 4;
  await Promise.all(
    Array.from({ length: total }, async (_, segment) => {
      let cursor: Record<string, unknown> | undefined;
      do {
        if (options.shouldStop?.()) {
          report.complete = false;
          return;
        }
        const page = await scanPage(migration, segment, total, cursor, options.pageSize ?? 100);
        for (const item of page.items) {
          report.scanned++;
          const write = await migration.apply(item, options.context);
          if (!write) continue;
          report.wouldChange++;
          if (report.sample.length < sampleSize) report.sample.push(sampleOf(item, write));
        }
        cursor = page.cursor;
      } while (cursor);
    }),
  );
  report.sample.sort((a, b) => a.pk.localeCompare(b.pk) || a.sk.localeCompare(b.sk));
  return report;
}

function sampleOf(item: StoredItem, write: MigrationWrite): DryRunSample {
  if ('remove' in write) return { pk: item.pk, sk: item.sk, before: { pk: item.pk, sk: item.sk }, after: {}, puts: write.puts?.length ?? 0, deletes: write.deletes?.length ?? 0 };
  if ('move' in write) {
    return { pk: item.pk, sk: item.sk, before: { pk: item.pk, sk: item.sk }, after: { pk: write.move.to.pk, sk: write.move.to.sk }, puts: write.puts?.length ?? 0, deletes: write.deletes?.length ?? 0 };
  }
  const attributes = [...Object.keys(write.update.set), ...(write.update.remove ?? [])];
  return {
    pk: item.pk,
    sk: item.sk,
    before: Object.fromEntries(attributes.filter((a) => item[a] !== undefined).map((a) => [a, item[a]])),
    after: write.update.set,
    puts: write.puts?.length ?? 0,
    deletes: write.deletes?.length ?? 0,
  };
}

async function scanPage(migration: Migration, segment: number, totalSegments: number, cursor: Record<string, unknown> | undefined, limit: number) {
  const { scope } = migration;
  const filter =
    'pkPrefix' in scope
      ? { FilterExpression: 'begins_with(pk, :prefix)', ExpressionAttributeValues: { ':prefix': scope.pkPrefix } }
      : {
          FilterExpression: `#entity IN (${scope.entities.map((_, i) => `:e${i}`).join(', ')})`,
          ExpressionAttributeNames: { '#entity': 'entity' },
          ExpressionAttributeValues: Object.fromEntries(scope.entities.map((e, i) => [`:e${i}`, e])),
        };
  const { Items = [], LastEvaluatedKey } = await dynamo().send(
    new ScanCommand({
      TableName: tableName(),
      Segment: segment,
      TotalSegments: totalSegments,
      Limit: limit,
      ...filter,
      // Every page is read as written: a migrated item is never seen in its old shape again.
      ConsistentRead: true,
      ...(cursor ? { ExclusiveStartKey: cursor } : {}),
    }),
  );
  return { items: Items as StoredItem[], cursor: LastEvaluatedKey };
}

/**
 * Migrates one item. When its condition fails (someone saved it since the page was read), the item
 * is read again and migrated from what is stored now: their change is kept, and ours applies to it.
 */
async function migrateItem(migration: Migration, read: StoredItem, context: MigrationContext): Promise<{ changed: boolean; retried: number }> {
  let item: StoredItem | undefined = read;
  for (let attempt = 0; attempt < retriesPerItem; attempt++) {
    const write = await migration.apply(item, context);
    if (!write) return { changed: false, retried: attempt };
    try {
      await dynamo().send(new TransactWriteCommand(transactionOf(item, write)));
      return { changed: true, retried: attempt };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException) || error.CancellationReasons?.[0]?.Code !== 'ConditionalCheckFailed') throw error;
      const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true }));
      item = Item as StoredItem | undefined;
      // Deleted meanwhile (merged away): nothing left to migrate.
      if (!item) return { changed: false, retried: attempt + 1 };
    }
  }
  throw new Error(`migration ${migration.id}: ${read.pk} / ${read.sk} kept changing under ${retriesPerItem} attempts; the next run tries again`);
}

function transactionOf(item: StoredItem, write: MigrationWrite) {
  const table = tableName();
  const derived = [...(write.puts ?? []).map((put) => ({ Put: { TableName: table, Item: put } })), ...(write.deletes ?? []).map((key) => ({ Delete: { TableName: table, Key: key } }))];
  const removal = { Delete: { TableName: table, Key: { pk: item.pk, sk: item.sk }, ConditionExpression: 'attribute_exists(pk)' } };
  if ('remove' in write) return { TransactItems: [removal, ...derived] };
  if ('move' in write) return { TransactItems: [removal, moved(write.move), ...derived] };
  const names: Record<string, string> = { ...write.update.condition.names };
  const values: Record<string, unknown> = { ...write.update.condition.values };
  const sets = Object.entries(write.update.set).map(([attribute, value], i) => {
    names[`#m${i}`] = attribute;
    values[`:m${i}`] = value;
    return `#m${i} = :m${i}`;
  });
  const removes = (write.update.remove ?? []).map((attribute, i) => {
    names[`#r${i}`] = attribute;
    return `#r${i}`;
  });
  return {
    TransactItems: [
      {
        Update: {
          TableName: table,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' '),
          ConditionExpression: write.update.condition.expression,
          ExpressionAttributeNames: names,
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        },
      },
      ...derived,
    ],
  };
}

/** The moved item's write: a put, or a merge into what the new code wrote under that key since. */
function moved({ to, merge }: ItemMove['move']) {
  const table = tableName();
  if (!merge) return { Put: { TableName: table, Item: to } };
  const counters = merge.add ?? [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const adds: string[] = [];
  Object.entries(to).forEach(([attribute, value], i) => {
    if (attribute === 'pk' || attribute === 'sk') return;
    names[`#a${i}`] = attribute;
    values[`:a${i}`] = value;
    if (counters.includes(attribute)) adds.push(`#a${i} :a${i}`);
    else sets.push(`#a${i} = if_not_exists(#a${i}, :a${i})`);
  });
  return {
    Update: {
      TableName: table,
      Key: { pk: to.pk, sk: to.sk },
      UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', adds.length ? `ADD ${adds.join(', ')}` : ''].filter(Boolean).join(' '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
