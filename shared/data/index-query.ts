import { BatchGetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './dynamo-client';
import { indexPartitionKey, primaryKey } from './table-schema';

/**
 * Reads through a global index. The indexes project only keys and the few attributes their
 * queries filter on (table-schema.ts `globalIndexes`), so writes that change nothing a list
 * filters on cost no index write; the items themselves are then read by key, one BatchGetItem per
 * page. An item that left the queried partition between the two reads (a lead qualified while the
 * "new" list was read) is dropped, as the index would have dropped it a moment later.
 */
export interface IndexPage {
  items: Record<string, unknown>[];
  lastKey?: Record<string, unknown>;
}

type IndexQuery = QueryCommandInput & { IndexName: string };

/** One Query on the index, then its items by key, in the index's order. */
export async function queryIndexPage(input: IndexQuery): Promise<IndexPage> {
  const page = await dynamo().send(new QueryCommand(input));
  const found = page.Items ?? [];
  const items = await itemsOf(found, partitionAttribute(input));
  return { items, ...(page.LastEvaluatedKey ? { lastKey: page.LastEvaluatedKey } : {}) };
}

/** Every page of a Query on the index, items read by key (collections bounded by nature, background jobs). */
export async function queryIndexAll(input: IndexQuery): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await queryIndexPage({ ...input, ExclusiveStartKey: startKey });
    items.push(...page.items);
    startKey = page.lastKey;
  } while (startKey);
  return items;
}

const batchLimit = 100;
const maxAttempts = 6;

/**
 * Items by primary key, in the order asked, missing ones left out; keys DynamoDB leaves
 * unprocessed (throttling) are asked again with a growing pause.
 */
export async function getItemsByKey(keys: readonly Record<string, unknown>[], options: { consistent?: boolean } = {}): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const unique = [...new Map(keys.map((k) => [keyString(k), { [primaryKey.partitionKey]: k[primaryKey.partitionKey], [primaryKey.sortKey]: k[primaryKey.sortKey] }])).values()];
  for (let start = 0; start < unique.length; start += batchLimit) {
    let pending: Record<string, unknown>[] = unique.slice(start, start + batchLimit);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === maxAttempts) throw new Error('DynamoDB left keys unprocessed after retries');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const result = await dynamo().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ...(options.consistent ? { ConsistentRead: true } : {}) } } }));
      for (const item of result.Responses?.[tableName()] ?? []) found.set(keyString(item), item);
      pending = result.UnprocessedKeys?.[tableName()]?.Keys ?? [];
    }
  }
  return found;
}

const keyString = (item: Record<string, unknown>) => `${String(item[primaryKey.partitionKey])}|${String(item[primaryKey.sortKey])}`;

/** The index's partition attribute and the value the Query asked for (every index Query here binds it to `:pk`). */
function partitionAttribute(input: IndexQuery): { name: string; value: unknown } | undefined {
  const name = indexPartitionKey(input.IndexName);
  const value = input.ExpressionAttributeValues?.[':pk'];
  return name === undefined || value === undefined ? undefined : { name, value };
}

async function itemsOf(indexItems: readonly Record<string, unknown>[], partition: { name: string; value: unknown } | undefined): Promise<Record<string, unknown>[]> {
  if (indexItems.length === 0) return [];
  const byKey = await getItemsByKey(indexItems);
  return indexItems.flatMap((entry) => {
    const item = byKey.get(keyString(entry));
    if (!item) return [];
    if (partition && item[partition.name] !== partition.value) return [];
    return [item];
  });
}
