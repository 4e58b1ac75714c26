import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../api/contracts';
import { keyPrefixOf, type RecordBase, type RecordKind } from '../domain/records/record-type';
import type { GuardedPut } from './change-set';
import { decodeCursor, encodeCursor } from './cursor';
import { dynamo, tableName } from './dynamo-client';
import { listedUnderKeys, recordKeys } from './keys';
import { families } from './table-schema';

/**
 * The many-to-many lists (`RecordKind.listedUnder`): a deal under each of its contacts. The copies
 * are written in the record's own transaction, rewritten on every change (they carry its summary)
 * and removed from the records it leaves, so they never disagree with it.
 */
const entity = families.member.entity;

const ownerPk = <T extends RecordBase>(kind: RecordKind<T>, ownerId: string) => recordKeys(keyPrefixOf(kind.listedUnder!.type)).item(ownerId).pk;
const itemKey = <T extends RecordBase>(kind: RecordKind<T>, ownerId: string, record: T) =>
  listedUnderKeys.item(ownerPk(kind, ownerId), keyPrefixOf(kind.type), record.createdAt, record.id);

export function listedUnderChange<T extends RecordBase>(kind: RecordKind<T>, before: T | undefined, after: T): { puts: GuardedPut[]; deletes: { pk: string; sk: string }[] } {
  const under = kind.listedUnder;
  if (!under) return { puts: [], deletes: [] };
  const next = [...new Set(under.ids(after))];
  const summary = under.summary(after);
  return {
    puts: next.map((ownerId) => ({ item: { ...itemKey(kind, ownerId, after), entity, recordType: kind.type, ...summary } })),
    deletes: before ? [...new Set(under.ids(before))].filter((id) => !next.includes(id)).map((ownerId) => itemKey(kind, ownerId, before)) : [],
  };
}

/** The copies a record leaves behind when it stops being one (merged into another). */
export const listedUnderRemoval = <T extends RecordBase>(kind: RecordKind<T>, record: T): { pk: string; sk: string }[] =>
  kind.listedUnder ? [...new Set(kind.listedUnder.ids(record))].map((ownerId) => itemKey(kind, ownerId, record)) : [];

/** A page of the records of `kind` listed under `ownerId`, newest first: one Query. */
export async function listListedUnder<T extends RecordBase>(kind: RecordKind<T>, ownerId: string, page: { limit: number; cursor?: string }): Promise<Page<Record<string, unknown>>> {
  const result = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': ownerPk(kind, ownerId), ':prefix': listedUnderKeys.prefix(keyPrefixOf(kind.type)) },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, ['pk', 'sk']),
    }),
  );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return {
    items: (result.Items ?? []).map(({ pk: _pk, sk: _sk, entity: _entity, recordType: _type, ...summary }) => summary),
    ...(nextCursor ? { nextCursor } : {}),
  };
}

/** Whether a partition item is such a copy: a merge moves the rest of a partition, not these. */
export const isListedUnderItem = (sk: unknown): boolean => typeof sk === 'string' && sk.startsWith('MEMBER#');
