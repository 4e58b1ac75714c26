import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Page, TimelineEntry } from '../api/contracts';
import type { DomainEvent } from '../events/contracts';
import type { ImportCounts, ImportJob, ImportRow, ImportStatus } from '../domain/imports/import-job';
import { commitChange, type GuardedPut } from './change-set';
import { decodeCursor, encodeCursor } from './cursor';
import { dynamo, tableName } from './dynamo-client';
import { queryIndexPage } from './index-query';
import { conditionParams, mustHaveVersion, mustNotExist, stripLayout } from './record-item';
import { families, indexes, indexKeyOf, keyOf } from './table-schema';

/**
 * Import jobs (REC-11) and their row markers. The job is one item; each row's outcome is an item
 * in the job's partition (`ROW#<run>#<row>`), so a run's report is one Query and "was this row
 * done?" is answered by the marker written with the row's record, in its transaction.
 */
/** A row number as its keys hold it: six digits, so rows sort in file order. */
const rowNumber = (row: number) => String(row).padStart(6, '0');

export const importKeys = {
  item: (id: string) => keyOf('import', { id }),
  collection: (createdAt: string, id: string) => indexKeyOf('import', 'gsi1', { createdAt, id }),
  row: (id: string, run: string, row: number) => keyOf('importRow', { id, run, row: rowNumber(row) }),
  rowPrefix: (run: string) => `ROW#${run}#`,
  /** The dry run's plan of a row, under one of its match keys. */
  plan: (id: string, run: string, key: string, row: number) => keyOf('importPlan', { id, run, matchKey: key, row: rowNumber(row) }),
  planPrefix: (run: string, key: string) => `PLAN#${run}#${key}#`,
};

/** A job is running while a runner should be at work on it: reading its file, or going through its rows. */
export const runningStatuses: readonly ImportStatus[] = ['reading', 'checking', 'importing'];

const importItem = (job: ImportJob) => ({
  ...importKeys.item(job.id),
  ...importKeys.collection(job.createdAt, job.id),
  entity: families.import.entity,
  ...job,
});

export async function getImport(id: string): Promise<ImportJob | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: importKeys.item(id), ConsistentRead: true }));
  return Item ? stripLayout<ImportJob>(Item) : undefined;
}

export async function listImports(page: { limit: number; cursor?: string }): Promise<Page<ImportJob>> {
  const result = await queryIndexPage({
    TableName: tableName(),
    IndexName: indexes.gsi1,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': importKeys.collection('', '').gsi1pk },
    ScanIndexForward: false,
    Limit: page.limit,
    ExclusiveStartKey: decodeCursor(page.cursor, ['pk', 'sk', 'gsi1pk', 'gsi1sk']),
  });
  const nextCursor = encodeCursor(result.lastKey);
  return { items: result.items.map((item) => stripLayout<ImportJob>(item)), ...(nextCursor ? { nextCursor } : {}) };
}

/**
 * Saves the job if nobody changed it since `before`, with a timeline entry and the events that
 * set the background work going (the outbox, ADR 0002): a phase starts exactly when it is recorded.
 */
export async function saveImport(job: ImportJob, before: ImportJob | undefined, entry: TimelineEntry, events: DomainEvent[] = []): Promise<void> {
  await commitChange({
    puts: [{ item: importItem(job), condition: before ? mustHaveVersion(before.version) : mustNotExist }],
    history: [{ recordPk: importKeys.item(job.id).pk, entry }],
    events,
  });
}

/**
 * Records a batch of rows as done: moves `nextRow` on, only from where this runner found it, so of
 * two runners on one step exactly one advances and the other stops.
 */
export async function advanceImport(id: string, step: number, from: number, to: number, counts: ImportCounts, at: string): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: importKeys.item(id),
        UpdateExpression: 'SET progress.nextRow = :to, progress.counts = :counts, updatedAt = :at',
        ...conditionParams({ expression: 'progress.step = :step AND progress.nextRow = :from', values: { ':step': step, ':from': from } }),
        ExpressionAttributeValues: { ':step': step, ':from': from, ':to': to, ':counts': counts, ':at': at },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The marker of a row's outcome, to put in the row's own transaction: it exists at most once. */
