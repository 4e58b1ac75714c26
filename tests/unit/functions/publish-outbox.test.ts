import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

process.env.EVENT_BUS_NAME = 'crm-unit';
const { handler } = await import('../../../functions/events/publish-outbox');
const bus = mockClient(EventBridgeClient);

const leadEvent = (id: string, type: string, lead: string) => ({
  id,
  type,
  source: 'crm.leads',
  occurredAt: '2026-11-22T09:00:00.000Z',
  detail: { lead: { id: lead }, formId: 'website' },
});

/** A history entry as the stream delivers it; `events` is how many events its change raised. */
const record = (n: number, events = 1, eventName: 'INSERT' | 'REMOVE' = 'INSERT'): DynamoDBRecord => ({
  eventName,
  dynamodb: {
    SequenceNumber: String(n),
    NewImage: marshall({
      pk: `LEAD#l${n}`,
      sk: `HIST#2026-11-22T09:00:00.000Z#h${n}`,
      entity: 'HISTORY',
      kind: 'captured',
      ...(events ? { events: Array.from({ length: events }, (_, i) => leadEvent(`e${n}.${i}`, i ? 'LeadCaptured' : 'LeadCreated', `l${n}`)) } : {}),
    }) as Record<string, AttributeValue>,
  },
});

describe('outbox publisher (failure paths; the happy path runs for real in the e2e test)', () => {
  beforeEach(() => bus.reset());

  it('publishes every event of every inserted history entry, in order, in batches of ten', async () => {
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    const result = await handler({ Records: Array.from({ length: 6 }, (_, i) => record(i, 2)) });
    expect(result.batchItemFailures).toEqual([]);
    const calls = bus.commandCalls(PutEventsCommand);
    expect(calls.map((c) => c.args[0].input.Entries!.length)).toEqual([10, 2]);
    expect(calls[0]!.args[0].input.Entries!.slice(0, 2)).toMatchObject([
      { EventBusName: 'crm-unit', Source: 'crm.leads', DetailType: 'LeadCreated' },
      { EventBusName: 'crm-unit', Source: 'crm.leads', DetailType: 'LeadCaptured' },
    ]);
    expect(JSON.parse(calls[0]!.args[0].input.Entries![0]!.Detail!)).toEqual({ lead: { id: 'l0' }, formId: 'website', eventId: 'e0.0', occurredAt: '2026-11-22T09:00:00.000Z' });
  });

  it('reports the record whose event the bus refused first, so the stream retries from there', async () => {
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ EventId: 'a' }, { EventId: 'b' }, { ErrorCode: 'InternalFailure' }, { EventId: 'd' }] });
    expect(await handler({ Records: [record(1, 2), record(2, 2)] })).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
  });

  it('reports the chunk\'s first record when the bus cannot be reached', async () => {
    bus.on(PutEventsCommand).rejects(new Error('network down'));
    expect(await handler({ Records: [record(7), record(8)] })).toEqual({ batchItemFailures: [{ itemIdentifier: '7' }] });
  });

  it('ignores records that are not inserts and entries that raised no event', async () => {
    expect(await handler({ Records: [record(1, 1, 'REMOVE'), record(2, 0)] })).toEqual({ batchItemFailures: [] });
    expect(bus.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});
