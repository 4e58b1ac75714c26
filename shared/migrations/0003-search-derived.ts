import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { derivedImageOf, derivedKey, planDerivation } from '../data/derived-index';
import { dynamo, tableName } from '../data/dynamo-client';
import { mustHaveVersion } from '../data/record-item';
import { searchItems } from '../data/search-index';
import { partitionBefore, searchTermsBefore } from '../domain/migrations/search-terms-before';
import { families, keyOf } from '../data/table-schema';
import { keyPrefixOf, recordTypes } from '../domain/records/record-type';
import type { ItemKey, Migration, MigrationWrite, StoredItem } from './migration';

/**
 * The search index onto the derived index's format (issue 14 §1 and §5, ADR 0009): terms in
 * partitions of two characters, four of a number, no national phone term, no public mail domain,
 * and a DERIVED state per record. For each record the migration writes what `search-derive` would
 * (its search items and its state, at the record's version) and deletes the items the previous
 * format made that the new one has not, in one transaction conditioned on the record's version;
 * the record itself is left as it is (its version set to itself: nothing changes, so the stream
 * sees no write). Done for a record once its state exists and no item of the old format is left
 * (the stream may have derived a record written in the day before the deploy, leaving the old ones).
 */
const entities = recordTypes.map(keyPrefixOf);

export const searchDerived: Migration = {
  id: '0003-search-derived',
  version: 3,
  description: 'search terms in the derived index: spread partitions, fewer terms, a DERIVED state per record, as search-derive writes them',
  scope: { entities },
  async apply(item) {
    // The record item itself only: its partition also holds history, attachments, the state.
    const image = derivedImageOf(item);
    if (!image || 'redirectOf' in image) return undefined;
    const fresh = searchItems(image.kind, image.record);
    const stale = searchTermsBefore(image.kind.search(image.record).terms)
      .map((term) => keyOf('search', { termStart: partitionBefore(term), term, recordPk: item.pk }))
      .filter((key) => !fresh.keys.has(`${key.pk}|${key.sk}`));
    const [state, left] = await Promise.all([hasState(item.pk), existing(stale)]);
    if (left.length === 0 && (state || fresh.keys.size === 0)) return undefined;
    const plan = planDerivation(undefined, image);
    const write: MigrationWrite = {
      update: { set: { version: image.record.version }, condition: mustHaveVersion(image.record.version) },
      puts: [...plan.puts.map((put) => put as StoredItem), ...(plan.next ? [{ ...derivedKey(item.pk), entity: families.derived.entity, ...plan.next }] : [])],
      deletes: left,
    };
    return write;
  },
};

async function hasState(recordPk: string): Promise<boolean> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: derivedKey(recordPk), ConsistentRead: true }));
  return Item !== undefined;
}

/** Which of these keys are stored (a record has a handful: one BatchGetItem). */
async function existing(keys: readonly ItemKey[]): Promise<ItemKey[]> {
  if (keys.length === 0) return [];
  const { Responses } = await dynamo().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys.slice(0, 100).map((k) => ({ pk: k.pk, sk: k.sk })), ConsistentRead: true, ProjectionExpression: 'pk, sk' } } }));
  return (Responses?.[tableName()] ?? []).map((found) => ({ pk: String(found.pk), sk: String(found.sk) }));
}
