import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessRequest } from '../api/contracts';
import { dynamo, tableName } from './dynamo-client';
import { queryAll } from './query-all';
import { stripLayout } from './record-item';
import { families, indexes, indexKeyOf, keyOf } from './table-schema';

/**
 * Access requests: one item each, listed newest first on gsi1 (all, for admins) and gsi2 (by
 * requester). A guard item per requester holds the one open request, so a second is refused in
 * the same transaction that would write it.
 */
const keys = {
  item: (id: string) => keyOf('accessRequest', { id }),
  all: (createdAt: string, id: string) => indexKeyOf('accessRequest', 'gsi1', { createdAt, id }),
  byRequester: (userId: string, createdAt: string, id: string) => indexKeyOf('accessRequest', 'gsi2', { userId, createdAt, id }),
  openGuard: (userId: string) => keyOf('accessRequestOpen', { userId }),
};

/** False when the requester already has an open request. */
export async function putAccessRequest(request: AccessRequest): Promise<boolean> {
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.openGuard(request.requester.id), entity: families.accessRequestOpen.entity, requestId: request.id },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.item(request.id), ...keys.all(request.createdAt, request.id), ...keys.byRequester(request.requester.id, request.createdAt, request.id), entity: families.accessRequest.entity, ...request },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw error;
  }
}

export async function getAccessRequest(id: string): Promise<AccessRequest | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.item(id), ConsistentRead: true }));
  return Item ? stripLayout<AccessRequest>(Item) : undefined;
}

/** Records the decision on an open request and frees its requester's guard: false when it was decided meanwhile. */
export async function decideAccessRequest(decided: AccessRequest): Promise<boolean> {
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.item(decided.id),
              UpdateExpression: `SET #status = :status, decidedAt = :at, decidedBy = :by${decided.note ? ', note = :note' : ''}`,
              ConditionExpression: '#status = :open',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':status': decided.status, ':at': decided.decidedAt, ':by': decided.decidedBy, ':open': 'open', ...(decided.note ? { ':note': decided.note } : {}) },
            },
          },
          { Delete: { TableName: tableName(), Key: keys.openGuard(decided.requester.id) } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw error;
  }
}

/** Newest first; everyone's (admins) or one requester's. Bounded by a company's staff and their asks. */
export function listAccessRequests(requesterId?: string): Promise<AccessRequest[]> {
  return queryAll<AccessRequest>({
    TableName: tableName(),
    IndexName: requesterId ? indexes.gsi2 : indexes.gsi1,
    KeyConditionExpression: requesterId ? 'gsi2pk = :pk' : 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': requesterId ? keys.byRequester(requesterId, '', '').gsi2pk : keys.all('', '').gsi1pk },
    ScanIndexForward: false,
  });
}
