import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TimelineEntry } from '../api/contracts';
import type { DomainEvent } from '../events/contracts';
import type { ExportJob } from '../domain/exports/export-job';
import { commitChange } from './change-set';
import { dynamo, tableName } from './dynamo-client';
import { mustHaveVersion, mustNotExist, stripLayout } from './record-item';
import { families, keyOf } from './table-schema';

/** Export jobs (REC-11): one item each, kept a week (the file's own lifetime in the store). */
export const exportKeys = { item: (id: string) => keyOf('export', { id }) };

const weekSeconds = 7 * 24 * 3600;

export async function getExport(id: string): Promise<ExportJob | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: exportKeys.item(id), ConsistentRead: true }));
  return Item ? stripLayout<ExportJob>(Item) : undefined;
}

/** Saves the job if unchanged since `before`, with its timeline entry and the events that set the work going. */
export async function saveExport(job: ExportJob, before: ExportJob | undefined, entry: TimelineEntry, events: DomainEvent[] = []): Promise<void> {
  const expiresAt = Math.floor(Date.parse(job.createdAt) / 1000) + weekSeconds;
  await commitChange({
    puts: [{ item: { ...exportKeys.item(job.id), entity: families.export.entity, ...job, expiresAt }, condition: before ? mustHaveVersion(before.version) : mustNotExist }],
    history: [{ recordPk: exportKeys.item(job.id).pk, entry }],
    events,
  });
}
