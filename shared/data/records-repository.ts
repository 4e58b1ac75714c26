import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Page, TimelineEntry } from '../api/contracts';
import type { Redirect } from '../domain/duplicates/merge';
import type { RecordChange } from '../domain/records/record-commands';
import type { ListRecordsQuery } from '../domain/records/record-list';
import { invalidField } from '../domain/common/errors';
import { keyPrefixOf, type RecordBase, type RecordKind, type RecordLink, type RecordType } from '../domain/records/record-type';
import { normaliseText } from '../domain/search/search-terms';
import { commitChange, type ChangeSet, type GuardedPut } from './change-set';
import { dynamo, tableName } from './dynamo-client';
import { queryPartitions } from './partitioned-list';
import { recordKeys } from './keys';
import { mustHaveVersion, mustNotExist, stripLayout } from './record-item';
import { listedUnderChange } from './listed-under';
import { ownersFilter } from './owners-filter';
import { families, type IndexName } from './table-schema';

/** Core records in the single table, any type, by its RecordKind. Access patterns: docs/data-model.md. */

const keysOf = <T extends RecordBase>(kind: RecordKind<T>) => recordKeys(keyPrefixOf(kind.type), kind.listShards);

const parentPk = <T extends RecordBase>(kind: RecordKind<T>, record: T): string | undefined => {
  const parent = kind.parent?.of(record);
  return parent ? recordKeys(keyPrefixOf(parent.type)).item(parent.id).pk : undefined;
};

/** The name lists sort by: normalised, so `Ёлкина` sorts with `Елкина` and case is ignored. */
const sortName = (title: string): string => normaliseText(title).slice(0, 100) || '~';

export function recordItem<T extends RecordBase>(kind: RecordKind<T>, record: T): Record<string, unknown> & { pk: string; sk: string } {
  const keys = keysOf(kind);
  const parent = parentPk(kind, record);
  const status = kind.status?.(record);
  return {
    ...keys.item(record.id),
    entity: keyPrefixOf(kind.type),
    ...keys.collection(record.createdAt, record.id),
    ...keys.byOwner(record.ownerId, record.createdAt, record.id),
    ...(status ? keys.byStatus(status, record.createdAt, record.id) : {}),
    ...(parent ? keys.byParent(parent, record.createdAt, record.id) : {}),
    ...(kind.nameIndex === false ? {} : keys.byName(sortName(kind.search(record).title), record.id)),
    ...(record as unknown as Record<string, unknown>),
  };
}

export async function getRecord<T extends RecordBase>(kind: RecordKind<T>, id: string): Promise<T | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keysOf(kind).item(id) }));
  return Item && Item.entity !== redirectEntity ? stripLayout<T>(Item) : undefined;
}

/** What a merged record's key holds (REC-12): the id it was merged into. */
export const redirectEntity = families.redirect.entity;

/** A record, or the redirect left where a merged one was: one GetItem either way. */
export async function getRecordOrRedirect<T extends RecordBase>(kind: RecordKind<T>, id: string): Promise<{ record?: T; redirect?: Redirect }> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keysOf(kind).item(id) }));
  if (!Item) return {};
  return Item.entity === redirectEntity ? { redirect: stripLayout<Redirect>(Item) } : { record: stripLayout<T>(Item) };
}

/** The record, or the one it was merged into (following up to a few merges in a row): where a repeat web form goes. */
export async function getRecordFollowingMerges<T extends RecordBase>(kind: RecordKind<T>, id: string): Promise<T | undefined> {
  let next: string | undefined = id;
  for (let hop = 0; next && hop < 5; hop++) {
    const { record, redirect }: { record?: T; redirect?: Redirect } = await getRecordOrRedirect(kind, next);
    if (record) return record;
    next = redirect?.mergedInto;
  }
  return undefined;
}

/**
 * Several records of one type by id, in one BatchGetItem (up to 100; unprocessed keys retried).
 * `consistent`: read what was just written (an import's next row reading the record the row before made).
 */
export async function getRecords<T extends RecordBase>(kind: RecordKind<T>, ids: readonly string[], { consistent = false } = {}): Promise<Map<string, T>> {
  const found = await batchGet([...new Set(ids)].map((id) => keysOf(kind).item(id)), consistent);
  return new Map([...found.values()].map((item) => [String(item.id), stripLayout<T>(item)]));
}

