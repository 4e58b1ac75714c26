import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  UpdateTableCommand,
  type CreateTableCommandInput,
  type KeySchemaElement,
  type UpdateTableCommandInput,
  type Projection,
  type DynamoDBClient,
  type UpdateTimeToLiveCommandInput,
} from '@aws-sdk/client-dynamodb';
import { nextIndexStep, type IndexStep } from '../definition/table-indexes';
import type { IndexDef, TableDef } from '../definition/types';

/** The CreateTable request for the app's table, derived from the definition and nothing else. */
export function createTableInput(tableName: string, table: TableDef): CreateTableCommandInput {
  const keyNames = new Set([table.partitionKey, table.sortKey, ...table.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey])]);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...keyNames].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: table.globalIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(index),
      Projection: projectionOf(index),
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream },
  };
}

/** An index's projection as DynamoDB's API spells it. */
export function projectionOf(index: IndexDef): Projection {
  const { projection } = index;
  return projection.type === 'INCLUDE' ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...projection.attributes] } : { ProjectionType: projection.type };
}

/** The UpdateTimeToLive request that switches on expiry by the definition's TTL attribute. */
export function timeToLiveInput(tableName: string, table: TableDef): UpdateTimeToLiveCommandInput {
  return { TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: table.timeToLiveAttribute } };
}

/**
 * Creates the table (and its TTL setting) unless it exists; returns whether it was created. A table
 * an earlier release made gets this release's indexes, one step at a time as on AWS
 * (infra/definition/table-indexes.ts); `onStep` hears each.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, table: TableDef, onStep?: (step: IndexStep) => void): Promise<boolean> {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName, table)));
  } catch (error) {
    if (error instanceof ResourceInUseException) {
      await convergeIndexes(client, tableName, table, onStep);
      return false;
    }
    throw error;
  }
  await client.send(new UpdateTimeToLiveCommand(timeToLiveInput(tableName, table)));
  await client.send(new DescribeTableCommand({ TableName: tableName }));
  return true;
}

/** The table's indexes by name, once none is being built or deleted. */
async function settledIndexes(client: DynamoDBClient, tableName: string): Promise<string[]> {
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexes = Table?.GlobalSecondaryIndexes ?? [];
    if (indexes.every((index) => index.IndexStatus === undefined || index.IndexStatus === 'ACTIVE')) return indexes.map((index) => index.IndexName!);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function convergeIndexes(client: DynamoDBClient, tableName: string, table: TableDef, onStep?: (step: IndexStep) => void): Promise<void> {
  for (let step = nextIndexStep(await settledIndexes(client, tableName), table.globalIndexes); step; step = nextIndexStep(await settledIndexes(client, tableName), table.globalIndexes)) {
    onStep?.(step);
    const update: UpdateTableCommandInput =
      'create' in step
        ? {
            TableName: tableName,
            AttributeDefinitions: [step.create.partitionKey, step.create.sortKey].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
            GlobalSecondaryIndexUpdates: [{ Create: { IndexName: step.create.name, KeySchema: keySchema(step.create), Projection: projectionOf(step.create) } }],
          }
        : { TableName: tableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: step.delete } }] };
    await client.send(new UpdateTableCommand(update));
  }
}

const keySchema = (index: IndexDef): KeySchemaElement[] => [
  { AttributeName: index.partitionKey, KeyType: 'HASH' },
  { AttributeName: index.sortKey, KeyType: 'RANGE' },
];
