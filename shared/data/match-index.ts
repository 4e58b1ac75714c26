import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { matchKeys, matchOf, type MatchBasis } from '../domain/duplicates/match-keys';
import type { RecordBase, RecordKind, RecordType } from '../domain/records/record-type';
import type { GuardedPut } from './change-set';
import { dynamo, tableName } from './dynamo-client';
import { families, keyOf, partitionOf } from './table-schema';

/**
 * The duplicate-matching index: one item per match key of a record (`MATCH#<type>#email:…` /
 * `<id>`), so "who else has this email" is one Query. Derived from the record's stream images with
 * its search items (derived-index.ts, ADR 0009); a writer that reads them back at once (an
 * import's next row, the duplicates detector) derives the record itself first.
 */
const matchPk = (type: RecordType, key: string) => partitionOf('match', { type, key });
const matchKey = (type: RecordType, key: string, recordId: string) => keyOf('match', { type, key, recordId });

const keysOf = <T extends RecordBase>(kind: RecordKind<T>, record: T | undefined): string[] => (record && kind.match ? matchKeys(kind.match(record)) : []);

/** The match items a record's state makes, one per key. */
export const matchItems = <T extends RecordBase>(kind: RecordKind<T>, record: T): (Record<string, unknown> & { pk: string; sk: string })[] =>
  keysOf(kind, record).map((key) => ({ ...matchKey(kind.type, key, record.id), entity: families.match.entity, recordType: kind.type, recordId: record.id }));

/** The match items a change writes and deletes (migrations that rewrite stored records say what a fresh write makes with it). */
export function matchIndexChange<T extends RecordBase>(kind: RecordKind<T>, before: T | undefined, after: T): { puts: GuardedPut[]; deletes: { pk: string; sk: string }[] } {
  const previous = new Set(keysOf(kind, before));
  const next = keysOf(kind, after);
  return {
    puts: next.filter((k) => !previous.has(k)).map((key) => ({ item: { ...matchKey(kind.type, key, after.id), entity: families.match.entity, recordType: kind.type, recordId: after.id } })),
    deletes: [...previous].filter((k) => !next.includes(k)).map((key) => matchKey(kind.type, key, after.id)),
  };
}

/** Every match item of a record that stops being one (merged into another). */
export const matchIndexRemoval = <T extends RecordBase>(kind: RecordKind<T>, record: T): { pk: string; sk: string }[] =>
  keysOf(kind, record).map((key) => matchKey(kind.type, key, record.id));

/** A record that shares match keys with the one looked for: why, and how strongly (a strong match is one party). */
export interface Match extends MatchBasis {
  id: string;
}

/** Strong before weak, then the most reasons first. */
export const byStrength = (a: MatchBasis, b: MatchBasis): number => Number(b.strength === 'strong') - Number(a.strength === 'strong') || b.reasons.length - a.reasons.length;

/** Records of the type sharing a match key with `source`, strongest first, itself excluded. */
export async function findMatches(type: RecordType, keys: readonly string[], excludeId?: string): Promise<Match[]> {
  const shared = await findSharedKeys(type, keys, excludeId);
  return [...shared].map(([id, sharedKeys]) => ({ id, ...matchOf(sharedKeys) })).sort(byStrength);
}

/** The records sharing match keys with `keys`, each with the keys it shares. Read consistently: a row finds the record the row before it wrote. */
export async function findSharedKeys(type: RecordType, keys: readonly string[], excludeId?: string): Promise<Map<string, string[]>> {
  const pages = await Promise.all(
    keys.map(async (key) => {
      const { Items = [] } = await dynamo().send(
        new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': matchPk(type, key) }, Limit: 25, ConsistentRead: true }),
      );
      return Items.map((item) => ({ id: String(item.recordId), key }));
    }),
  );
  const byId = new Map<string, string[]>();
  for (const { id, key } of pages.flat()) {
    if (id !== excludeId) byId.set(id, [...(byId.get(id) ?? []), key]);
  }
  return byId;
}
