import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './dynamo-client';
import { keyOf } from './table-schema';

/** Whether the table answers: one GetItem of a key nothing writes (the cheapest read there is); throws when it does not. */
export async function pingTable(): Promise<void> {
  await dynamo().send(new GetCommand({ TableName: tableName(), Key: keyOf('health', {}) }));
}
