import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page, TimelineEntry } from '../api/contracts';
import { decodeCursor, encodeCursor } from './cursor';
import { dynamo, tableName } from './dynamo-client';
import { historyKeys, outboxAttribute } from './keys';
import { queryAll } from './query-all';
import { stripLayout } from './record-item';

/** A record's timeline, newest first: one Query on the record's own partition per page. */
export async function readTimeline(recordPk: string, options: { limit: number; cursor?: string }): Promise<Page<TimelineEntry>> {
  const result = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': historyKeys.partition(recordPk), ':prefix': historyKeys.prefix },
      ScanIndexForward: false,
      Limit: options.limit,
      ExclusiveStartKey: decodeCursor(options.cursor, ['pk', 'sk']),
    }),
  );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return {
    items: (result.Items ?? []).map((item) => timelineEntry(item)),
    ...(nextCursor ? { nextCursor } : {}),
  };
}

/**
 * Every entry of one kind on a record's timeline, oldest first: a case's replies to show its
 * client. The record's partition is read page by page with the other kinds filtered out; a case
 * holds tens of entries, not thousands.
 */
export async function timelineEntriesOfKind(recordPk: string, kind: TimelineEntry['kind']): Promise<TimelineEntry[]> {
  const items = await queryAll<Record<string, unknown>>({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: '#kind = :kind',
    ExpressionAttributeNames: { '#kind': 'kind' },
    ExpressionAttributeValues: { ':pk': historyKeys.partition(recordPk), ':prefix': historyKeys.prefix, ':kind': kind },
    ScanIndexForward: true,
  });
  return items.map((item) => timelineEntry(item));
}

/** The entry as the timeline shows it: without the table's layout or the events it carried to the bus. */
function timelineEntry(item: Record<string, unknown>): TimelineEntry {
  const entry = stripLayout<Record<string, unknown>>(item);
  delete entry[outboxAttribute];
  return entry as unknown as TimelineEntry;
}
