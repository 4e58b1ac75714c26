import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TimelineEntry } from '../api/contracts';
import type { Attachment } from '../domain/attachments/attachment';
import type { DomainEvent } from '../events/contracts';
import { keyPrefixOf, type RecordLink } from '../domain/records/record-type';
import { commitChange } from './change-set';
import { dynamo, tableName } from './dynamo-client';
import { recordKeys } from './keys';
import type { Condition } from './record-item';
import { stripLayout } from './record-item';
import { families, keyOf } from './table-schema';

/** Attachments in their record's partition (`ATTACHMENT#<id>`): listed with one Query, moved with the record on a merge. */
const recordPk = (record: RecordLink) => recordKeys(keyPrefixOf(record.type)).item(record.id).pk;
export const attachmentKeys = {
  item: (record: RecordLink, id: string) => keyOf('attachment', { recordPk: recordPk(record), id }),
  prefix: 'ATTACHMENT#',
};

export async function getAttachment(record: RecordLink, id: string): Promise<Attachment | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: attachmentKeys.item(record, id), ConsistentRead: true }));
  return Item ? stripLayout<Attachment>(Item) : undefined;
}

/** A record's stored attachments, newest first (ids are time-ordered). */
export async function listAttachments(record: RecordLink): Promise<Attachment[]> {
  const { Items = [] } = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: '#status = :stored',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': recordPk(record), ':prefix': attachmentKeys.prefix, ':stored': 'stored' },
      ScanIndexForward: false,
    }),
  );
  return Items.map((item) => stripLayout<Attachment>(item));
}

/** The attachment item, guarded by a condition on its stored state, with the record's timeline entry and events in one transaction. */
export async function saveAttachment(attachment: Attachment, condition: Condition, entry?: TimelineEntry, events: DomainEvent[] = []): Promise<void> {
  await commitChange({
    puts: [{ item: { ...attachmentKeys.item(attachment.record, attachment.id), entity: families.attachment.entity, ...attachment }, condition }],
    history: entry ? [{ recordPk: recordPk(attachment.record), entry }] : [],
    events,
  });
}

