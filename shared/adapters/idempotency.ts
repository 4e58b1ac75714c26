import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { env } from '../config/runtime-env';
import { dynamo, tableName } from '../data/dynamo-client';
import { idempotencyPartition } from '../data/keys';
import { keyOf } from '../data/table-schema';

/**
 * EventBridge and the scheduler deliver at least once; consumers record what they handled in the
 * app's own table (Powertools idempotency), keyed per consumer, expiring through the table's TTL.
 */
const keptSeconds = 7 * 24 * 3600;

export function idempotencyFor(consumerId: string, eventKeyJmesPath: string) {
  return {
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: env('tableName'),
      keyAttr: 'pk',
      sortKeyAttr: 'sk',
      staticPkValue: idempotencyPartition(consumerId),
      expiryAttr: 'expiresAt',
    }),
    config: new IdempotencyConfig({ eventKeyJmesPath, expiresAfterSeconds: keptSeconds }),
  };
}

/**
 * The newest version of a record a consumer has taken (ADR 0018): raised to `version` unless a
 * newer one was taken already, in one conditional write. False: the event is older than what the
 * consumer has, and is to be ignored. The same version passes again (two events of one change, a
 * retry after a failure). Kept as long as idempotency records: the bus gives up on an event long
 * before.
 */
export async function takeVersion(consumerId: string, recordKey: string, version: number, now: Date): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keyOf('idempotencyVersion', { consumer: consumerId, recordKey }),
        UpdateExpression: 'SET #version = :version, expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(#version) OR #version <= :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': version, ':expiresAt': Math.floor(now.getTime() / 1000) + keptSeconds },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
