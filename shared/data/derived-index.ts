import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { kinds } from '../domain/records/kinds';
import { keyPrefixOf, recordTypes, type RecordBase, type RecordKind } from '../domain/records/record-type';
import { dynamo, tableName } from './dynamo-client';
import { recordKeys } from './keys';
import { stripLayout } from './record-item';
import { matchItems } from './match-index';
import { searchItems } from './search-index';
import { families, keyOf } from './table-schema';

/**
 * Index items derived from a record outside its transaction (issue 14 §5, ADR 0009): the table's
 * stream hands every new image of a record (and the redirect a merge leaves) to the consumer
 * `search-derive`, which keeps the record's search items and match keys in step with it. A
 * capture's transaction is then the record, its email mark and its history entry, billed twice
 * each; the derived items are billed once, in one BatchWriteItem, a moment later. A writer that
 * must read them back at once (an import's next row, the duplicates detector) derives the record
 * itself (`deriveRecord`); the stream's pass then finds it done.
 *
 * One small state item per record (`<recordPk>` / `DERIVED`) says which version the items show and
 * which keys they have, so the work is idempotent and order-safe: an image not newer than the
 * state's version is ignored (a replay, a redelivery), the items are diffed against the state's
 * keys (puts and deletes), and the state is written last, with a version condition. A crash
 * between the items and the state leaves the old state: the replay diffs again from it and writes
 * the same items. The stream hands one record's images to one invocation at a time and in order;
 * a writer deriving its own record may run beside it, and the one whose state write loses derives
 * the stored record again (`rederive`).
 */
export interface DerivedState {
  /** The record version the items show (a redirect's state keeps the last one). */
  version: number;
  /** `pk|sk` of every item written for the record (search items and match keys). */
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
  const wanted = derivedItemsOf(kind, record);
  const sameKeys = state !== undefined && state.keys.length === wanted.keys.length && state.keys.every((k, i) => k === wanted.keys[i]);
  // Nothing shown changed (a status move, an amount): the stored items and state stand; an older
  // image still finds a state no newer than itself only if it shows the same.
  if (sameKeys && state.shown === wanted.shown) return idle;
  if (!state && wanted.keys.length === 0) return idle;
  const had = new Set(state?.keys ?? []);
  const kept = new Set(wanted.keys);
  return {
    // Search items show the record (all rewritten when that changed); a match item is its key alone.
    puts: [...(state?.shown === wanted.shown ? [] : wanted.search), ...wanted.match.filter((item) => !had.has(keyString(item)))],
    deletes: [...had].filter((k) => !kept.has(k)).map(toKey),
    next: { version: record.version, keys: wanted.keys, shown: wanted.shown },
  };
}

const keyString = (item: Record<string, unknown>): string => `${String(item.pk)}|${String(item.sk)}`;

/** Everything derived from a record's state: its search items, its match items, their keys sorted, the search digest. */
function derivedItemsOf(kind: RecordKind<RecordBase>, record: RecordBase) {
  const search = searchItems(kind, record);
  const match = matchItems(kind, record);
  return { search: search.puts.map((p) => p.item), match, keys: [...search.keys, ...match.map(keyString)].sort(), shown: search.shown };
}

/** Reads the state, writes the plan's items, then the state under its version condition. Returns what it did. */
export async function deriveFromImage(image: DerivedImage): Promise<{ recordPk: string; puts: number; deletes: number; skipped: boolean }> {
  const recordPk = 'redirectOf' in image ? image.redirectOf : recordKeys(keyPrefixOf(image.kind.type)).item(image.record.id).pk;
  const state = await readState(recordPk);
  const plan = planDerivation(state, image);
  if (!plan.next) return { recordPk, puts: 0, deletes: 0, skipped: true };
  await batchWrite(plan);
  if (!(await writeState(recordPk, state, plan.next))) await rederive(recordPk, plan);
  return { recordPk, puts: plan.puts.length, deletes: plan.deletes.length, skipped: false };
}

/** A record's derived items now, for a writer about to read them back (an import's next row, the duplicates detector). */
export const deriveRecord = <T extends RecordBase>(kind: RecordKind<T>, record: T) => deriveFromImage({ kind: kind as unknown as RecordKind<RecordBase>, record });

async function readState(recordPk: string): Promise<DerivedState | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: derivedKey(recordPk), ConsistentRead: true }));
  return Item ? stripLayout<DerivedState>(Item) : undefined;
}

/**
 * Another derivation of the record wrote its state while this one wrote items (a writer deriving
 * its own record while the stream derives an older image of it): this one's items may be stale.
 * The record as stored now is derived again over the winner's state, every item rewritten and
 * this one's leftovers deleted, so what stays is the stored record's.
 */
async function rederive(recordPk: string, lost: DerivedPlan): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [state, { Item }] = await Promise.all([readState(recordPk), dynamo().send(new GetCommand({ TableName: tableName(), Key: { pk: recordPk, sk: recordPk.slice(0, recordPk.indexOf('#')) }, ConsistentRead: true }))]);
    const image = Item ? derivedImageOf(Item) : undefined;
    if (!image || state?.final) return;
    const current = 'redirectOf' in image ? { search: [], match: [], keys: [] as string[], shown: '' } : derivedItemsOf(image.kind, image.record);
    const kept = new Set(current.keys);
    const leftovers = [...lost.puts.map(keyString), ...(state?.keys ?? [])].filter((k) => !kept.has(k));
    const plan: DerivedPlan = {
      puts: [...current.search, ...current.match],
      deletes: [...new Set(leftovers)].map(toKey),
      next: 'redirectOf' in image ? { version: state?.version ?? 0, keys: [], shown: '', final: true } : { version: image.record.version, keys: current.keys, shown: current.shown },
    };
    await batchWrite(plan);
    if (await writeState(recordPk, state, plan.next!)) return;
  }
  throw new Error(`derived index of ${recordPk}: its state kept changing while it was derived`);
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
 * The state, last: only over the state the plan was made from (absent, or the version read).
 * Answers false when another derivation wrote it meanwhile.
 */
async function writeState(recordPk: string, before: DerivedState | undefined, next: DerivedState): Promise<boolean> {
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
    return true;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return false;
  }
}
