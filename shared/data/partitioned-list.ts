import * as z from 'zod';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { invalidField } from '../domain/common/errors';
import { dynamo, tableName } from './dynamo-client';
import { getItemsByKey } from './index-query';
import { globalIndexes, indexes, primaryKey, type IndexName } from './table-schema';

/**
 * A list whose index entries are spread over a few partitions (a record collection's shards, so
 * that a burst of captures writes none of them beyond its limit; docs/data-model.md): one Query per
 * partition (at most 4), merged by the index's sort key, the page's items then read by key in one
 * BatchGetItem. The cursor holds where each partition stands, so no entry is skipped or repeated
 * whatever the others hold.
 */
export interface PartitionedQuery {
  /** The global index the partitions are in; none: the table's own partitions, whose items the Queries return whole. */
  index?: IndexName;
  partitions: readonly string[];
  /** `begins_with` / range on the sort key: a condition on `#sk` with its values, if any. */
  sortCondition?: { expression: string; values: Record<string, unknown> };
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  forward: boolean;
  limit: number;
  cursor?: string;
}

/** Per partition: not read yet (null), read to its end (0), or read up to a key. */
type PartitionState = null | 0 | Record<string, string>;

const stateSchema = z.union([z.null(), z.literal(0), z.record(z.string().max(64), z.string().max(1024)).refine((k) => Object.keys(k).length <= 4)]);

export async function queryPartitions(query: PartitionedQuery): Promise<{ items: Record<string, unknown>[]; nextCursor?: string }> {
  const { partitionKey, sortKey } = query.index ? globalIndexes.find((index) => index.name === query.index)! : primaryKey;
  const keyNames = [...new Set([primaryKey.partitionKey, primaryKey.sortKey, partitionKey, sortKey])];
  const states = decode(query.cursor, query.partitions.length, keyNames);
  const pages = await Promise.all(
    query.partitions.map(async (partition, i) => {
      const state = states[i];
      if (state === 0) return { entries: [] as Record<string, unknown>[], last: undefined };
      const result = await dynamo().send(
        new QueryCommand({
          TableName: tableName(),
          ...base(query, partition, partitionKey, sortKey),
          Limit: query.limit,
          ...(state ? { ExclusiveStartKey: state } : {}),
        }),
      );
      return { entries: result.Items ?? [], last: result.LastEvaluatedKey as Record<string, string> | undefined };
    }),
  );
  // The page: the first `limit` entries of all partitions in the index's order.
  const merged = pages.flatMap((page, partition) => page.entries.map((entry, at) => ({ entry, partition, at })));
  const order = (a: (typeof merged)[number], b: (typeof merged)[number]) => {
    const by = compare(String(a.entry[sortKey]), String(b.entry[sortKey])) || compare(String(a.entry[primaryKey.partitionKey]), String(b.entry[primaryKey.partitionKey]));
    return query.forward ? by : -by;
  };
  const taken = merged.sort(order).slice(0, query.limit);
  const next: PartitionState[] = pages.map((page, partition) => {
    const state = states[partition]!;
    if (state === 0) return 0;
    const fromIt = taken.filter((t) => t.partition === partition);
    if (fromIt.length === page.entries.length) return page.last ?? 0;
    const last = fromIt.at(-1);
    return last ? Object.fromEntries(keyNames.map((name) => [name, String(last.entry[name])])) : state;
  });
  const done = next.every((state) => state === 0);
  const nextCursor = done ? {} : { nextCursor: Buffer.from(JSON.stringify(next)).toString('base64url') };
  if (!query.index) return { items: taken.map((t) => t.entry), ...nextCursor };
  const byKey = await getItemsByKey(taken.map((t) => t.entry));
  const items = taken.flatMap(({ entry }) => {
    const item = byKey.get(`${String(entry[primaryKey.partitionKey])}|${String(entry[primaryKey.sortKey])}`);
    // Gone, or moved out of the list between the two reads.
    return item && query.partitions.includes(String(item[partitionKey])) ? [item] : [];
  });
  return { items, ...nextCursor };
}

function base(query: PartitionedQuery, partition: string, partitionKey: string, sortKey: string) {
  const names: Record<string, string> = { '#pk': partitionKey, ...(query.sortCondition ? { '#sk': sortKey } : {}), ...query.filter?.names };
  const values: Record<string, unknown> = { ':pk': partition, ...query.sortCondition?.values, ...query.filter?.values };
  return {
    ...(query.index ? { IndexName: indexes[query.index] } : {}),
    KeyConditionExpression: query.sortCondition ? `#pk = :pk AND ${query.sortCondition.expression}` : '#pk = :pk',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ...(query.filter ? { FilterExpression: query.filter.expression } : {}),
    ScanIndexForward: query.forward,
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function decode(cursor: string | undefined, partitions: number, keyNames: readonly string[]): PartitionState[] {
  if (cursor === undefined) return Array.from({ length: partitions }, () => null);
  const refused = () => invalidField('cursor', 'not a cursor this list produced');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const parsed = z.array(stateSchema).length(partitions).safeParse(decoded);
  if (!parsed.success) throw refused();
  for (const state of parsed.data) if (state && Object.keys(state).sort().join() !== [...keyNames].sort().join()) throw refused();
  return parsed.data;
}
