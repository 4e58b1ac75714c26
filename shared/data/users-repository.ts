import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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

/** Writes the profile fields, keeping what else the item holds (`disabledAt`, set by admins). */
export async function putUser(user: UserSummary): Promise<void> {
  const fields: Record<string, unknown> = { entity: entities.user, ...userKeys.collection(user.email), ...user };
  const names = Object.fromEntries(Object.keys(fields).map((key, i) => [`#f${i}`, key]));
  const values = Object.fromEntries(Object.values(fields).map((value, i) => [`:f${i}`, value]));
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: userKeys.item(user.id),
      UpdateExpression: `SET ${Object.keys(fields).map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/** Disables or enables a user: a disabled user's every next request is refused (see the audit write). */
export async function setUserDisabled(id: string, disabledAt: string | undefined): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: userKeys.item(id),
        UpdateExpression: disabledAt ? 'SET disabledAt = :at' : 'REMOVE disabledAt',
        ConditionExpression: 'attribute_exists(pk)',
        ...(disabledAt ? { ExpressionAttributeValues: { ':at': disabledAt } } : {}),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
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
