import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from './dynamo-client';
import { queryIndexAll } from './index-query';
import { stripLayout } from './record-item';

/**
 * Every page of a Query, for collections bounded by nature (a company's users and forms) or
 * read by background jobs. Request paths that can grow use one page and a cursor instead. On an
 * index, the items are read by key (index-query.ts).
 */
export async function queryAll<T>(input: QueryCommandInput): Promise<T[]> {
  if (input.IndexName) return (await queryIndexAll({ ...input, IndexName: input.IndexName })).map((item) => stripLayout<T>(item));
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []).map((item) => stripLayout<T>(item)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
