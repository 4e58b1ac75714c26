import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { outboxAttribute } from '../../shared/data/keys';
import type { DomainEvent } from '../../shared/events/contracts';
import { env } from '../../shared/config/runtime-env';
import { logger } from '../observability/logger';

/**
 * Outbox → bus. The table's stream hands over every committed history entry (the stack's filter
 * lets only HISTORY inserts through); the events each one carries become EventBridge events, in
 * order. A failure is reported at the record that carried the first refused event, so the stream
 * retries from there; a retry may publish an event twice, which consumers absorb.
 */
const client = new EventBridgeClient({});
const putEventsLimit = 10;

interface Outgoing {
  entry: PutEventsRequestEntry;
  sequenceNumber: string;
}

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const outgoing = event.Records.filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage).flatMap((r) => toOutgoing(r, env('eventBusName')));
  for (let start = 0; start < outgoing.length; start += putEventsLimit) {
    const chunk = outgoing.slice(start, start + putEventsLimit);
    const failedAt = await publish(chunk.map((o) => o.entry));
    if (failedAt !== undefined) {
      // The stream replays the reported record and everything after it, in order.
      return { batchItemFailures: [{ itemIdentifier: chunk[failedAt]!.sequenceNumber }] };
    }
  }
  return { batchItemFailures: [] };
}

function toOutgoing(record: DynamoDBRecord, eventBusName: string): Outgoing[] {
  const item = unmarshall(record.dynamodb!.NewImage as Record<string, NativeAttributeValue>);
  const events = (item[outboxAttribute] ?? []) as DomainEvent[];
  return events.map((e) => ({
    sequenceNumber: record.dynamodb!.SequenceNumber!,
    entry: {
      EventBusName: eventBusName,
      Source: e.source,
      DetailType: e.type,
      Time: new Date(e.occurredAt),
      Detail: JSON.stringify({ ...e.detail, eventId: e.id, occurredAt: e.occurredAt }),
    },
  }));
}

/** Returns the index of the first entry that was not accepted, if any. */
async function publish(entries: PutEventsRequestEntry[]): Promise<number | undefined> {
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
