import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Merge } from '../domain/duplicates/merge';
import { keyPrefixOf, type RecordBase, type RecordKind } from '../domain/records/record-type';
import type { RecordChange } from '../domain/records/record-commands';
import { commitChange, type ChangeSet } from './change-set';
import { dynamo, tableName } from './dynamo-client';
import { outboxAttribute, recordKeys } from './keys';
import { isListedUnderItem, listedUnderRemoval } from './listed-under';
import { mustHaveVersion } from './record-item';
import { recordChangeSet, redirectEntity } from './records-repository';
import { derivedKey } from './derived-index';

/**
 * A merge (REC-12) in two parts. The merge itself is one transaction: the survivor's new version
 * with its timeline entry and RecordsMerged event, the redirect replacing the duplicate (only if
 * nobody changed it since the user looked); the duplicate's search items and match keys go when
 * the derived index takes the redirect from the stream (derived-index.ts).
 * Moving what hung off the duplicate then follows the event (moveMergedPartition), as it may be
 * more than one transaction can hold.
 */
export async function saveMerge<T extends RecordBase>(
  kind: RecordKind<T>,
  merge: Merge<T>,
  survivorBefore: T,
  duplicate: T,
  /** How the survivor's change is stored: the kit's layout, or the leads' own (leadChangeSet). */
  changeSetOf: (change: RecordChange<T>, before: T) => ChangeSet = (change, before) => recordChangeSet(kind, change, before),
): Promise<void> {
  const changes = changeSetOf({ record: merge.survivor, history: merge.history, events: merge.events }, survivorBefore);
  const duplicateKey = recordKeys(keyPrefixOf(kind.type)).item(duplicate.id);
  await commitChange({
    ...changes,
    puts: [...changes.puts, { item: { ...duplicateKey, entity: redirectEntity, ...merge.redirect }, condition: mustHaveVersion(duplicate.version) }],
    deletes: [...(changes.deletes ?? []), ...listedUnderRemoval(kind, duplicate)],
  });
}

/**
 * Moves every item left in the merged record's partition (its timeline entries, attachments) to
 * the survivor's, 50 at a time, each copy and delete in one transaction. A copied timeline entry
 * drops its outbox attribute: its events were published once already. Safe to run again.
 */
const derivedSk = derivedKey('').sk;

export async function moveMergedPartition(type: RecordKind<RecordBase>['type'], fromId: string, toId: string): Promise<number> {
  const keys = recordKeys(keyPrefixOf(type));
  const from = keys.item(fromId);
  const to = keys.item(toId);
  let moved = 0;
  for (;;) {
    const { Items = [] } = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': from.pk },
        Limit: 51,
        ConsistentRead: true,
      }),
    );
    // Copies of records listed under the duplicate go when those records are relinked (followMerge);
    // the derived index's state stays, the tombstone that keeps the merged record out of search.
    const batch = Items.filter((item) => item.sk !== from.sk && item.sk !== derivedSk && !isListedUnderItem(item.sk)).slice(0, 50);
    if (batch.length === 0) return moved;
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: batch.flatMap((item) => {
          const { [outboxAttribute]: _published, ...copy } = item;
          return [
            { Put: { TableName: tableName(), Item: { ...copy, pk: to.pk, movedFrom: fromId } } },
            { Delete: { TableName: tableName(), Key: { pk: item.pk, sk: item.sk } } },
          ];
        }),
      }),
    );
    moved += batch.length;
  }
}
