import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Page } from '../api/contracts';
import { envOr } from '../config/runtime-env';
import { auditRetention, periodDays, usageThreshold, type AuditEntry, type AuditQuery, type UsageQuery, type UsageRow } from '../domain/audit/audit-entry';
import { refusalOf, rolesKey, standingAttributes, standingOf, type CallerCheck, type CallerStanding } from '../domain/audit/caller-standing';
import { invalidField } from '../domain/common/errors';
import { decodeCursor, encodeCursor } from './cursor';
import { dynamo, tableName } from './dynamo-client';
import { apiKeyKeys } from './api-keys-repository';
import { queryIndexPage } from './index-query';
import { userKeys } from './keys';
import { queryAll } from './query-all';
import { stripLayout } from './record-item';
import { families, indexes, indexKeyOf, keyOf, partitionOf } from './table-schema';

export type { CallerCheck, CallerStanding } from '../domain/audit/caller-standing';

/**
 * The audit trail's items (ACC-4): one per call in its day's partition, spread over `auditShards`
 * (`AUDIT#<day>#<shard>`, the shard from the entry's id), indexed by actor on gsi1; and, for the
 * first page of a list or search, a counter per user and identical query per day
 * (`USAGE#<day>#<shard>`, the shard from the counter's key). A day's calls and lists would
 * otherwise all land on one partition each (ADR 0014).
 */
export const auditShards = 4;
const shardOf = (text: string) => String(createHash('sha256').update(text).digest()[0]! % auditShards);
const shardsOf = (day: string) => Array.from({ length: auditShards }, (_, shard) => ({ shard: String(shard), day }));

/** The client's retention (infra/clients/<name>.json `auditRetentionDays`), the default where none is set (tests). */
function retentionDays(): number {
  const days = Number(envOr('auditRetentionDays', String(auditRetention.defaultDays)));
  if (!Number.isInteger(days) || days < auditRetention.minDays || days > auditRetention.maxDays) throw new Error(`auditRetentionDays ${days} is outside ${auditRetention.minDays}..${auditRetention.maxDays}`);
  return days;
}
const expiresAt = (at: string) => Math.floor(Date.parse(at) / 1000) + retentionDays() * 86_400;

const auditKeys = {
  item: (entry: Pick<AuditEntry, 'at' | 'id'>) => keyOf('audit', { day: entry.at.slice(0, 10), shard: shardOf(entry.id), at: entry.at, id: entry.id }),
  byActor: (entry: AuditEntry) => indexKeyOf('audit', 'gsi1', { actorId: entry.actor.id, at: entry.at, id: entry.id }),
};
const usageCounterKey = (day: string, actorId: string, hash: string) => keyOf('usage', { day, shard: shardOf(`${actorId}#${hash}`), actorId, hash });
const usageKey = (entry: AuditEntry) => {
  const hash = createHash('sha256').update(JSON.stringify([entry.route, entry.query ?? {}])).digest('base64url').slice(0, 22);
  return usageCounterKey(entry.at.slice(0, 10), entry.actor.id, hash);
};

/** Where an entry and a day's counter are stored, for the migration that spread the day partitions (0005). */
export const auditStorageKeys = { entry: (at: string, id: string) => auditKeys.item({ at, id }), usage: usageCounterKey };
const auditItem = (entry: AuditEntry) => ({ ...auditKeys.item(entry), ...auditKeys.byActor(entry), entity: families.audit.entity, ...entry, expiresAt: expiresAt(entry.at) });

/** The caller's directory item: the user's profile, or the API key. */
const callerKey = (caller: CallerCheck) => (caller.kind === 'api-key' ? apiKeyKeys.item(caller.keyId) : userKeys.item(caller.id));

/**
 * The condition the caller must meet to be served, as a transaction's ConditionCheck: the rule of
 * caller-standing.ts (`standingOf`) in DynamoDB's words, checked strongly within the write.
 */
function callerCondition(caller: CallerCheck) {
  if (caller.kind === 'api-key') {
    return { Key: callerKey(caller), ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)' };
  }
  const account = caller.accountId !== undefined;
  return {
    Key: callerKey(caller),
    ConditionExpression: `attribute_not_exists(disabledAt) AND (attribute_not_exists(rolesKey) OR rolesKey = :roles)${account ? ' AND accountId = :account' : ''}`,
    ExpressionAttributeValues: { ':roles': rolesKey(caller.roles), ...(account ? { ':account': caller.accountId } : {}) },
  };
}

/**
 * How the caller stands, from their directory item read eventually consistently: half a read
 * unit (the items are far below 4 KB). A change an admin made in the last moment (DynamoDB's
 * replication, typically well under a second) may not be seen yet: reads only (ADR 0014).
 */
