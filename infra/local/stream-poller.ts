import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ResourceNotFoundException,
  TrimmedDataAccessException,
  type _Record,
  type AttributeValue,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AppDefinition, StreamConsumerDef, StreamFilter } from '../definition/types';
import type { LambdaRuntime } from './lambda-runtime';
import { retryDelayMs, streamRetryPolicy, type RetryPolicy } from './retry-policy';
import type { StreamCheckpoints } from './stream-checkpoints';

/**
 * What Lambda's event source mapping does in the cloud, against DynamoDB Local's stream: reads
 * every shard in order (a child shard after its parent), keeps only the consumer's records
 * (INSERTs of its entity, the stack's filter), hands them to the handler in batches of at most
 * `batchSize` as a DynamoDBStreamEvent, honours `batchItemFailures` by retrying from the first
 * failed record, and checkpoints per shard so a restart neither loses nor repeats a record.
 */
export interface StreamPollerOptions {
  definition: AppDefinition;
  tableName: string;
  dynamoEndpoint: string;
  region: string;
  runtime: LambdaRuntime;
  checkpoints: StreamCheckpoints;
  /** Pause between polls of a stream with nothing new (Lambda polls about four times a second). */
  pollIntervalMs?: number;
  retry?: RetryPolicy;
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export class StreamPoller {
  readonly consumers: readonly StreamConsumerDef[];
  private readonly streams: DynamoDBStreamsClient;
  private streamArn = '';
  /** Open iterators by consumer and shard, so each poll continues where the previous one ended. */
  private readonly iterators = new Map<string, string>();
  private loop: Promise<void> | undefined;
  private stopped = false;
  /** Wakes every pending pause (on stop); `idleWake` only the pause between polls (on idle()). */
  private readonly sleepers = new Set<() => void>();
  private idleWake: (() => void) | undefined;
  private roundsStarted = 0;
  private idleWaiters: { after: number; resolve: () => void }[] = [];
  private handedOver = 0;

  constructor(private readonly options: StreamPollerOptions) {
    for (const consumer of options.definition.streamConsumers) options.runtime.functionDef(consumer.function);
    this.consumers = options.definition.streamConsumers;
    this.streams = new DynamoDBStreamsClient({ endpoint: options.dynamoEndpoint, region: options.region, credentials });
  }

  async start(): Promise<void> {
    const dynamo = new DynamoDBClient({ endpoint: this.options.dynamoEndpoint, region: this.options.region, credentials });
    try {
      const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: this.options.tableName }));
      if (!Table?.LatestStreamArn) throw new Error(`Table ${this.options.tableName} has no stream`);
      this.streamArn = Table.LatestStreamArn;
    } finally {
      dynamo.destroy();
    }
    this.loop = this.run();
  }

  /** Records handed to handlers so far (tells a caller whether a quiet period had activity). */
  get delivered(): number {
    return this.handedOver;
  }

  /** Resolves after a full poll, begun after this call, found nothing new for any consumer. */
  idle(): Promise<void> {
    if (this.stopped || !this.loop) return Promise.resolve();
    return new Promise((resolve) => {
      this.idleWaiters.push({ after: this.roundsStarted, resolve });
      this.idleWake?.();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const wake of [...this.sleepers]) wake();
    await this.loop;
    this.streams.destroy();
    for (const waiter of this.idleWaiters.splice(0)) waiter.resolve();
  }

  private async run(): Promise<void> {
    let failing = false;
    while (!this.stopped) {
      const round = ++this.roundsStarted;
      let busy = true;
      try {
        busy = await this.pollOnce();
        failing = false;
      } catch (error) {
        // Logged once per outage, not four times a second.
        if (!failing && !this.stopped) console.error('[stream] polling failed; retrying', error);
        failing = true;
      }
      if (!busy) {
        const satisfied = this.idleWaiters.filter((w) => w.after < round);
        this.idleWaiters = this.idleWaiters.filter((w) => w.after >= round);
        for (const waiter of satisfied) waiter.resolve();
      }
      if (!busy || failing) await this.pause(this.options.pollIntervalMs ?? 250, true);
    }
  }

  private pause(ms: number, wokenByIdle = false): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        if (this.idleWake === wake) this.idleWake = undefined;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
      if (wokenByIdle) this.idleWake = wake;
    });
  }

  /** One pass over every consumer and readable shard; returns whether any record was read. */
  private async pollOnce(): Promise<boolean> {
    const shards = await this.listShards();
    let busy = false;
    for (const consumer of this.consumers) {
      const done = new Set(shards.filter((s) => this.checkpoint(consumer, s.ShardId!).done).map((s) => s.ShardId!));
      const known = new Set(shards.map((s) => s.ShardId!));
      for (const shard of shards) {
        if (this.stopped || done.has(shard.ShardId!)) continue;
        // A child shard waits until its parent is read to the end (unless the parent was trimmed away).
        if (shard.ParentShardId && known.has(shard.ParentShardId) && !done.has(shard.ParentShardId)) continue;
        if (await this.pollShard(consumer, shard.ShardId!)) busy = true;
      }
    }
    return busy;
  }

  private async listShards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: start }));
      shards.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }

  private checkpoint(consumer: StreamConsumerDef, shardId: string) {
    return this.options.checkpoints.get(consumer.id, this.streamArn, shardId);
  }

  /** Reads one page of a shard and hands its records over; returns whether the page had records. */
  private async pollShard(consumer: StreamConsumerDef, shardId: string): Promise<boolean> {
    const key = `${consumer.id}/${shardId}`;
    const iterator = this.iterators.get(key) ?? (await this.newIterator(consumer, shardId));
    if (!iterator) return false;
    let page;
    try {
      page = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
    } catch (error) {
      if (!(error instanceof ExpiredIteratorException)) throw error;
      this.iterators.delete(key);
      return true;
    }
    const records = page.Records ?? [];
    await this.handOver(consumer, shardId, records);
    // Stopped mid-page: the checkpoint says how far it got; the rest is read again on restart.
    if (this.stopped) return true;
    if (page.NextShardIterator) {
      this.iterators.set(key, page.NextShardIterator);
    } else {
      this.iterators.delete(key);
      this.options.checkpoints.set(consumer.id, this.streamArn, shardId, { ...this.checkpoint(consumer, shardId), done: true });
    }
    return records.length > 0;
  }

  private async newIterator(consumer: StreamConsumerDef, shardId: string): Promise<string | undefined> {
    const after = this.checkpoint(consumer, shardId).after;
    try {
      const request = after
        ? { StreamArn: this.streamArn, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: after }
        : { StreamArn: this.streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' as const };
      return (await this.streams.send(new GetShardIteratorCommand(request))).ShardIterator;
    } catch (error) {
      if (error instanceof TrimmedDataAccessException) {
        console.error(`[stream] ${consumer.id}: records after ${after} in shard ${shardId} were trimmed (older than 24 h); resuming from the oldest record`);
        this.options.checkpoints.set(consumer.id, this.streamArn, shardId, {});
        return undefined;
      }
      if (error instanceof ResourceNotFoundException) {
        this.options.checkpoints.set(consumer.id, this.streamArn, shardId, { done: true });
        return undefined;
      }
      throw error;
    }
  }

  /** The consumer's records of one page, in batches, each checkpointed once handled. */
  private async handOver(consumer: StreamConsumerDef, shardId: string, records: readonly _Record[]): Promise<void> {
    if (records.length === 0) return;
    const wanted = records.filter((r) => passes(r, consumer.filter));
    for (let start = 0; start < wanted.length && !this.stopped; start += consumer.batchSize) {
      const batch = wanted.slice(start, start + consumer.batchSize);
      await this.deliver(consumer, shardId, batch);
    }
    // Records the filter dropped count as handled too.
    if (!this.stopped) this.advance(consumer, shardId, records.at(-1)!);
  }

  /**
   * Invokes the consumer until the batch is handled: a thrown error retries the whole batch, a
   * partial failure retries from the first failed record. After the retries run out the batch
   * is dropped with an error in the log, as the cloud mapping hands it to its failure queue.
   */
  private async deliver(consumer: StreamConsumerDef, shardId: string, batch: readonly _Record[]): Promise<void> {
    const policy = this.options.retry ?? streamRetryPolicy;
    let remaining = batch;
    for (let attempt = 1; remaining.length > 0 && !this.stopped; attempt++) {
      let failedFrom = 0;
      try {
        const event: DynamoDBStreamEvent = { Records: remaining.map((r) => toLambdaRecord(r, this.streamArn)) };
        const result = (await this.options.runtime.invoke(consumer.function, event)) as Partial<DynamoDBBatchResponse> | undefined;
        this.handedOver += remaining.length;
        const failures = result?.batchItemFailures ?? [];
        if (failures.length === 0) {
          this.advance(consumer, shardId, remaining.at(-1)!);
          return;
        }
        const indexes = failures.map((f) => remaining.findIndex((r) => r.dynamodb?.SequenceNumber === f.itemIdentifier));
        // An identifier that names no record of the batch fails the whole batch, as in Lambda.
        failedFrom = indexes.includes(-1) ? 0 : Math.min(...indexes);
        if (failedFrom > 0) this.advance(consumer, shardId, remaining[failedFrom - 1]!);
        remaining = remaining.slice(failedFrom);
      } catch (error) {
        console.error(`[stream] ${consumer.id} failed on a batch of ${remaining.length} (attempt ${attempt})`, error);
      }
      if (attempt > policy.retries) {
        console.error(`[stream] ${consumer.id} gave up on ${remaining.length} records from ${remaining[0]!.dynamodb?.SequenceNumber} after ${attempt} attempts`);
        this.advance(consumer, shardId, remaining.at(-1)!);
        return;
      }
      await this.pause(retryDelayMs(policy, attempt));
    }
  }

  private advance(consumer: StreamConsumerDef, shardId: string, record: _Record): void {
    this.options.checkpoints.set(consumer.id, this.streamArn, shardId, { after: record.dynamodb!.SequenceNumber! });
  }
}

