import { keyPrefixOf, type RecordBase, type RecordKind, type RecordLink } from '../domain/records/record-type';
import { tableName } from './dynamo-client';
import { recordKeys } from './keys';
import { queryAll } from './query-all';
import { indexes } from './table-schema';

/**
 * Every record of `child`'s type under `parent` (gsi4), all pages: for background work bounded by
 * one parent's children (a merge re-pointing them), not for request paths that can grow.
 */
export function allChildrenUnder(child: RecordKind<RecordBase>, parent: RecordLink): Promise<RecordBase[]> {
  const gsi4pk = recordKeys(keyPrefixOf(child.type)).byParent(recordKeys(keyPrefixOf(parent.type)).item(parent.id).pk, '', '').gsi4pk;
  return queryAll<RecordBase>({ TableName: tableName(), IndexName: indexes.gsi4, KeyConditionExpression: 'gsi4pk = :pk', ExpressionAttributeValues: { ':pk': gsi4pk } });
}
