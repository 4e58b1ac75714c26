import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { env } from '../../shared/config/runtime-env';
import { logger } from '../observability/logger';

/**
 * Outbox → bus. The table's stream hands over every committed outbox item (the stack's filter lets
 * only OUTBOX inserts through); each becomes one EventBridge event. Failed entries are reported
 * so the stream retries from there; a retry may publish an event twice, which consumers absorb.
 */
const client = new EventBridgeClient({});
const putEventsLimit = 10;

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const records = event.Records.filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage);
  for (let start = 0; start < records.length; start += putEventsLimit) {
    const chunk = records.slice(start, start + putEventsLimit);
    const failedAt = await publish(chunk);
    if (failedAt !== undefined) {
      // Report the first failure: the stream replays it and everything after it, in order.
      return { batchItemFailures: [{ itemIdentifier: chunk[failedAt]!.dynamodb!.SequenceNumber! }] };
    }
  }
  return { batchItemFailures: [] };
}

export function toEntry(record: DynamoDBRecord, eventBusName: string): PutEventsRequestEntry {
  const item = unmarshall(record.dynamodb!.NewImage as Record<string, NativeAttributeValue>);
  return {
    EventBusName: eventBusName,
    Source: String(item.source),
    DetailType: String(item.eventType),
    Time: new Date(String(item.occurredAt)),
    Detail: JSON.stringify({ ...(item.detail as object), eventId: item.eventId, occurredAt: item.occurredAt }),
  };
}

/** Returns the index of the first entry that was not accepted, if any. */
async function publish(records: DynamoDBRecord[]): Promise<number | undefined> {
  const entries = records.map((r) => toEntry(r, env('eventBusName')));
  try {
    const result = await client.send(new PutEventsCommand({ Entries: entries }));
    if (!result.FailedEntryCount) {
      logger.debug('Published events', { count: entries.length });
      return undefined;
    }
    const index = (result.Entries ?? []).findIndex((e) => e.ErrorCode);
    logger.warn('Some events were not accepted', { failed: result.FailedEntryCount, first: result.Entries?.[index] });
    return Math.max(index, 0);
  } catch (error) {
    logger.error('PutEvents failed', error as Error);
    return 0;
  }
}
