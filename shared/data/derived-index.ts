import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { kinds } from '../domain/records/kinds';
import { keyPrefixOf, recordTypes, type RecordBase, type RecordKind } from '../domain/records/record-type';
import { dynamo, tableName } from './dynamo-client';
import { recordKeys } from './keys';
import { stripLayout } from './record-item';
import { searchItems } from './search-index';
import { families, keyOf } from './table-schema';

/**
 * Index items derived from a record outside its transaction (issue 14 §5, ADR 0009): the table's
 * stream hands every new image of a record (and the redirect a merge leaves) to the consumer
 * `search-derive`, which keeps the record's search items in step with it. A capture's transaction
 * is then the record, its email mark and its history entry, billed twice each; the derived items
 * are billed once, in one BatchWriteItem, a moment later.
 *
 * One small state item per record (`<recordPk>` / `DERIVED`) says which version the items show and
 * which keys they have, so the work is idempotent and order-safe: an image not newer than the
 * state's version is ignored (a replay, a redelivery), the items are diffed against the state's
 * keys (puts and deletes), and the state is written last, with a version condition. A crash
 * between the items and the state leaves the old state: the replay diffs again from it and writes
 * the same items. The stream hands one record's images to one invocation at a time and in order,
 * so two derivations of one record never run at once.
 */
export interface DerivedState {
  /** The record version the items show (a redirect's state keeps the last one). */
  version: number;
  /** `pk|sk` of every item written for the record. */
  keys: string[];
  /** Digest of what the items show (searchItems' `shown`): equal means nothing to rewrite. */
  shown: string;
  /** The record was merged away: its items are gone and no image of it is taken again. */
  final?: true;
}

/** A stream image the derived index takes: a record of a kind, or the redirect left by a merge. */
export type DerivedImage = { kind: RecordKind<RecordBase>; record: RecordBase } | { redirectOf: string };

export interface DerivedPlan {
  puts: Record<string, unknown>[];
  deletes: { pk: string; sk: string }[];
  /** The state to write after the items; absent: nothing changed, the stored state stands. */
  next?: DerivedState;
}

const derivedEntity = families.derived.entity;
export const derivedKey = (recordPk: string): { pk: string; sk: string } => keyOf('derived', { recordPk });

const kindByEntity = new Map(recordTypes.map((type) => [keyPrefixOf(type), kinds[type]]));
const redirectEntity = families.redirect.entity;

/** The entities whose stream images reach the derived index: every record type's, and the redirect. */
export const derivedSourceEntities: readonly string[] = [...kindByEntity.keys(), redirectEntity];

/** A stored item as the derived index reads it; undefined for anything else. */
export function derivedImageOf(item: Record<string, unknown>): DerivedImage | undefined {
  const entity = String(item.entity);
  if (entity === redirectEntity) return { redirectOf: String(item.pk) };
  const kind = kindByEntity.get(entity);
  return kind && item.sk === entity ? { kind, record: stripLayout<RecordBase>(item) } : undefined;
}

/** The same, from a stream record's new image as DynamoDB delivers it. */
export const derivedImageOfStream = (newImage: Record<string, unknown>): DerivedImage | undefined =>
  derivedImageOf(unmarshall(newImage as Record<string, NativeAttributeValue>));

const toKey = (key: string): { pk: string; sk: string } => {
  const [pk, sk] = key.split('|') as [string, string];
  return { pk, sk };
};

/** What an image changes, given the stored state (pure). */
export function planDerivation(state: DerivedState | undefined, image: DerivedImage): DerivedPlan {
  const idle: DerivedPlan = { puts: [], deletes: [] };
  if (state?.final) return idle;
  if ('redirectOf' in image) {
    return { puts: [], deletes: (state?.keys ?? []).map(toKey), next: { version: state?.version ?? 0, keys: [], shown: '', final: true } };
  }
  const { kind, record } = image;
  if (state && record.version <= state.version) return idle;
  const items = searchItems(kind, record);
  const keys = [...items.keys].sort();
  const sameKeys = state !== undefined && state.keys.length === keys.length && state.keys.every((k, i) => k === keys[i]);
  // Nothing shown changed (a status move, an amount): the stored items and state stand; an older
  // image still finds a state no newer than itself only if it shows the same.
  if (sameKeys && state.shown === items.shown) return idle;
  if (!state && keys.length === 0) return idle;
  return {
    puts: items.puts.map((p) => p.item),
    deletes: (state?.keys ?? []).filter((k) => !items.keys.has(k)).map(toKey),
    next: { version: record.version, keys, shown: items.shown },
  };
}

/** Reads the state, writes the plan's items, then the state under its version condition. Returns what it did. */
export async function deriveFromImage(image: DerivedImage): Promise<{ recordPk: string; puts: number; deletes: number; skipped: boolean }> {
  const recordPk = 'redirectOf' in image ? image.redirectOf : recordKeys(keyPrefixOf(image.kind.type)).item(image.record.id).pk;
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: derivedKey(recordPk), ConsistentRead: true }));
  const state = Item ? (stripLayout<DerivedState>(Item) as DerivedState) : undefined;
  const plan = planDerivation(state, image);
  if (!plan.next) return { recordPk, puts: 0, deletes: 0, skipped: true };
  await batchWrite(plan);
  await writeState(recordPk, state, plan.next);
  return { recordPk, puts: plan.puts.length, deletes: plan.deletes.length, skipped: false };
}

/** Puts and deletes in BatchWriteItem requests of 25, unprocessed ones retried with a growing pause. */
async function batchWrite(plan: DerivedPlan): Promise<void> {
  const requests = [...plan.puts.map((Item) => ({ PutRequest: { Item } })), ...plan.deletes.map((Key) => ({ DeleteRequest: { Key } }))];
  for (let start = 0; start < requests.length; start += 25) {
    let pending: unknown[] = requests.slice(start, start + 25);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= 8) throw new Error('DynamoDB left derived index writes unprocessed after retries');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      const result = await dynamo().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending as never } }));
      pending = result.UnprocessedItems?.[tableName()] ?? [];
    }
  }
}

/**
 * The state, last: only over the state the plan was made from (absent, or the version read). One
 * stream never derives one record twice at once, so this does not fail; if it ever did, the error
 * says so in the log instead of a state that lies about the items.
 */
async function writeState(recordPk: string, before: DerivedState | undefined, next: DerivedState): Promise<void> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...derivedKey(recordPk), entity: derivedEntity, ...next },
        ...(before
          ? { ConditionExpression: '#version = :read AND attribute_not_exists(#final)', ExpressionAttributeValues: { ':read': before.version } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
        ...(before ? { ExpressionAttributeNames: { '#version': 'version', '#final': 'final' } } : {}),
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    throw new Error(`derived index of ${recordPk}: its state changed while it was derived (two derivations at once)`);
  }
}
