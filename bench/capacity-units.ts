import { globalIndexes, primaryKey, type Projection } from '../shared/data/table-schema';

/**
 * Read and write units by the rules DynamoDB bills, from item sizes and the indexes' projections
 * (issue 14 §6), so the bench's figures do not depend on what DynamoDB Local reports (it under-counts
 * transactional writes and ignores index writes; docs/cost-model.md says where they differ).
 *
 * Item size: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
 * Units per operation: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 * Index writes: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html
 *   (section "Provisioned throughput considerations for Global Secondary Indexes": an index key
 *   change is a delete and a put in the index; nothing is written to an index when neither image is in it
 *   or when no projected attribute changed).
 * Pricing: https://aws.amazon.com/dynamodb/pricing/on-demand/ (transactional requests: 2 units per 1 KB / 4 KB).
 *
 * Pure: items are in DynamoDB's wire format (`{ S: '…' }`, `{ N: '…' }`…), as the proxy sees them.
 */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { M: Item }
  | { L: AttributeValue[] }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] };
export type Item = Record<string, AttributeValue>;

export interface IndexDeclaration {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  /** Missing means ALL (the declaration predates projections). */
  readonly projection?: Projection;
}

export interface TableDeclaration {
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly indexes: readonly IndexDeclaration[];
}

/** The app's single table, read from the schema module so a projection change changes the figures. */
export const appTable: TableDeclaration = { partitionKey: primaryKey.partitionKey, sortKey: primaryKey.sortKey, indexes: globalIndexes };

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** A number's size: 1 byte per two significant digits (leading and trailing zeroes trimmed), plus 1. */
export function numberSize(value: string): number {
  const digits = value.replace(/^[-+]/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

/** A value's size without its name; list and map elements carry 1 byte each, the container 3. */
export function valueSize(value: AttributeValue): number {
  if ('S' in value) return utf8(value.S);
  if ('N' in value) return numberSize(value.N);
  if ('B' in value) return Buffer.from(value.B, 'base64').length;
  if ('BOOL' in value || 'NULL' in value) return 1;
  if ('SS' in value) return value.SS.reduce((sum, s) => sum + utf8(s), 0);
  if ('NS' in value) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if ('BS' in value) return value.BS.reduce((sum, b) => sum + Buffer.from(b, 'base64').length, 0);
  if ('L' in value) return 3 + value.L.reduce((sum, element) => sum + 1 + valueSize(element), 0);
  return 3 + Object.entries(value.M).reduce((sum, [name, element]) => sum + 1 + utf8(name) + valueSize(element), 0);
}

/** An item's size: the sum of its attribute names and values (what every unit is computed from). */
export function itemSize(item: Item): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0);
}

/** What an index holds of an item, or undefined when the item is not in it (sparse: an index key missing). */
export function projectedItem(item: Item | undefined, index: IndexDeclaration, table: TableDeclaration = appTable): Item | undefined {
  if (!item || !(index.partitionKey in item) || (index.sortKey && !(index.sortKey in item))) return undefined;
  const projection = index.projection ?? { type: 'ALL' };
  if (projection.type === 'ALL') return item;
  const kept = new Set([table.partitionKey, table.sortKey, index.partitionKey, index.sortKey, ...(projection.type === 'INCLUDE' ? projection.attributes : [])]);
  return Object.fromEntries(Object.entries(item).filter(([name]) => kept.has(name)));
}

export const writeUnitsOf = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
export type ReadMode = 'eventual' | 'strong' | 'transactional';
const readFactor: Record<ReadMode, number> = { eventual: 0.5, strong: 1, transactional: 2 };
/** Read units of one read of `bytes` (a Query's items summed first; an empty read still costs one unit's share). */
export const readUnitsOf = (bytes: number, mode: ReadMode) => Math.max(1, Math.ceil(bytes / 4096)) * readFactor[mode];

