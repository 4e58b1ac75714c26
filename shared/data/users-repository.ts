import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { UserSummary } from '../api/contracts';
import { dynamo, tableName } from './dynamo-client';
import { queryAll } from './query-all';
import { entities, userKeys } from './keys';
import { stripLayout } from './record-item';

/** User profiles, mirrored from Cognito at sign-in so records can name and notify their owners. */

export async function getUser(id: string): Promise<UserSummary | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: userKeys.item(id) }));
  return Item ? stripLayout<UserSummary>(Item) : undefined;
}

export async function putUser(user: UserSummary): Promise<void> {
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...userKeys.item(user.id), entity: entities.user, ...userKeys.collection(user.email), ...user },
    }),
  );
}

/** Every user, by email. Bounded by the size of a company's staff, read in pages of 100. */
export function listUsers(): Promise<UserSummary[]> {
  return queryAll<UserSummary>({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': userKeys.collection('').gsi1pk },
  });
}
