import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

process.env.EVENT_BUS_NAME = 'crm-unit';
const { handler } = await import('../../../functions/events/publish-outbox');
const bus = mockClient(EventBridgeClient);

const record = (n: number, eventName: 'INSERT' | 'REMOVE' = 'INSERT'): DynamoDBRecord => ({
  eventName,
  dynamodb: {
    SequenceNumber: String(n),
    NewImage: marshall({
      pk: `OUTBOX#e${n}`,
      sk: 'OUTBOX',
      entity: 'OUTBOX',
      eventId: `e${n}`,
      eventType: 'LeadCaptured',
      source: 'crm.leads',
      occurredAt: '2026-11-22T09:00:00.000Z',
      detail: { lead: { id: `l${n}` }, formId: 'website' },
    }) as Record<string, AttributeValue>,
  },
});

describe('outbox publisher (failure paths; the happy path runs for real in the e2e test)', () => {
  beforeEach(() => bus.reset());

  it('publishes each inserted outbox item as one event, in batches of ten', async () => {
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    const result = await handler({ Records: Array.from({ length: 12 }, (_, i) => record(i)) });
    expect(result.batchItemFailures).toEqual([]);
    const calls = bus.commandCalls(PutEventsCommand);
    expect(calls.map((c) => c.args[0].input.Entries!.length)).toEqual([10, 2]);
    expect(calls[0]!.args[0].input.Entries![0]).toMatchObject({ EventBusName: 'crm-unit', Source: 'crm.leads', DetailType: 'LeadCaptured' });
    expect(JSON.parse(calls[0]!.args[0].input.Entries![0]!.Detail!)).toEqual({ lead: { id: 'l0' }, formId: 'website', eventId: 'e0', occurredAt: '2026-11-22T09:00:00.000Z' });
  });

  it('reports the first entry the bus refused so the stream retries from there', async () => {
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ EventId: 'a' }, { ErrorCode: 'InternalFailure' }, { EventId: 'c' }] });
    expect(await handler({ Records: [record(1), record(2), record(3)] })).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
  });

  it('reports the whole chunk when the bus cannot be reached', async () => {
    bus.on(PutEventsCommand).rejects(new Error('network down'));
    expect(await handler({ Records: [record(7), record(8)] })).toEqual({ batchItemFailures: [{ itemIdentifier: '7' }] });
  });

  it('ignores records that are not inserts', async () => {
    expect(await handler({ Records: [record(1, 'REMOVE')] })).toEqual({ batchItemFailures: [] });
    expect(bus.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});
