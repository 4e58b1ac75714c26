import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { app } from '../../../infra/definition/app';
import { indexesAfter } from '../../../infra/definition/table-indexes';
import { createTableInput, ensureTable } from '../../../infra/local/table';
import { indexes, retiredIndexes } from '../../../shared/data/table-schema';

/** A data folder of an earlier release has its indexes: `npm start` moves it to this release's. */
const client = new DynamoDBClient({});
const tableName = `crm-old-indexes-${Date.now()}`;

afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
  client.destroy();
});

describe('a table made with the previous release’s indexes', () => {
  it('gets this release’s indexes, one step at a time, and its items are found through them', async () => {
    const oldIndexes = indexesAfter(retiredIndexes.map((i) => i.indexName), app.table.globalIndexes, undefined);
    await client.send(new CreateTableCommand(createTableInput(tableName, { ...app.table, globalIndexes: oldIndexes })));
    const documents = DynamoDBDocumentClient.from(client);
    await documents.send(new PutCommand({ TableName: tableName, Item: { pk: 'LEAD#1', sk: 'LEAD', gsi1pk: 'LEADS', gsi1sk: 't#1', ownerId: 'u1', status: 'new', phone: '+79161234567' } }));

    const steps: string[] = [];
    expect(await ensureTable(client, tableName, app.table, (step) => steps.push('create' in step ? `+${step.create.name}` : `-${step.delete}`))).toBe(false);
    expect(steps).toHaveLength(10);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const described = Table!.GlobalSecondaryIndexes!.map((i) => ({ name: i.IndexName, projection: i.Projection?.ProjectionType, attributes: [...(i.Projection?.NonKeyAttributes ?? [])].sort() }));
    expect(described.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual(
      app.table.globalIndexes.map((i) => ({ name: i.name, projection: i.projection.type, attributes: i.projection.type === 'INCLUDE' ? [...i.projection.attributes].sort() : [] })),
    );
    // The item written before is in the new index, with only the projected attributes.
    const { Items } = await documents.send(new QueryCommand({ TableName: tableName, IndexName: indexes.gsi1, KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'LEADS' } }));
    expect(Items).toEqual([{ pk: 'LEAD#1', sk: 'LEAD', gsi1pk: 'LEADS', gsi1sk: 't#1', ownerId: 'u1', status: 'new' }]);
    // A second start finds nothing to do.
    steps.length = 0;
    await ensureTable(client, tableName, app.table, (step) => steps.push(JSON.stringify(step)));
    expect(steps).toEqual([]);
  });
});
