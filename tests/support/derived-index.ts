import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { app } from '../../infra/definition/app';
import { passes, toLambdaRecord } from '../../infra/local/stream-poller';
import { handler } from '../../functions/search/derive-index';
import { tableName } from '../../shared/data/dynamo-client';

/**
 * The derived search index in integration tests, which run no stream poller: reads the test
 * file's table stream from where the last call stopped, keeps what the definition's filter lets
 * through, and hands it to the real consumer in batches, as the poller and the cloud mapping do.
 * A test that searches after a write calls `deriveIndex()` first: search follows its writes a
 * moment later (ADR 0009), and this is that moment. Tests only.
 */
const consumer = app.streamConsumers.find((c) => c.id === 'search-derive');
if (!consumer) throw new Error('the definition has no search-derive stream consumer');

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
/** Where each shard was read up to, per table (a test file has one). */
const positions = new Map<string, string>();

export async function deriveIndex(): Promise<number> {
  const records = await newStreamRecords();
  const wanted = records.filter((r) => passes(r.record, consumer!.filter));
  for (let start = 0; start < wanted.length; start += consumer!.batchSize) {
    const batch = wanted.slice(start, start + consumer!.batchSize);
    const event: DynamoDBStreamEvent = { Records: batch.map((r) => toLambdaRecord(r.record, r.streamArn)) };
    const result = await handler(event);
    if (result.batchItemFailures.length > 0) throw new Error(`search-derive failed at ${result.batchItemFailures[0]!.itemIdentifier}`);
  }
  return wanted.length;
}

/** Every stream record of the table written since the previous call, shard by shard, in order. */
async function newStreamRecords(): Promise<{ record: _Record; streamArn: string }[]> {
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
  const region = process.env.AWS_REGION ?? 'eu-central-1';
  const dynamo = new DynamoDBClient({ endpoint, region, credentials });
  const streams = new DynamoDBStreamsClient({ endpoint, region, credentials });
  try {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName() }));
    const streamArn = Table?.LatestStreamArn;
    if (!streamArn) throw new Error(`table ${tableName()} has no stream`);
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const found: { record: _Record; streamArn: string }[] = [];
    for (const shard of StreamDescription?.Shards ?? []) {
      const key = `${streamArn}/${shard.ShardId}`;
      const after = positions.get(key);
      let iterator = (
        await streams.send(
          new GetShardIteratorCommand(
            after
              ? { StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
              : { StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' },
          ),
        )
      ).ShardIterator;
      // An open shard always hands out a next iterator: stop at the first empty page.
      while (iterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        const records = page.Records ?? [];
        for (const record of records) found.push({ record, streamArn });
        if (records.length === 0) break;
        positions.set(key, records.at(-1)!.dynamodb!.SequenceNumber!);
        iterator = page.NextShardIterator;
      }
    }
    return found;
  } finally {
    dynamo.destroy();
    streams.destroy();
  }
}