export function rowMarker(id: string, run: string, row: ImportRow): GuardedPut {
  return { item: { ...importKeys.row(id, run, row.row), entity: families.importRow.entity, ...row }, condition: mustNotExist };
}

/** A row with no record to write (invalid, skipped): its marker alone; false if it was already there. */
export async function putRowMarker(id: string, run: string, row: ImportRow): Promise<boolean> {
  const marker = rowMarker(id, run, row);
  try {
    await dynamo().send(new PutCommand({ TableName: tableName(), Item: marker.item, ...conditionParams(marker.condition!) }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The dry run's report rows: rewritten on a repeated check, so no condition. */
export async function putReportRows(id: string, run: string, rows: readonly ImportRow[]): Promise<void> {
  await batchPut(rows.map((row) => ({ ...importKeys.row(id, run, row.row), entity: families.importRow.entity, ...row })));
}

/** Puts items 25 at a time; unprocessed items are retried until DynamoDB takes them all. */
async function batchPut(items: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests: Record<string, unknown>[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      const result = await dynamo().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests as never } }));
      requests = (result.UnprocessedItems?.[tableName()] ?? []) as Record<string, unknown>[];
    }
  }
}

/** The markers of rows `from`…`to - 1` of a run, by row number: one Query. */
export async function rowMarkers(id: string, run: string, from: number, to: number): Promise<Map<number, ImportRow>> {
  const markers = new Map<number, ImportRow>();
  let cursor: Record<string, unknown> | undefined;
  do {
    const result = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': importKeys.item(id).pk, ':from': importKeys.row(id, run, from).sk, ':to': importKeys.row(id, run, to - 1).sk },
        ConsistentRead: true,
        ExclusiveStartKey: cursor,
      }),
    );
    for (const item of result.Items ?? []) markers.set(Number(item.row), stripLayout<ImportRow>(item));
    cursor = result.LastEvaluatedKey;
  } while (cursor);
  return markers;
}

/** A page of a run's report, in row order; optionally only rows with one outcome. */
export async function reportRows(id: string, run: string, page: { limit: number; cursor?: string; outcome?: string }): Promise<Page<ImportRow>> {
  const result = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': importKeys.item(id).pk, ':prefix': importKeys.rowPrefix(run), ...(page.outcome ? { ':outcome': page.outcome } : {}) },
      ...(page.outcome ? { FilterExpression: 'outcome = :outcome' } : {}),
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, ['pk', 'sk']),
    }),
  );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return { items: (result.Items ?? []).map((item) => stripLayout<ImportRow>(item)), ...(nextCursor ? { nextCursor } : {}) };
}

/**
 * What the dry run plans for a row it would create or update, filed under each of the row's match
 * keys: later rows of the file find it as the run finds the records earlier rows wrote (ADR 0011).
 */
export interface PlannedRecord {
  row: number;
  /** The existing record the row updates; absent when the row creates one. */
  recordId?: string;
  /** The row that creates the record (this row, or an earlier one this row updates). */
  createdByRow?: number;
  ownerId: string;
  strongKeys: boolean;
  snapshot: Record<string, unknown>;
}

/** Plans last a week: the report is read within it, and a new dry run makes its own. */
const planLifetimeSeconds = 7 * 24 * 3600;

export async function putPlan(id: string, run: string, keys: readonly string[], plan: PlannedRecord, now: Date): Promise<void> {
  const expiresAt = Math.floor(now.getTime() / 1000) + planLifetimeSeconds;
  await batchPut(keys.map((key) => ({ ...importKeys.plan(id, run, key, plan.row), entity: families.importPlan.entity, key, ...plan, expiresAt })));
}

/** The plans of earlier rows sharing one of `keys`, with the key they share, oldest row first. */
export async function plannedMatches(id: string, run: string, keys: readonly string[]): Promise<(PlannedRecord & { key: string })[]> {
  const pages = await Promise.all(
    keys.map(async (key) => {
      const { Items = [] } = await dynamo().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': importKeys.item(id).pk, ':prefix': importKeys.planPrefix(run, key) },
          ConsistentRead: true,
        }),
      );
      return Items.map((item) => ({ ...stripLayout<PlannedRecord & { key: string }>(item), key }));
    }),
  );
  return pages.flat().sort((a, b) => a.row - b.row);
}
