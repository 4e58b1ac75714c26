import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Page } from '../api/contracts';
import { auditRetentionDays, periodDays, usageThreshold, type AuditEntry, type AuditQuery, type UsageQuery, type UsageRow } from '../domain/audit/audit-entry';
import { invalidField } from '../domain/common/errors';
import { decodeCursor, encodeCursor } from './cursor';
import { dynamo, tableName } from './dynamo-client';
import { apiKeyKeys } from './api-keys-repository';
import { userKeys } from './keys';
import { rolesKey } from './users-repository';
import { queryAll } from './query-all';
import { stripLayout } from './record-item';
import { families, indexes, indexKeyOf, keyOf, partitionOf } from './table-schema';

/**
 * The audit trail's items (ACC-4): one per call in its day's partition (`AUDIT#<day>`, newest
 * last), indexed by actor on gsi1; and, for lists and searches, a counter per user and identical
 * query per day (`USAGE#<day>`), written in the same transaction — one request per call.
 */
const expiresAt = (at: string) => Math.floor(Date.parse(at) / 1000) + auditRetentionDays * 86_400;
const auditKeys = {
  item: (entry: AuditEntry) => keyOf('audit', { day: entry.at.slice(0, 10), at: entry.at, id: entry.id }),
  byActor: (entry: AuditEntry) => indexKeyOf('audit', 'gsi1', { actorId: entry.actor.id, at: entry.at, id: entry.id }),
};
const usageKey = (entry: AuditEntry) => {
  const hash = createHash('sha256').update(JSON.stringify([entry.route, entry.query ?? {}])).digest('base64url').slice(0, 22);
  return keyOf('usage', { day: entry.at.slice(0, 10), actorId: entry.actor.id, hash });
};

/**
 * Who the entry's caller is, for the check that rides with the write: a user's token's groups
 * (`roles`) and, when it names one, its portal account (`custom:accountId`).
 */
export type CallerCheck = { kind: 'user'; id: string; roles: readonly string[]; accountId?: string } | { kind: 'api-key'; keyId: string };
export type CallerStanding = 'active' | 'disabled' | 'stale' | 'foreign-account' | 'revoked';

/**
 * The condition the caller must meet to be served: a user is not disabled; once an admin changed
 * their roles (`rolesKey`), the token's groups are exactly those roles — compared as sets, not by
 * time, so no token of before the change passes however close to it it was issued; and a token
 * naming a portal account names the one the directory holds for the user (a user item that does
 * not exist yet, before the first sign-in, has no roles to compare and no account). An API key
 * exists and is not revoked.
 */
function callerCondition(caller: CallerCheck) {
  if (caller.kind === 'api-key') {
    return { Key: apiKeyKeys.item(caller.keyId), ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)' };
  }
  const account = caller.accountId !== undefined;
  return {
    Key: userKeys.item(caller.id),
    ConditionExpression: `attribute_not_exists(disabledAt) AND (attribute_not_exists(rolesKey) OR rolesKey = :roles)${account ? ' AND accountId = :account' : ''}`,
    ExpressionAttributeValues: { ':roles': rolesKey(caller.roles), ...(account ? { ':account': caller.accountId } : {}) },
  };
}

/** Which part of the condition a user failed, from the item the failed check returned. */
function userStanding(caller: Extract<CallerCheck, { kind: 'user' }>, item: Record<string, unknown> | undefined): CallerStanding {
  if (item?.disabledAt) return 'disabled';
  if (caller.accountId !== undefined && item?.accountId !== caller.accountId) return 'foreign-account';
  return 'stale';
}

const conflictRetries = 3;

/**
 * Writes the entry — with the usage counter for lists and searches — in one transaction that also
 * checks the caller may still act (callerCondition); answers how the caller stands, and only an
 * `active` caller may be served. One request does both, before the call is served (ADR 0014).
 * Two calls of one caller at once can collide on the checked item: those are retried.
 */