export async function readCallerStanding(caller: CallerCheck): Promise<CallerStanding> {
  const { Item } = await dynamo().send(
    new GetCommand({
      TableName: tableName(),
      Key: callerKey(caller),
      ProjectionExpression: standingAttributes.map((_, i) => `#a${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(standingAttributes.map((name, i) => [`#a${i}`, name])),
    }),
  );
  return standingOf(caller, Item);
}

/** The entry alone, in one PutItem: the item (under 1 KB) and its by-actor index entry, a write unit each. */
export async function putAuditEntry(entry: AuditEntry): Promise<void> {
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: auditItem(entry) }));
}

/**
 * Adds one to the day's counter of the caller's list or search (the usage view). Not in a
 * transaction, not checked: a count lost to a failure only thins a hint.
 */
export async function countUsage(entry: AuditEntry): Promise<void> {
  const expires = expiresAt(entry.at);
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: usageKey(entry),
      UpdateExpression: 'SET entity = :entity, actorId = :actor, #route = :route, #query = :query, lastAt = :at, expiresAt = :expires ADD #count :one',
      ExpressionAttributeNames: { '#route': 'route', '#query': 'query', '#count': 'count' },
      ExpressionAttributeValues: { ':entity': families.usage.entity, ':actor': entry.actor.id, ':route': entry.route, ':query': entry.query ?? {}, ':at': entry.at, ':expires': expires, ':one': 1 },
    }),
  );
}

const conflictRetries = 3;

/**
 * Writes the entry in one transaction with a check that the caller may still act
 * (callerCondition), strongly: for changes and refusals. Answers how the caller stands; only an
 * `active` caller may be served, and on any other answer nothing was written.
 * Two calls of one caller at once can collide on the checked item: those are retried.
 */
export async function putCheckedAuditEntry(entry: AuditEntry, caller: CallerCheck): Promise<CallerStanding> {
  const command = new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: tableName(), Item: auditItem(entry) } },
      { ConditionCheck: { TableName: tableName(), ...callerCondition(caller), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
    ],
  });
  for (let attempt = 0; ; attempt++) {
    try {
      await dynamo().send(command);
      return 'active';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const check = reasons[1];
      // The document client leaves cancellation reasons as DynamoDB wrote them.
      if (check?.Code === 'ConditionalCheckFailed') return refusalOf(caller, check.Item ? unmarshall(check.Item) : undefined);
      if (attempt < conflictRetries && reasons.some((r) => r.Code === 'TransactionConflict')) {
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 20));
        continue;
      }
      throw error;
    }
  }
}

function filtersOf(query: AuditQuery): Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> {
  const terms: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (query.subject) {
    terms.push('#subject = :subject');
    names['#subject'] = 'subject';
    values[':subject'] = query.subject;
  }
  if (query.action) {
    terms.push('#action = :action');
    names['#action'] = 'action';
    values[':action'] = query.action;
  }
  return terms.length ? { FilterExpression: terms.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values } : {};
}

const entriesOf = (items: Record<string, unknown>[] | undefined): AuditEntry[] =>
  (items ?? []).map((item) => {
    const { expiresAt: _ttl, ...rest } = stripLayout<AuditEntry & { expiresAt?: number }>(item);
    return rest;
  });

/**
 * A page of the trail, newest first. By actor: Queries on gsi1 over the period (its projection
 * holds the filtered `subject` and `action`; the entries are then read by key). Otherwise the days
 * from `to` back to `from` (31 at most), as many as it takes to fill the page; a day's shards are
 * read side by side and merged by time, so a page within one day costs at most `auditShards`
 * Queries when no filter thins them out (docs/data-model.md).
 */
export async function listAudit(query: AuditQuery, now: Date): Promise<Page<AuditEntry>> {
  const days = periodDays(query, now);
  const filters = filtersOf(query);
  if (query.actorId) {
    const names = { ...filters.ExpressionAttributeNames, '#pk': 'gsi1pk', '#sk': 'gsi1sk' };
    const values = { ...filters.ExpressionAttributeValues, ':pk': indexKeyOf('audit', 'gsi1', { actorId: query.actorId, at: '', id: '' }).gsi1pk, ':from': days.at(-1)!, ':to': `${days[0]!}~` };
    const items: AuditEntry[] = [];
    let key = decodeCursor(query.cursor, ['pk', 'sk', 'gsi1pk', 'gsi1sk']) as Record<string, unknown> | undefined;
    // Filters apply after a Query's limit: read on until the page is full (the actor's entries in the period bound it).
    do {
      const page = await queryIndexPage({
        TableName: tableName(),
        IndexName: indexes.gsi1,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ...filters,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: query.limit - items.length,
        ExclusiveStartKey: key,
      });
      items.push(...entriesOf(page.items));
      key = page.lastKey;
    } while (key && items.length < query.limit);
    const nextCursor = encodeCursor(key);
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  }

  const start = dayCursor(query.cursor, days);
  const items: AuditEntry[] = [];
  for (let d = start.day; d < days.length; d++) {
    const day = await readDay(days[d]!, d === start.day ? start.shards : {}, query.limit - items.length, filters);
    items.push(...entriesOf(day.items));
    if (items.length >= query.limit) {
      const next = day.shards ? { d: days[d], k: day.shards } : d + 1 < days.length ? { d: days[d + 1] } : undefined;
      return { items, ...(next ? { nextCursor: Buffer.from(JSON.stringify(next)).toString('base64url') } : {}) };
    }
  }
  return { items };
}

