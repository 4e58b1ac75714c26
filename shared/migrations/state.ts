import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../data/dynamo-client';
import { families, keyOf } from '../data/table-schema';

/**
 * The runner's state, kept in the table beside the data it moves (the `migration` and
 * `schemaVersion` families): a run that dies — a crash, a Lambda's time limit — is continued by
 * the next from each Scan segment's last saved cursor.
 */
export interface SegmentState {
  /** The Scan's next start (its LastEvaluatedKey); absent at the start and once done. */
  cursor?: Record<string, unknown>;
  done: boolean;
  scanned: number;
  changed: number;
}

export interface DryRunReport {
  at: string;
  complete: boolean;
  scanned: number;
  wouldChange: number;
  /** A few of the items that would change: their key, the attributes before and after, and how many derived items would be put and deleted. */
  sample: DryRunSample[];
}

export interface DryRunSample {
  pk: string;
  sk: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  puts: number;
  deletes: number;
}

export interface MigrationState {
  id: string;
  version: number;
  description: string;
  status?: 'running' | 'done';
  segments?: SegmentState[];
  scanned?: number;
  changed?: number;
  /** Writes tried again after their condition failed (a concurrent edit, re-read and migrated again). */
  retried?: number;
  startedAt?: string;
  finishedAt?: string;
  updatedAt?: string;
  dryRun?: DryRunReport;
}

/** `#name` placeholders for every attribute an expression names: none of DynamoDB's reserved words can bite. */
const names = (...attributes: string[]): Record<string, string> => Object.fromEntries(attributes.map((a) => [`#${a}`, a]));

const stateKey = (id: string) => keyOf('migration', { id });
const versionKey = () => keyOf('schemaVersion', {});

export async function readState(id: string): Promise<MigrationState | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: stateKey(id), ConsistentRead: true }));
  return Item as MigrationState | undefined;
}

/** Starts (or restarts after a crash, keeping its cursors) a migration's run. */
export async function startState(state: Pick<MigrationState, 'id' | 'version' | 'description'>, segments: number, now: string): Promise<MigrationState> {
  const fresh: SegmentState[] = Array.from({ length: segments }, () => ({ done: false, scanned: 0, changed: 0 }));
  const { Attributes } = await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: stateKey(state.id),
      // The cursors and counts of a run that died are kept; a first run gets fresh ones.
      UpdateExpression:
        'SET #entity = :entity, #id = :id, #version = :version, #description = :description, #status = :running, #segments = if_not_exists(#segments, :segments), #scanned = if_not_exists(#scanned, :zero), #changed = if_not_exists(#changed, :zero), #retried = if_not_exists(#retried, :zero), #startedAt = if_not_exists(#startedAt, :now), #updatedAt = :now',
      ExpressionAttributeNames: names('entity', 'id', 'version', 'description', 'status', 'segments', 'scanned', 'changed', 'retried', 'startedAt', 'updatedAt'),
      ExpressionAttributeValues: {
        ':entity': families.migration.entity,
        ':id': state.id,
        ':version': state.version,
        ':description': state.description,
        ':running': 'running',
        ':segments': fresh,
        ':zero': 0,
        ':now': now,
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return Attributes as MigrationState;
}

/** A segment's page is done: its cursor moves on and the counts grow, in one write. */
export async function saveSegment(id: string, segment: number, next: SegmentState, page: { scanned: number; changed: number; retried: number }, now: string): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: stateKey(id),
      UpdateExpression: `SET #segments[${segment}] = :segment, #updatedAt = :now ADD #scanned :scanned, #changed :changed, #retried :retried`,
      ExpressionAttributeNames: names('segments', 'updatedAt', 'scanned', 'changed', 'retried'),
      ExpressionAttributeValues: { ':segment': next, ':now': now, ':scanned': page.scanned, ':changed': page.changed, ':retried': page.retried },
    }),
  );
}

export async function finishState(id: string, version: number, now: string): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: stateKey(id),
      UpdateExpression: 'SET #status = :done, #finishedAt = :now, #updatedAt = :now',
      ExpressionAttributeNames: names('status', 'finishedAt', 'updatedAt'),
      ExpressionAttributeValues: { ':done': 'done', ':now': now },
    }),
  );
  // The version only moves forward: an older runner finishing late does not take it back.
  await dynamo()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: versionKey(),
        UpdateExpression: 'SET #entity = :entity, #version = :version, #migrationId = :id, #updatedAt = :now',
        ConditionExpression: 'attribute_not_exists(#version) OR #version < :version',
        ExpressionAttributeNames: names('entity', 'version', 'migrationId', 'updatedAt'),
        ExpressionAttributeValues: { ':entity': families.schemaVersion.entity, ':version': version, ':id': id, ':now': now },
      }),
    )
    .catch((error: unknown) => {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    });
}

/** A dry run writes this report and nothing else. */
export async function saveDryRun(state: Pick<MigrationState, 'id' | 'version' | 'description'>, report: DryRunReport): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: stateKey(state.id),
      UpdateExpression: 'SET #entity = :entity, #id = :id, #version = :version, #description = :description, #dryRun = :report',
      ExpressionAttributeNames: names('entity', 'id', 'version', 'description', 'dryRun'),
      ExpressionAttributeValues: { ':entity': families.migration.entity, ':id': state.id, ':version': state.version, ':description': state.description, ':report': report },
    }),
  );
}

/** The schema version the data has reached (0 before any migration). */
export async function schemaVersion(): Promise<number> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: versionKey(), ConsistentRead: true }));
  return typeof Item?.version === 'number' ? Item.version : 0;
}