export async function putAuditEntry(entry: AuditEntry, countUsage: boolean, caller: CallerCheck): Promise<CallerStanding> {
  const item = { ...auditKeys.item(entry), ...auditKeys.byActor(entry), entity: families.audit.entity, ...entry, expiresAt: expiresAt(entry.at) };
  const usage = {
    Update: {
      TableName: tableName(),
      Key: usageKey(entry),
      UpdateExpression: 'SET entity = :entity, actorId = :actor, #route = :route, #query = :query, lastAt = :at, expiresAt = :expires ADD #count :one',
      ExpressionAttributeNames: { '#route': 'route', '#query': 'query', '#count': 'count' },
      ExpressionAttributeValues: { ':entity': families.usage.entity, ':actor': entry.actor.id, ':route': entry.route, ':query': entry.query ?? {}, ':at': entry.at, ':expires': expiresAt(entry.at), ':one': 1 },
    },
  };
  const command = new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: tableName(), Item: item } },
      { ConditionCheck: { TableName: tableName(), ...callerCondition(caller), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
      ...(countUsage ? [usage] : []),
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
      if (check?.Code === 'ConditionalCheckFailed') {
        if (caller.kind === 'api-key') return 'revoked';
        // The document client leaves cancellation reasons as DynamoDB wrote them.
        return userStanding(caller, check.Item ? unmarshall(check.Item) : undefined);
      }
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
 * A page of the trail, newest first. By actor: one Query on gsi1 over the period. Otherwise the
 * day partitions from `to` back to `from` (31 at most), as many as it takes to fill the page.
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
      const result = await dynamo().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: indexes.gsi1,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ...filters,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: query.limit - items.length,
          ExclusiveStartKey: key,
        }),
      );
      items.push(...entriesOf(result.Items));
      key = result.LastEvaluatedKey;
    } while (key && items.length < query.limit);
    const nextCursor = encodeCursor(key);
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  }

  const start = dayCursor(query.cursor, days);
  const items: AuditEntry[] = [];
  for (let d = start.day; d < days.length; d++) {
    let key = d === start.day ? start.key : undefined;
    do {
      const result = await dynamo().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk',
          ...filters,
          ExpressionAttributeValues: { ...filters.ExpressionAttributeValues, ':pk': partitionOf('audit', { day: days[d]! }) },
          ScanIndexForward: false,
          Limit: query.limit - items.length,
          ExclusiveStartKey: key,
        }),
      );
      items.push(...entriesOf(result.Items));
      key = result.LastEvaluatedKey as Record<string, string> | undefined;
      if (items.length >= query.limit) {
        const next = key ? { day: d, key } : d + 1 < days.length ? { day: d + 1 } : undefined;
        return { items, ...(next ? { nextCursor: Buffer.from(JSON.stringify({ d: days[next.day], k: next.key })).toString('base64url') } : {}) };
      }
    } while (key);
  }
  return { items };
}

/** Where a page of the day-by-day walk starts: the cursor names the day and the key within it. */
function dayCursor(cursor: string | undefined, days: readonly string[]): { day: number; key?: Record<string, string> } {
  if (!cursor) return { day: 0 };
  try {
    const { d, k } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { d?: unknown; k?: unknown };
    const day = days.indexOf(String(d));
    if (day >= 0 && (k === undefined || (typeof k === 'object' && k !== null))) {
      return { day, ...(k ? { key: decodeCursor(encodeCursor(k as Record<string, unknown>), ['pk', 'sk']) as Record<string, string> } : {}) };
    }
  } catch {
    // Falls through to the 400 below.
  }
  throw invalidField('cursor', 'not a cursor this list produced');
}

/** Identical calls repeated in the period: the day counters summed per user and query, most repeated first. */
export async function usageIn(query: UsageQuery, now: Date): Promise<UsageRow[]> {
  const rows = new Map<string, UsageRow>();
  for (const day of periodDays(query, now)) {
    const items = await queryAll<Record<string, unknown>>({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partitionOf('usage', { day }) } });
    for (const item of items) {
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