/** Records of any types by link, in one BatchGetItem per 100: what a write points at. Keyed `type|id`. */
export async function getLinkedRecords(links: readonly RecordLink[]): Promise<Map<string, RecordBase>> {
  const keyOf = (link: RecordLink) => recordKeys(keyPrefixOf(link.type)).item(link.id);
  const unique = [...new Map(links.map((link) => [`${link.type}|${link.id}`, link])).values()];
  const found = new Map<string, Record<string, unknown>>();
  for (let start = 0; start < unique.length; start += 100) for (const [pk, item] of await batchGet(unique.slice(start, start + 100).map(keyOf))) found.set(pk, item);
  return new Map(unique.flatMap((link) => {
    const item = found.get(keyOf(link).pk);
    return item ? [[`${link.type}|${link.id}`, stripLayout<RecordBase>(item)] as const] : [];
  }));
}

/** Items by key, merged records' redirects left out, by pk; unprocessed keys retried. */
async function batchGet(keys: { pk: string; sk: string }[], consistent = false): Promise<Map<string, Record<string, unknown>>> {
  if (keys.length > 100) throw new Error('a BatchGetItem reads at most 100 records at once');
  const found = new Map<string, Record<string, unknown>>();
  let pending: Record<string, unknown>[] = keys;
  for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
    const result = await dynamo().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ...(consistent ? { ConsistentRead: true } : {}) } } }));
    for (const item of result.Responses?.[tableName()] ?? []) if (item.entity !== redirectEntity) found.set(String(item.pk), item);
    pending = result.UnprocessedKeys?.[tableName()]?.Keys ?? [];
  }
  if (pending.length > 0) throw new Error('DynamoDB left keys unprocessed after retries');
  return found;
}

/**
 * A record change as one transaction: the record (new, or unchanged since `before` was read), its
 * history entry carrying its events, and its copies listed under others.
 */
export function recordChangeSet<T extends RecordBase>(kind: RecordKind<T>, change: RecordChange<T>, before?: T, alsoOn: readonly Mirrored[] = []): ChangeSet {
  // Search terms and match keys are not in it: the derived index writes them from the stream
  // (derived-index.ts, ADR 0009).
  const listed = listedUnderChange(kind, before, change.record);
  return {
    puts: [
      { item: recordItem(kind, change.record), condition: before ? mustHaveVersion(before.version) : mustNotExist },
      ...listed.puts,
    ],
    history: [
      { recordPk: keysOf(kind).item(change.record.id).pk, entry: change.history },
      ...alsoOn.map((m) => ({ recordPk: recordKeys(keyPrefixOf(m.link.type)).item(m.link.id).pk, entry: m.entry })),
    ],
    events: change.events,
    deletes: listed.deletes,
  };
}

/** A timeline entry the change also writes on another record's timeline (an activity on its deal's). */
export interface Mirrored {
  link: RecordLink;
  entry: TimelineEntry;
}

/**
 * Saves a change; `alsoPut` items (an import's row marker, a web form's email mark) go right after
 * the record, in its transaction: the first is put 1, so a caller tells its condition failing apart.
 */
export function saveRecordChange<T extends RecordBase>(kind: RecordKind<T>, change: RecordChange<T>, before?: T, alsoOn: readonly Mirrored[] = [], alsoPut: readonly GuardedPut[] = []): Promise<void> {
  const { puts: [record, ...indexes], ...changes } = recordChangeSet(kind, change, before, alsoOn);
  return commitChange({ ...changes, puts: [record!, ...alsoPut, ...indexes] });
}

/**
 * One Query per page, on the index that serves the request best: under a parent (gsi4), by name
 * (gsi5), by owner (gsi2), by status (gsi3), else the whole collection (gsi1); the remaining
 * filters are applied by DynamoDB to that page, so a page may hold fewer than `limit`.
 */
/** A filter on a custom field's value; a multi-select matches when it holds the value. */
export interface CustomFilter {
  key: string;
  value: unknown;
  multi: boolean;
}

/** FilterExpression terms for custom field filters, adding their names and values (a multi-select holds the value). */
export function customFilterExpressions(customFilters: readonly CustomFilter[], names: Record<string, string>, values: Record<string, unknown>): string[] {
  return customFilters.map((filter, i) => {
    names['#custom'] = 'custom';
    names[`#cf${i}`] = filter.key;
    values[`:cf${i}`] = filter.value;
    return filter.multi ? `contains(#custom.#cf${i}, :cf${i})` : `#custom.#cf${i} = :cf${i}`;
  });
}

