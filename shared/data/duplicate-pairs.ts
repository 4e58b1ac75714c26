import { BatchWriteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../api/contracts';
import type { MatchEvidence, MatchReason, MatchStrength } from '../domain/duplicates/match-keys';
import type { RecordType } from '../domain/records/record-type';
import { dynamo, tableName } from './dynamo-client';
import { recordShard } from './keys';
import { queryPartitions } from './partitioned-list';
import type { Match } from './match-index';
import { families, keyOf, partitionOf } from './table-schema';

/**
 * The duplicates view of a type (REC-12): every pair of its records that share a match key, kept
 * by the detector as records change (functions/duplicates/detect-duplicates.ts). A pair is stored
 * from both sides (`DUPES#<type>#<shard of id>` / `<id>#<other>`), so one record's pairs are one
 * Query; a burst of look-alike captures spreads over the type's 4 shards, and the view lists each
 * pair once (from its smaller id), the shards merged. A pair someone marked "not duplicates" stays
 * dismissed however the records change.
 */
export interface DuplicatePair {
  ids: [string, string];
  reasons: MatchReason[];
  /** Strong: one party by a personal identifier; weak: by name or shared B2B identifiers only, for review (pairs stored before have none). */
  strength?: MatchStrength;
  evidence?: MatchEvidence[];
  detectedAt: string;
  dismissedAt?: string;
  dismissedBy?: string;
}

/** A look-alike burst makes pairs of any type: spread over 4 partitions, like a burst type's lists. */
export const pairShards = 4;
const pk = (type: RecordType, id: string) => partitionOf('duplicatePair', { type, shard: recordShard(id, pairShards) });
const side = (type: RecordType, id: string, other: string) => keyOf('duplicatePair', { type, shard: recordShard(id, pairShards), id, otherId: other });
/** Where a pair from one side is stored, for the migration that spread them (0008). */
export const pairKey = side;

async function batchWrite(requests: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending = requests.slice(i, i + 25);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      const result = await dynamo().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending as never } }));
      pending = (result.UnprocessedItems?.[tableName()] ?? []) as Record<string, unknown>[];
    }
  }
}

/** The pairs a record is in, by the other record's id. */
export async function pairsOf(type: RecordType, id: string): Promise<Map<string, DuplicatePair>> {
  const pairs = new Map<string, DuplicatePair>();
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :id)', ExpressionAttributeValues: { ':pk': pk(type, id), ':id': `${id}#` }, ExclusiveStartKey: cursor }),
    );
    for (const item of page.Items ?? []) pairs.set(String(item.sk).slice(id.length + 1), item as unknown as DuplicatePair);
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return pairs;
}

/** Makes a record's stored pairs what its matches are now (both sides of each); dismissed pairs are left alone. */
export async function syncPairs(type: RecordType, id: string, matches: readonly Match[], at: string): Promise<{ added: number; removed: number }> {
  const stored = await pairsOf(type, id);
  const current = new Map(matches.map((m) => [m.id, m]));
  const requests: Record<string, unknown>[] = [];
  let added = 0;
  let removed = 0;
  for (const [other, match] of current) {
    const existing = stored.get(other);
    if (existing?.dismissedAt) continue;
    if (existing && JSON.stringify(existing.evidence) === JSON.stringify(match.evidence)) continue;
    const ids = [id, other].sort() as [string, string];
    const pair = { entity: families.duplicatePair.entity, ids, reasons: match.reasons, strength: match.strength, evidence: match.evidence, detectedAt: existing?.detectedAt ?? at };
    requests.push({ PutRequest: { Item: { ...side(type, id, other), ...pair, listed: id === ids[0] } } });
    requests.push({ PutRequest: { Item: { ...side(type, other, id), ...pair, listed: other === ids[0] } } });
    if (!existing) added++;
  }
  for (const [other, pair] of stored) {
    if (current.has(other) || pair.dismissedAt) continue;
    requests.push({ DeleteRequest: { Key: side(type, id, other) } }, { DeleteRequest: { Key: side(type, other, id) } });
    removed++;
  }
  await batchWrite(requests);
  return { added, removed };
}

/** Every pair a record is in goes (the record was merged away or deleted), dismissed ones too. */
export async function dropPairs(type: RecordType, id: string): Promise<number> {
  const stored = await pairsOf(type, id);
  await batchWrite([...stored.keys()].flatMap((other) => [{ DeleteRequest: { Key: side(type, id, other) } }, { DeleteRequest: { Key: side(type, other, id) } }]));
  return stored.size;
}

/** A page of the type's undismissed pairs, each once. */
export async function listPairs(type: RecordType, page: { limit: number; cursor?: string }): Promise<Page<DuplicatePair>> {
  const result = await queryPartitions({
    partitions: Array.from({ length: pairShards }, (_, shard) => partitionOf('duplicatePair', { type, shard: String(shard) })),
    filter: { expression: 'listed = :yes AND attribute_not_exists(dismissedAt)', names: {}, values: { ':yes': true } },
    forward: true,
    limit: page.limit,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
  return {
    items: result.items.map((item) => ({ ids: item.ids, reasons: item.reasons, strength: item.strength, evidence: item.evidence, detectedAt: item.detectedAt }) as DuplicatePair),
    ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
  };
}

/** "Not duplicates": both sides remember it. False if there is no such pair. */
export async function dismissPair(type: RecordType, a: string, b: string, by: string, at: string): Promise<boolean> {
  try {
    for (const key of [side(type, a, b), side(type, b, a)]) {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'SET dismissedAt = :at, dismissedBy = :by',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at, ':by': by },
        }),
      );
    }
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
