import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { matchesOthers, queryTerms, searchTerms } from '../domain/search/search-terms';
import { keyPrefixOf, type RecordBase, type RecordKind, type RecordType } from '../domain/records/record-type';
import type { GuardedPut } from './change-set';
import { dynamo, tableName } from './dynamo-client';
import { entities, recordKeys, searchKeys } from './keys';

/**
 * The quick-search index (REC-13): one item per search term of a record, carrying what a result
 * shows, written and removed in the record's own transaction so search never disagrees with it.
 */
export interface SearchHit {
  type: RecordType;
  id: string;
  title: string;
  subtitle?: string;
  ownerId: string;
}

interface SearchItemSet {
  puts: GuardedPut[];
  keys: Set<string>;
}

function searchItems<T extends RecordBase>(kind: RecordKind<T>, record: T): SearchItemSet {
  const doc = kind.search(record);
  const recordPk = recordKeys(keyPrefixOf(kind.type)).item(record.id).pk;
  const terms = searchTerms(doc.terms);
  const puts = terms.map((term) => ({
    item: {
      ...searchKeys.item(term, recordPk),
      entity: entities.search,
      recordType: kind.type,
      recordId: record.id,
      title: doc.title,
      ...(doc.subtitle ? { subtitle: doc.subtitle } : {}),
      ownerId: record.ownerId,
      terms,
    },
  }));
  return { puts, keys: new Set(puts.map((p) => `${p.item.pk}|${p.item.sk}`)) };
}

/**
 * The search items a change writes and deletes. Unchanged results write nothing; otherwise every
 * term is rewritten (each carries the shown title) and the terms the record lost are deleted.
 */
export function searchIndexChange<T extends RecordBase>(kind: RecordKind<T>, before: T | undefined, after: T): { puts: GuardedPut[]; deletes: { pk: string; sk: string }[] } {
  const next = searchItems(kind, after);
  if (!before) return { puts: next.puts, deletes: [] };
  const previous = searchItems(kind, before);
  const shown = (r: T) => JSON.stringify([kind.search(r).title, kind.search(r).subtitle, r.ownerId]);
  const unchanged = shown(before) === shown(after) && previous.keys.size === next.keys.size && [...next.keys].every((k) => previous.keys.has(k));
  if (unchanged) return { puts: [], deletes: [] };
  const deletes = [...previous.keys].filter((k) => !next.keys.has(k)).map((k) => {
    const [pk, sk] = k.split('|') as [string, string];
    return { pk, sk };
  });
  return { puts: next.puts, deletes };
}

/** Every search item of a record that stops being one (merged into another). */
export function searchIndexRemoval<T extends RecordBase>(kind: RecordKind<T>, record: T): { pk: string; sk: string }[] {
  return [...searchItems(kind, record).keys].map((k) => {
    const [pk, sk] = k.split('|') as [string, string];
    return { pk, sk };
  });
}

/**
 * Records whose terms begin with what was typed: one Query per looked-up term (two at most),
 * narrowed to the other words of the query, one hit per record.
 */
export async function searchRecords(query: string, options: { types?: readonly RecordType[]; limit: number; visible?: (type: RecordType, ownerId: string) => boolean }): Promise<SearchHit[]> {
  const parsed = queryTerms(query);
  if (!parsed) return [];
  const pages = await Promise.all(
    parsed.lookups.map((lookup) =>
      dynamo().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :term)',
          ExpressionAttributeValues: { ':pk': searchKeys.partition(lookup), ':term': lookup },
          // Several terms of one record may match; read a few more than are shown.
          Limit: options.limit * 3,
        }),
      ),
    ),
  );
  const hits = new Map<string, SearchHit>();
  for (const item of pages.flatMap((page) => page.Items ?? [])) {
    const type = item.recordType as RecordType;
    if (options.types && !options.types.includes(type)) continue;
    if (options.visible && !options.visible(type, String(item.ownerId))) continue;
    if (!matchesOthers(item.terms as string[], parsed.others)) continue;
    const key = `${type}#${String(item.recordId)}`;
    if (hits.has(key)) continue;
    hits.set(key, {
      type,
      id: String(item.recordId),
      title: String(item.title),
      ...(item.subtitle ? { subtitle: String(item.subtitle) } : {}),
      ownerId: String(item.ownerId),
    });
  }
  return [...hits.values()].slice(0, options.limit);
}
