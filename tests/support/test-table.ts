import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, inject } from 'vitest';
import { app } from '../../infra/definition/app';
import { ensureTable } from '../../infra/local/table';
import { localTestEnv } from './local-env';

/**
 * Runs before every integration test file: points the AWS SDK at the shared DynamoDB Local, SES
 * emulator and cognito-local, and gives the file a table of its own, created from the app definition.
 */
const tableName = `crm-test-${randomUUID().slice(0, 8)}`;
Object.assign(
  process.env,
  localTestEnv({ dynamoEndpoint: inject('dynamoEndpoint'), tableName, sesEndpoint: inject('sesEndpoint'), cognitoEndpoint: inject('cognitoEndpoint'), userPoolId: inject('userPoolId') }),
);

const client = new DynamoDBClient({});

beforeAll(async () => {
  await ensureTable(client, tableName, app.table);
});

afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
  client.destroy();
});