export async function listRecords<T extends RecordBase>(kind: RecordKind<T>, query: ListRecordsQuery, customFilters: readonly CustomFilter[] = [], owners?: readonly string[]): Promise<Page<T>> {
  const keys = keysOf(kind);
  const byName = query.sort === 'name' || query.sort === '-name';
  if (byName && kind.nameIndex === false) throw invalidField('sort', `${kind.label.toLowerCase()}s are not listed by name`);
  const parent = query.parentId ? recordKeys(keyPrefixOf(parentTypeOf(kind, query.parentType))).item(query.parentId).pk : undefined;
  const partitions = keys.partitions;
  const index: { name: IndexName; partitions: readonly string[] } = parent
    ? { name: 'gsi4', partitions: partitions.byParent(parent) }
    : byName
      ? { name: 'gsi5', partitions: partitions.byName() }
      : query.ownerId
        ? { name: 'gsi2', partitions: partitions.byOwner(query.ownerId) }
        : query.status
          ? { name: 'gsi3', partitions: partitions.byStatus(query.status) }
          : { name: 'gsi1', partitions: partitions.collection() };

  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (query.ownerId && index.name !== 'gsi2') {
    filters.push('#ownerId = :ownerId');
    names['#ownerId'] = 'ownerId';
    values[':ownerId'] = query.ownerId;
  }
  if (query.status && index.name !== 'gsi3') {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  filters.push(...kindFilterExpressions(kind, query, names, values));
  filters.push(...customFilterExpressions(customFilters, names, values));
  if (owners) filters.push(ownersFilter(owners, names, values));
  const page = await queryPartitions({
    index: index.name,
    partitions: index.partitions,
    ...(filters.length ? { filter: { expression: filters.join(' AND '), names, values } } : {}),
    forward: query.sort === 'createdAt' || query.sort === 'name',
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return {
    items: page.items.map((item) => stripLayout<T>(item)),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/** FilterExpression terms for the kind's own filters the query sets (a lead's channel, at `source.channel`). */
function kindFilterExpressions<T extends RecordBase>(kind: RecordKind<T>, query: Record<string, unknown>, names: Record<string, string>, values: Record<string, unknown>): string[] {
  return Object.entries(kind.filters ?? {}).flatMap(([param, path]) => {
    if (query[param] === undefined) return [];
    for (const part of path) names[`#${part}`] = part;
    values[`:${param}`] = query[param];
    return [`${path.map((part) => `#${part}`).join('.')} = :${param}`];
  });
}

/** Records of the type in a status, created before a moment, oldest first, all pages (for scheduled jobs: the new leads' digest). */
export async function recordsInStatusCreatedBefore<T extends RecordBase>(kind: RecordKind<T>, status: string, before: string): Promise<T[]> {
  const found: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPartitions({
      index: 'gsi3',
      partitions: keysOf(kind).partitions.byStatus(status),
      sortCondition: { expression: '#sk < :before', values: { ':before': before } },
      forward: true,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    found.push(...page.items.map((item) => stripLayout<T>(item)));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

/** The type of the record a list is under: named by `parentType`, or the only one the kind has. */
function parentTypeOf<T extends RecordBase>(kind: RecordKind<T>, named: RecordType | undefined): RecordType {
  if (!kind.parent) throw invalidField('parentId', `${kind.label.toLowerCase()}s are not listed under another record`);
  if (named) {
    if (!kind.parent.types.includes(named)) throw invalidField('parentType', `one of ${kind.parent.types.join(', ')}`);
    return named;
  }
  if (kind.parent.types.length > 1) throw invalidField('parentType', `required: one of ${kind.parent.types.join(', ')}`, 'required');
  return kind.parent.types[0]!;
}

/** Records of the type whose name, normalised as lists sort it, is exactly `name`: one Query per shard of gsi5. */
export async function findByExactName<T extends RecordBase>(kind: RecordKind<T>, name: string, limit = 5): Promise<T[]> {
  const page = await queryPartitions({
    index: 'gsi5',
    partitions: keysOf(kind).partitions.byName(),
    sortCondition: { expression: 'begins_with(#sk, :name)', values: { ':name': `${sortName(name)}#` } },
    forward: true,
    limit,
  });
  return page.items.map((item) => stripLayout<T>(item));
}
