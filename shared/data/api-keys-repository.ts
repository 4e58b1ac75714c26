import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiKeySummary, TimelineActor } from '../api/contracts';
import { dynamo, tableName } from './dynamo-client';
import { queryAll } from './query-all';
import { stripLayout } from './record-item';
import { families, indexes, indexKeyOf, keyOf } from './table-schema';

/** API keys: one item each (`APIKEY#<id>`), listed on gsi1 in creation order. The item holds the secret's hash, never the secret. */
export const apiKeyKeys = {
  item: (id: string) => keyOf('apiKey', { id }),
  collection: (createdAt: string, id: string) => indexKeyOf('apiKey', 'gsi1', { createdAt, id }),
};

export type StoredApiKey = ApiKeySummary & { secretHash: string };

export async function putApiKey(key: StoredApiKey): Promise<void> {
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...apiKeyKeys.item(key.id), ...apiKeyKeys.collection(key.createdAt, key.id), entity: families.apiKey.entity, ...key },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** Strongly consistent: a key revoked a moment ago must not pass. */
export async function getApiKey(id: string): Promise<StoredApiKey | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: apiKeyKeys.item(id), ConsistentRead: true }));
  return Item ? stripLayout<StoredApiKey>(Item) : undefined;
}

export async function listApiKeys(): Promise<ApiKeySummary[]> {
  const items = await queryAll<StoredApiKey>({
    TableName: tableName(),
    IndexName: indexes.gsi1,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': apiKeyKeys.collection('', '').gsi1pk },
    ScanIndexForward: false,
  });
  return items.map(({ secretHash: _hash, ...key }) => key);
}

/** Revokes the key: false when there is no such key or it was revoked already. */
export async function revokeApiKey(id: string, at: string, by: TimelineActor): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: apiKeyKeys.item(id),
        UpdateExpression: 'SET revokedAt = :at, revokedBy = :by',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
        ExpressionAttributeValues: { ':at': at, ':by': by },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
