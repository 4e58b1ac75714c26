import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { defaultPipeline, type Pipeline } from '../domain/deals/pipeline';
import { dynamo, tableName } from './dynamo-client';
import { cachedSetting, forgetSetting } from './settings-cache';
import { queryAll } from './query-all';
import { conditionParams, mustHaveVersion, mustNotExist, stripLayout } from './record-item';
import { families, indexes, indexKeyOf, keyOf } from './table-schema';

/** Pipelines are settings: one item each, versioned; the default one exists until an admin replaces it. */
export type StoredPipeline = Pipeline & { version: number };

const pipelineKey = (id: string) => keyOf('pipeline', { id });

/** Read through the settings cache: every deal write checks its pipeline's stage rules. */
export function getPipeline(id: string): Promise<StoredPipeline | undefined> {
  return cachedSetting(`pipeline:${id}`, async () => {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: pipelineKey(id) }));
    if (Item) return stripLayout<StoredPipeline>(Item);
    return id === defaultPipeline.id ? { ...defaultPipeline, version: 0 } : undefined;
  });
}

export async function listPipelines(): Promise<StoredPipeline[]> {
  const stored = await queryAll<StoredPipeline>({
    TableName: tableName(),
    IndexName: indexes.gsi1,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': indexKeyOf('pipeline', 'gsi1', { id: '' }).gsi1pk },
  });
  return stored.some((p) => p.id === defaultPipeline.id) ? stored : [{ ...defaultPipeline, version: 0 }, ...stored];
}

/** Saves a pipeline as `version`; false when someone saved it in between (or it already exists). */
export async function putPipeline(pipeline: Pipeline, version: number): Promise<boolean> {
  const condition = version === 1 ? mustNotExist : mustHaveVersion(version - 1);
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...pipelineKey(pipeline.id), entity: families.pipeline.entity, ...indexKeyOf('pipeline', 'gsi1', { id: pipeline.id }), ...pipeline, version },
        ...conditionParams(condition),
      }),
    );
    forgetSetting(`pipeline:${pipeline.id}`);
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
