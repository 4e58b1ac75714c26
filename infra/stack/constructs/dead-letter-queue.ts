import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../acknowledge';

/**
 * Where deliveries that exhausted their retries end up (rule targets, schedules, async
 * invocations, stream batches), kept 14 days so that they can be inspected and redriven.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(this.queue, 'AwsSolutions-SQS3', 'This queue is itself a dead-letter queue (for EventBridge, Scheduler, Lambda async or stream failures); it needs no DLQ of its own.');
  }
}