/** Where a day's shard stands: the sort key it goes on below, or null when it is read out. */
type ShardPositions = Record<string, string | null>;

/**
 * Up to `wanted` entries of one day, newest first, merged from its shards: each shard is read
 * newest first, and the newest head of all is taken until the page is full. A shard whose read
 * part is used up is read on before any head is compared, so the order is exact. Answers where
 * each shard goes on when the day has more than was taken.
 */
async function readDay(day: string, from: ShardPositions, wanted: number, filters: ReturnType<typeof filtersOf>): Promise<{ items: Record<string, unknown>[]; shards?: ShardPositions }> {
  const shards = shardsOf(day).map(({ shard }) => {
    const pk = partitionOf('audit', { day, shard });
    const position = from[shard];
    return { shard, pk, buffer: [] as Record<string, unknown>[], next: typeof position === 'string' ? { pk, sk: position } : undefined, done: position === null };
  });
  const taken: Record<string, unknown>[] = [];
  const fill = async (s: (typeof shards)[number]) => {
    while (!s.done && s.buffer.length === 0) {
      const result = await dynamo().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk',
          ...filters,
          ExpressionAttributeValues: { ...filters.ExpressionAttributeValues, ':pk': s.pk },
          ScanIndexForward: false,
          Limit: wanted - taken.length,
          ExclusiveStartKey: s.next,
        }),
      );
      s.buffer.push(...(result.Items ?? []));
      s.next = result.LastEvaluatedKey as { pk: string; sk: string } | undefined;
      if (!s.next) s.done = true;
    }
  };
  while (taken.length < wanted) {
    await Promise.all(shards.map(fill));
    let newest: (typeof shards)[number] | undefined;
    for (const s of shards) if (s.buffer.length && (!newest || String(s.buffer[0]!.sk) > String(newest.buffer[0]!.sk))) newest = s;
    if (!newest) return { items: taken };
    taken.push(newest.buffer.shift()!);
  }
  if (shards.every((s) => s.done && s.buffer.length === 0)) return { items: taken };
  // Every entry newer than the last one taken was taken, whichever shard held it: each shard goes on
  // below it. Entries written since (calls made while paging) are newer still and stay out of the walk.
  const below = String(taken.at(-1)!.sk);
  return { items: taken, shards: Object.fromEntries(shards.map((s) => [s.shard, s.done && s.buffer.length === 0 ? null : below])) };
}

/** Where a page of the day-by-day walk starts: the cursor names the day and each shard's position within it. */
function dayCursor(cursor: string | undefined, days: readonly string[]): { day: number; shards: ShardPositions } {
  if (!cursor) return { day: 0, shards: {} };
  try {
    const { d, k } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { d?: unknown; k?: unknown };
    const day = days.indexOf(String(d));
    const positions = k === undefined ? {} : k;
    if (
      day >= 0 &&
      typeof positions === 'object' &&
      positions !== null &&
      Object.entries(positions).every(([shard, position]) => /^\d$/.test(shard) && Number(shard) < auditShards && (position === null || (typeof position === 'string' && position.length <= 200)))
    ) {
      return { day, shards: positions as ShardPositions };
    }
  } catch {
    // Falls through to the 400 below.
  }
  throw invalidField('cursor', 'not a cursor this list produced');
}

/** Identical calls repeated in the period: the day counters, all shards, summed per user and query, most repeated first. */
export async function usageIn(query: UsageQuery, now: Date): Promise<UsageRow[]> {
  const rows = new Map<string, UsageRow>();
  for (const day of periodDays(query, now)) {
    const shards = await Promise.all(
      shardsOf(day).map(({ shard }) => queryAll<Record<string, unknown>>({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partitionOf('usage', { day, shard }) } })),
    );
    for (const item of shards.flat()) {
      // queryAll hands items without their keys: the user, route and query are the key.
      const key = JSON.stringify([item.actorId, item.route, item.query]);
      const row = rows.get(key);
      const count = Number(item.count);
      const lastAt = String(item.lastAt);
      if (row) {
        row.count += count;
        if (lastAt > row.lastAt) row.lastAt = lastAt;
      } else rows.set(key, { actorId: String(item.actorId), route: String(item.route), query: item.query as Record<string, string>, count, lastAt });
    }
  }
  return [...rows.values()].filter((row) => row.count >= usageThreshold).sort((a, b) => b.count - a.count);
}
