import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand, DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createLambdaRuntime } from '../../../infra/local/lambda-runtime';
import { StreamCheckpoints } from '../../../infra/local/stream-checkpoints';
import { StreamPoller } from '../../../infra/local/stream-poller';
import { ensureTable } from '../../../infra/local/table';
import { accountId, credentials, fixtureDefinition, fixtureFunction, region } from './fixtures/definition';
import { behaviours, callsOf, reset } from './fixtures/handlers';

/**
 * The stream poller against DynamoDB Local's real stream: the consumer's filter, Lambda's record
 * shape, batches, partial batch failures, and checkpoints that survive a restart.
 */
const endpoint = inject('dynamoEndpoint');
const definition = fixtureDefinition({
  functions: [fixtureFunction('publisher')],
  streamConsumers: [{ id: 'outbox', function: 'publisher', filter: { eventNames: ['INSERT'], entities: ['OUTBOX'] }, batchSize: 2 }],
});
const runtime = createLambdaRuntime(definition, { region, accountId });
const dynamo = new DynamoDBClient({ endpoint, region, credentials });
const tableName = `stream-${randomUUID().slice(0, 8)}`;
const dir = mkdtempSync(join(tmpdir(), 'stream-poller-'));
const checkpointFile = join(dir, 'checkpoints.json');
let poller: StreamPoller | undefined;

const startPoller = async (checkpoints = new StreamCheckpoints(checkpointFile)) => {
  poller = new StreamPoller({ definition, tableName, dynamoEndpoint: endpoint, region, runtime, checkpoints, pollIntervalMs: 50, retry: { retries: 5, baseDelayMs: 5, maxDelayMs: 20 } });
  await poller.start();
  return poller;
};

const put = (id: string, entity: string) =>
  dynamo.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: `${entity}#${id}` }, sk: { S: entity }, entity: { S: entity }, eventId: { S: id }, n: { N: '1' } } }));

/** Event ids of the OUTBOX records handed to the publisher, in order, one list per invocation. */
const batches = () => callsOf('publisher').map((c) => c.event.Records.map((r: any) => r.dynamodb.NewImage.eventId.S as string));

beforeAll(() => ensureTable(dynamo, tableName, definition.table));
beforeEach(reset);
afterEach(async () => {
  await poller?.stop();
  poller = undefined;
});
afterAll(async () => {
  await dynamo.send(new DeleteTableCommand({ TableName: tableName }));
  dynamo.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('the stream poller', () => {
  it('hands over only INSERTs of the consumer entity, in order, in batches of at most batchSize, shaped as Lambda does', async () => {
    await put('e1', 'OUTBOX');
    await put('x1', 'LEAD');
    await put('e2', 'OUTBOX');
    await put('e3', 'OUTBOX');
    // A MODIFY of an outbox item is not an insert.
    await dynamo.send(new UpdateItemCommand({ TableName: tableName, Key: { pk: { S: 'OUTBOX#e1' }, sk: { S: 'OUTBOX' } }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': { N: '2' } } }));
    await put('e4', 'OUTBOX');
    const p = await startPoller();
    await p.idle();

    expect(batches().flat()).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(batches().every((b) => b.length <= 2)).toBe(true);
    const record = callsOf('publisher')[0]!.event.Records[0];
    expect(record).toEqual({
      eventID: expect.any(String),
      eventName: 'INSERT',
      eventVersion: expect.any(String),
      eventSource: 'aws:dynamodb',
      awsRegion: expect.any(String),
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        Keys: { pk: { S: 'OUTBOX#e1' }, sk: { S: 'OUTBOX' } },
        NewImage: { pk: { S: 'OUTBOX#e1' }, sk: { S: 'OUTBOX' }, entity: { S: 'OUTBOX' }, eventId: { S: 'e1' }, n: { N: '1' } },
        SequenceNumber: expect.stringMatching(/^\d+$/),
        SizeBytes: expect.any(Number),
        StreamViewType: 'NEW_IMAGE',
      },
      eventSourceARN: expect.stringContaining(`table/${tableName}/stream/`),
    });
  });

  it('after a restart hands over only what was written since, never a record twice', async () => {
    await put('r1', 'OUTBOX');
    await put('r2', 'OUTBOX');
    const first = await startPoller();
    await first.idle();
    expect(batches().flat()).toEqual(['r1', 'r2']);
    await first.stop();

    reset();
    await put('r3', 'OUTBOX');
    const second = await startPoller(new StreamCheckpoints(checkpointFile));
    await second.idle();
    expect(batches().flat()).toEqual(['r3']);
  });

  it('without a checkpoint reads the stream from its oldest record', async () => {
    const p = await startPoller(new StreamCheckpoints());
    await p.idle();
    expect(batches().flat()).toEqual(['e1', 'e2', 'e3', 'e4', 'r1', 'r2', 'r3']);
  });

  it('honours batchItemFailures: retries from the first failed record, keeps what came before', async () => {
    await put('f1', 'OUTBOX');
    await put('f2', 'OUTBOX');
    let failOnce = true;
    behaviours.set('publisher', (event: any) => {
      const ids: string[] = event.Records.map((r: any) => r.dynamodb.NewImage.eventId.S);
      const failing = event.Records[ids.indexOf('f2')];
      if (failing && failOnce) {
        failOnce = false;
        return { batchItemFailures: [{ itemIdentifier: failing.dynamodb.SequenceNumber }] };
      }
      return { batchItemFailures: [] };
    });
    const p = await startPoller();
    await p.idle();
    expect(batches()).toEqual([['f1', 'f2'], ['f2']]);
  });

  it('retries a whole batch whose handler throws, then moves on', async () => {
    await put('t1', 'OUTBOX');
    let throws = 2;
    behaviours.set('publisher', () => {
      if (throws-- > 0) throw new Error('bus down');
      return { batchItemFailures: [] };
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const p = await startPoller();
      await p.idle();
    } finally {
      console.error = original;
    }
    expect(batches()).toEqual([['t1'], ['t1'], ['t1']]);
    expect(errors).toHaveLength(2);
  });

  it('treats an identifier naming no record of the batch as a failure of the whole batch', async () => {
    await put('w1', 'OUTBOX');
    let bogus = true;
    behaviours.set('publisher', () => {
      if (!bogus) return { batchItemFailures: [] };
      bogus = false;
      return { batchItemFailures: [{ itemIdentifier: 'no-such-sequence-number' }] };
    });
    const p = await startPoller();
    await p.idle();
    expect(batches()).toEqual([['w1'], ['w1']]);
  });
});
