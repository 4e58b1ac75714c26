import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { env } from '../config/runtime-env';
import { dynamo, tableName } from '../data/dynamo-client';
import { idempotencyKey, spreadShard } from '../data/keys';
import { keyOf } from '../data/table-schema';

/**
 * EventBridge and the scheduler deliver at least once; consumers record what they handled in the
 * app's own table (Powertools idempotency), keyed per consumer, expiring through the table's TTL.
 */
const keptSeconds = 7 * 24 * 3600;

/**
 * Powertools' DynamoDB layer with a table sort key puts all of a consumer's records in one
 * partition; a burst of captures would write it twice per lead. The records are only ever read by
 * key, so they are spread over 16 partitions by their own hashed key (table-schema `idempotency`).
 */
class SpreadPersistenceLayer extends DynamoDBPersistenceLayer {
  constructor(private readonly consumerId: string) {
    super({ tableName: env('tableName'), keyAttr: 'pk', sortKeyAttr: 'sk', expiryAttr: 'expiresAt' });
  }

  protected override getKey(hashedKey: string): Record<string, AttributeValue> {
    return marshall(idempotencyKey(this.consumerId, hashedKey));
  }
}

export function idempotencyFor(consumerId: string, eventKeyJmesPath: string) {
  return {
    persistenceStore: new SpreadPersistenceLayer(consumerId),
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
        Key: keyOf('idempotencyVersion', { consumer: consumerId, shard: spreadShard(recordKey), recordKey }),
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