/** The stack's filter: `eventName` one of the consumer's and `dynamodb.NewImage.entity.S` one of its entities. */
export function passes(record: _Record, filter: StreamFilter): boolean {
  const entity = record.dynamodb?.NewImage?.entity?.S;
  return (filter.eventNames as readonly string[]).includes(record.eventName ?? '') && entity !== undefined && filter.entities.includes(entity);
}

/** A stream record as Lambda hands it to a handler (epoch-second times, base64 binaries). */
export function toLambdaRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const d = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion,
    dynamodb: {
      ...(d.ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) } : {}),
      ...(d.Keys ? { Keys: toLambdaAttributes(d.Keys) } : {}),
      ...(d.NewImage ? { NewImage: toLambdaAttributes(d.NewImage) } : {}),
      ...(d.OldImage ? { OldImage: toLambdaAttributes(d.OldImage) } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType,
    },
    eventSourceARN: streamArn,
  };
}

type LambdaAttributes = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;
type LambdaAttribute = LambdaAttributes[string];

function toLambdaAttributes(map: Record<string, AttributeValue>): LambdaAttributes {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, toLambdaAttribute(value)]));
}

function toLambdaAttribute(value: AttributeValue): LambdaAttribute {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.M !== undefined) return { M: toLambdaAttributes(value.M) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaAttribute) };
  return value as LambdaAttribute;
}
