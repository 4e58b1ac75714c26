import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { UserSummary } from '../api/contracts';
import { dynamo, tableName } from './dynamo-client';
import { queryAll } from './query-all';
import { entities, userKeys } from './keys';
import { rolesKey } from '../domain/audit/caller-standing';
import { stripLayout } from './record-item';
import { indexes } from './table-schema';

/** User profiles, mirrored from Cognito at sign-in so records can name and notify their owners. */

export async function getUser(id: string): Promise<UserSummary | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: userKeys.item(id) }));
  return Item ? toSummary(Item) : undefined;
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

/** The directory entry of a user just invited (ACC-5): false when the id is already there. */
export async function createUser(user: UserSummary): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...userKeys.item(user.id), entity: entities.user, ...userKeys.collection(user.email), ...user },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}


/**
 * New roles for a user. `rolesKey` makes every token with other groups stale, whenever it was
 * issued: the audit write refuses a token whose groups are not the stored roles (ADR 0013), and
 * the web app fetches a fresh token with the new groups. `rolesChangedAt` (epoch seconds) says when.
 */
export async function setUserRoles(id: string, roles: readonly string[], changedAt: Date): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: userKeys.item(id),
        UpdateExpression: 'SET #roles = :roles, rolesKey = :key, rolesChangedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: { ':roles': [...roles], ':key': rolesKey(roles), ':at': Math.floor(changedAt.getTime() / 1000) },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
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
export async function listUsers(): Promise<UserSummary[]> {
  const items = await queryAll<Record<string, unknown>>({
    TableName: tableName(),
    IndexName: indexes.gsi1,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': userKeys.collection('').gsi1pk },
  });
  return items.map(toSummary);
}

/** The item without its keys and bookkeeping (`rolesKey`, `rolesChangedAt` are for the token check only). */
function toSummary(item: Record<string, unknown>): UserSummary {
  const { rolesChangedAt: _changed, rolesKey: _key, ...user } = stripLayout<UserSummary & { rolesChangedAt?: number; rolesKey?: string }>(item);
  return user;
}
