import { Duration, Tags } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventSourceMapping, FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import type { StreamConsumerDef, StreamFilter } from '../../definition/types';
import type { AppFunctions } from './app-functions';
import { DeadLetterQueue } from './dead-letter-queue';
import { delivery } from '../../definition/delivery';

/** Tag on each event source mapping carrying the StreamConsumerDef id. */
export const streamConsumerTag = 'crm:stream-consumer';

/** The one filter a stream consumer gets: its kinds of write, of items whose `entity` is one of its entities. */
export const streamFilterPattern = (filter: StreamFilter) => ({
  eventName: FilterRule.or(...filter.eventNames),
  dynamodb: { NewImage: { entity: { S: FilterRule.or(...filter.entities) } } },
});

/**
 * One event source mapping per StreamConsumerDef on the table's stream (the outbox publisher):
 * filtered by Lambda's poller so the function only wakes for its entity, partial batch replies,
 * bisect on error, bounded retries, and a pointer to a batch that kept failing kept in SQS
 * (the outbox items themselves stay in the table, so they can be republished).
 */
export class StreamConsumers extends Construct {
  constructor(scope: Construct, id: string, props: { consumers: readonly StreamConsumerDef[]; table: TableV2; functions: AppFunctions }) {
    super(scope, id);
    const streamArn = props.table.tableStreamArn;
    if (!streamArn) throw new Error('Stream consumers need the table stream; set table.stream in the app definition');

    for (const def of props.consumers) {
      const fn = props.functions.get(def.function);
      const failures = new DeadLetterQueue(this, `${def.id}-failures`);
      const mapping = new EventSourceMapping(this, def.id, {
        target: fn,
        eventSourceArn: streamArn,
        // From the oldest record still in the stream: nothing written before the mapping existed is skipped.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: def.batchSize,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: delivery.streamBatchRetries,
        onFailure: new SqsDlq(failures.queue),
        filters: [FilterCriteria.filter(streamFilterPattern(def.filter))],
      });
      props.table.grantStreamRead(fn);
      Tags.of(mapping).add(streamConsumerTag, def.id);
    }
  }
}
