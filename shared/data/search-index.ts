import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { matchesOthers, partitionsCovering, queryTerms, searchTerms } from '../domain/search/search-terms';
import { keyPrefixOf, type RecordBase, type RecordKind, type RecordType } from '../domain/records/record-type';
import type { GuardedPut } from './change-set';
import { dynamo, tableName } from './dynamo-client';
import { entities, recordKeys, searchKeys } from './keys';
import { ownersFilter } from './owners-filter';

/**
 * The quick-search index (REC-13): one item per search term of a record, carrying what a result
 * shows. Derived from the record's stream images outside its transaction (derived-index.ts, ADR
 * 0009), so a change is searchable a moment after it commits.
 */
export interface SearchHit {
  type: RecordType;
  id: string;
  title: string;
  subtitle?: string;
  ownerId: string;
}

export interface SearchItemSet {
  puts: GuardedPut[];
  /** `pk|sk` of each item. */
  keys: Set<string>;
  /** What the items show and are found by: equal digests write equal items. */
  shown: string;
}

/** The search items a record's state makes, one per term. */
export function searchItems<T extends RecordBase>(kind: RecordKind<T>, record: T): SearchItemSet {
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
  const shown = JSON.stringify([kind.type, doc.title, doc.subtitle ?? null, record.ownerId, terms]);
  return { puts, keys: new Set(puts.map((p) => `${p.item.pk}|${p.item.sk}`)), shown };
}

/**
 * The search items a change writes and deletes. Unchanged results write nothing; otherwise every
 * term is rewritten (each carries the shown title) and the terms the record lost are deleted. The
 * records kit no longer writes these (the derived index does); migrations that rewrite stored
 * records use it to say what a fresh write makes.
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

/** Index items a search page reads, and the pages one looked-up term may take at most. */
const pageItems = 100;
const maxPages = 10;

/**
 * What a search may return, per type: every record (`all`) or those of some owners. Types left out
 * are not searched.
 */
export type SearchSight = ReadonlyMap<RecordType, 'all' | ReadonlySet<string>>;

/**
 * Records whose terms begin with what was typed, narrowed to the other words of the query, one hit
 * per record. Sight is a filter of the Query itself, and pages are read until enough hits are
 * found (at most `maxPages` a partition): a rep finds their own «Андреевский» however
 * many of others' «Андреевых» come first in the index.
 */
export async function searchRecords(query: string, options: { limit: number; sight: SearchSight }): Promise<SearchHit[]> {
  const parsed = queryTerms(query);
  if (!parsed || options.sight.size === 0) return [];
  const hits = new Map<string, SearchHit>();
  const filter = sightFilter(options.sight);
  // One Query per partition a looked-up prefix covers (one, or eleven for a three-digit number).
  const reads = parsed.lookups.flatMap((lookup) => partitionsCovering(lookup).map((partition) => ({ lookup, partition })));
  await Promise.all(
    reads.map(async ({ lookup, partition }) => {
      let cursor: Record<string, unknown> | undefined;
      for (let page = 0; page < maxPages && hits.size < options.limit; page++) {
        const found = await dynamo().send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :term)',
            FilterExpression: filter.expression,
            ExpressionAttributeNames: filter.names,
            ExpressionAttributeValues: { ':pk': searchKeys.partition(partition), ':term': lookup, ...filter.values },
            Limit: pageItems,
            ExclusiveStartKey: cursor,
          }),
        );
        for (const item of found.Items ?? []) {
          if (!matchesOthers(item.terms as string[], parsed.others)) continue;
          const type = item.recordType as RecordType;
          const key = `${type}#${String(item.recordId)}`;
          if (hits.has(key)) continue;
          hits.set(key, { type, id: String(item.recordId), title: String(item.title), ...(item.subtitle ? { subtitle: String(item.subtitle) } : {}), ownerId: String(item.ownerId) });
        }
        cursor = found.LastEvaluatedKey;
        if (!cursor) break;
      }
    }),
  );
  return [...hits.values()].slice(0, options.limit);
}

/** `(recordType IN (…)) OR (recordType IN (…) AND ownerId IN (…)) …`: types grouped by the same sight. */
function sightFilter(sight: SearchSight): { expression: string; names: Record<string, string>; values: Record<string, unknown> } {
  const names: Record<string, string> = { '#recordType': 'recordType' };
  const values: Record<string, unknown> = {};
  const groups = new Map<string, { types: RecordType[]; owners?: readonly string[] }>();
  for (const [type, seen] of sight) {
    const owners = seen === 'all' ? undefined : [...seen].sort();
    const key = owners ? owners.join(',') : '*';
    groups.set(key, { types: [...(groups.get(key)?.types ?? []), type], ...(owners ? { owners } : {}) });
  }
  const clauses = [...groups.values()].map((group, g) => {
    group.types.forEach((type, i) => (values[`:type${g}_${i}`] = type));
    const ofType = `#recordType IN (${group.types.map((_, i) => `:type${g}_${i}`).join(', ')})`;
    if (!group.owners) return `(${ofType})`;
    // An empty sight of owners sees nothing of the types; none is an impossible owner.
    return `(${ofType} AND ${ownersFilter(group.owners.length ? group.owners : [''], names, values, `owner${g}_`)})`;
  });
  return { expression: clauses.join(' OR '), names, values };
}
