import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type Projection,
  type DynamoDBClient,
  type UpdateTimeToLiveCommandInput,
} from '@aws-sdk/client-dynamodb';
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
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
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

/** Creates the table (and its TTL setting) unless it exists; returns whether it was created. */
export async function ensureTable(client: DynamoDBClient, tableName: string, table: TableDef): Promise<boolean> {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName, table)));
  } catch (error) {
    if (error instanceof ResourceInUseException) return false;
    throw error;
  }
  await client.send(new UpdateTimeToLiveCommand(timeToLiveInput(tableName, table)));
  await client.send(new DescribeTableCommand({ TableName: tableName }));
  return true;
}
