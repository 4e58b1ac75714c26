import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { putEvents, putEventsLimit, type BusEvent } from '../../shared/adapters/event-bus';
import { outboxEventsOf } from '../../shared/data/outbox-stream';
import { logger } from '../observability/logger';

/**
 * Outbox → bus. The table's stream hands over every committed history entry (the stack's filter
 * lets only HISTORY inserts through); the events each one carries become EventBridge events, in
 * order. A failure is reported at the record that carried the first refused event, so the stream
 * retries from there; a retry may publish an event twice, which consumers absorb.
 */
interface Outgoing {
  entry: BusEvent;
  sequenceNumber: string;
}

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const outgoing = event.Records.filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage).flatMap(toOutgoing);
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

function toOutgoing(record: DynamoDBRecord): Outgoing[] {
  return outboxEventsOf(record.dynamodb!.NewImage!).map((e) => ({
    sequenceNumber: record.dynamodb!.SequenceNumber!,
    entry: {
      source: e.source,
      detailType: e.type,
      time: new Date(e.occurredAt),
      detail: JSON.stringify({ ...e.detail, eventId: e.id, occurredAt: e.occurredAt }),
    },
  }));
}

/** Returns the index of the first entry that was not accepted, if any. */
async function publish(entries: BusEvent[]): Promise<number | undefined> {
  try {
    const result = await putEvents(entries);
    if (result.accepted) {
      logger.debug('Published events', { count: entries.length });
      return undefined;
    }
    logger.warn('Some events were not accepted', { failed: result.failedCount, first: result.firstFailure });
    return result.failedAt;
  } catch (error) {
    logger.error('PutEvents failed', error as Error);
    return 0;
  }
}
