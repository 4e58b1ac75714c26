import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { keyPrefixOf, type RecordBase, type RecordKind, type RecordLink, type RecordType } from '../domain/records/record-type';
import type { GuardedPut } from './change-set';
import { dynamo, tableName } from './dynamo-client';
import { recordKeys, reminderKeys } from './keys';
import { families } from './table-schema';

/**
 * Reminders due (REC-7): one item per record with a pending reminder, written, moved and removed
 * in the record's own transaction (a changed time, a done activity), read by the minute schedule.
 */
const entity = families.reminder.entity;

export interface DueReminder {
  key: { pk: string; sk: string };
  at: string;
  record: RecordLink;
  ownerId: string;
}

/** A reminder never read (set in the past, or missed by a long outage) leaves with the table's TTL. */
const expiry = (at: string): number => Math.floor(Date.parse(at) / 1000) + 7 * 24 * 3600;

const keyOf = (type: RecordType, id: string, at: string) => reminderKeys.item(at, recordKeys(keyPrefixOf(type)).item(id).pk);

export function reminderChange<T extends RecordBase>(kind: RecordKind<T>, before: T | undefined, after: T): { puts: GuardedPut[]; deletes: { pk: string; sk: string }[] } {
  if (!kind.reminder) return { puts: [], deletes: [] };
  const previous = before ? kind.reminder(before) : undefined;
  const next = kind.reminder(after);
  const ownerChanged = before?.ownerId !== after.ownerId;
  if (previous === next && !ownerChanged) return { puts: [], deletes: [] };
  return {
    puts: next
      ? [{ item: { ...keyOf(kind.type, after.id, next), entity, at: next, recordType: kind.type, recordId: after.id, ownerId: after.ownerId, expiresAt: expiry(next) } }]
      : [],
    deletes: previous && previous !== next ? [keyOf(kind.type, after.id, previous)] : [],
  };
}

/** Reminders due at or before `now`, from the hour partitions of the `lookBackHours` before it. */
export async function dueReminders(now: Date, lookBackHours: number): Promise<DueReminder[]> {
  const until = now.toISOString();
  const hours = Array.from({ length: lookBackHours + 1 }, (_, i) => new Date(now.getTime() - (lookBackHours - i) * 3600_000).toISOString());
  const pages = await Promise.all(
    hours.map(async (hour) => {
      const found: DueReminder[] = [];
      let cursor: Record<string, unknown> | undefined;
      do {
        const page = await dynamo().send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'pk = :pk AND sk <= :until',
            ExpressionAttributeValues: { ':pk': reminderKeys.partition(hour), ':until': `${until}#~` },
            ExclusiveStartKey: cursor,
          }),
        );
        for (const item of page.Items ?? []) {
          found.push({ key: { pk: String(item.pk), sk: String(item.sk) }, at: String(item.at), record: { type: item.recordType as RecordType, id: String(item.recordId) }, ownerId: String(item.ownerId) });
        }
        cursor = page.LastEvaluatedKey;
      } while (cursor);
      return found;
    }),
  );
  return pages.flat();
}

/** Done with a reminder; false if it was already gone (another run, or the record changed it). */
export async function removeReminder(key: { pk: string; sk: string }): Promise<boolean> {
  try {
    await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: key, ConditionExpression: 'attribute_exists(pk)' }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
