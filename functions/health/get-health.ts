import middy from '@middy/core';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../../shared/data/dynamo-client';
import { json } from '../http/responses';

/** Public health check: the function runs and its table answers (one cheap GetItem). */
export const handler = middy().handler(async () => {
  try {
    await dynamo().send(new GetCommand({ TableName: tableName(), Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
    return json(200, { status: 'ok', checks: { table: 'ok' } });
  } catch {
    return json(503, { status: 'unavailable', checks: { table: 'failing' } });
  }
});