/** One write's units, by where they land: the table (its partition) and each index (its partition). */
export interface WriteCharge {
  /** `table` or an index name. */
  readonly target: string;
  /** The partition key value written in that target. */
  readonly partition: string;
  readonly units: number;
  /** Bytes the target holds of the item after the write (0 when it left), for storage estimates. */
  readonly bytes: number;
}

export interface WriteImages {
  /** The item before the write (undefined: it did not exist). */
  readonly before?: Item;
  /** The item after it (undefined: deleted, or the write failed its condition). */
  readonly after?: Item;
  /** Inside a TransactWriteItems: the table's units count twice. */
  readonly transactional?: boolean;
  /** The write was refused by its condition: charged the existing item's size, nothing reaches the indexes. */
  readonly refused?: boolean;
  /** A ConditionCheck inside a transaction: charged as a transactional write of the item checked, no index write. */
  readonly conditionCheck?: boolean;
}

const partitionOf = (item: Item | undefined, attribute: string): string | undefined => {
  const value = item?.[attribute];
  return value && 'S' in value ? value.S : value && 'N' in value ? value.N : undefined;
};
const sameKey = (a: Item, b: Item, index: IndexDeclaration) =>
  JSON.stringify(a[index.partitionKey]) === JSON.stringify(b[index.partitionKey]) && (!index.sortKey || JSON.stringify(a[index.sortKey]) === JSON.stringify(b[index.sortKey]));
const sameItem = (a: Item, b: Item) => {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].every((name) => JSON.stringify(a[name]) === JSON.stringify(b[name]));
};

/**
 * The units one item write costs: the table by the larger of the two images (a put over an existing
 * item, an update), a delete by the deleted item; each index by the projected size of the images in it.
 * Index writes are not doubled inside a transaction: DynamoDB propagates them asynchronously, outside
 * the transaction (an assumption; the pricing page doubles only "transactional write requests").
 */
export function writeCharges(images: WriteImages, table: TableDeclaration = appTable): WriteCharge[] {
  const { before, after } = images;
  const keyed = after ?? before;
  const partition = partitionOf(keyed, table.partitionKey) ?? '?';
  const factor = images.transactional || images.conditionCheck ? 2 : 1;
  if (images.refused || images.conditionCheck) return [{ target: 'table', partition, units: writeUnitsOf(before ? itemSize(before) : 0) * factor, bytes: before ? itemSize(before) : 0 }];
  const charges: WriteCharge[] = [{ target: 'table', partition, units: writeUnitsOf(Math.max(before ? itemSize(before) : 0, after ? itemSize(after) : 0)) * factor, bytes: after ? itemSize(after) : 0 }];
  for (const index of table.indexes) {
    const old = projectedItem(before, index, table);
    const now = projectedItem(after, index, table);
    const charge = (item: Item, units: number, bytes: number) => charges.push({ target: index.name, partition: partitionOf(item, index.partitionKey)!, units, bytes });
    if (old && now && sameKey(old, now, index)) {
      if (!sameItem(old, now)) charge(now, writeUnitsOf(Math.max(itemSize(old), itemSize(now))), itemSize(now));
      continue;
    }
    if (old) charge(old, writeUnitsOf(itemSize(old)), 0);
    if (now) charge(now, writeUnitsOf(itemSize(now)), itemSize(now));
  }
  return charges;
}

/** Read units of items read one by one (GetItem, BatchGetItem, TransactGetItems): each rounded on its own. */
export function itemReadUnits(items: readonly (Item | undefined)[], mode: ReadMode): number {
  return items.reduce((sum, item) => sum + readUnitsOf(item ? itemSize(item) : 0, mode), 0);
}

/** Read units of a Query or Scan page: the sizes of the items it read (before any filter), summed, then rounded. */
export function queryReadUnits(itemsRead: readonly Item[], mode: Exclude<ReadMode, 'transactional'>): number {
  return readUnitsOf(itemsRead.reduce((sum, item) => sum + itemSize(item), 0), mode);
}
