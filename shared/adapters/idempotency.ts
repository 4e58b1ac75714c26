import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { env } from '../config/runtime-env';
import { idempotencyPartition } from '../data/keys';

/**
 * EventBridge and the scheduler deliver at least once; consumers record what they handled in the
 * app's own table (Powertools idempotency), keyed per consumer, expiring through the table's TTL.
 */
export function idempotencyFor(consumerId: string, eventKeyJmesPath: string) {
  return {
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: env('tableName'),
      keyAttr: 'pk',
      sortKeyAttr: 'sk',
      staticPkValue: idempotencyPartition(consumerId),
      expiryAttr: 'expiresAt',
    }),
    config: new IdempotencyConfig({ eventKeyJmesPath, expiresAfterSeconds: 7 * 24 * 3600 }),
  };
}
