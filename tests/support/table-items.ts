import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../../shared/data/dynamo-client';

/** The audit trail's own items, written on every call by design (ACC-4). */
const isAudit = (item: Record<string, unknown>) => item.entity === 'AUDIT' || item.entity === 'USAGE';

/** Everything in the test file's table but the audit trail, for asserting what was (not) written. Tests only. */
export async function allItems(): Promise<Record<string, unknown>[]> {
  return (await tableItems()).filter((item) => !isAudit(item));
}

/** The audit trail's entries, oldest first. Tests only. */
export async function auditItems(): Promise<Record<string, unknown>[]> {
  return (await tableItems()).filter((item) => item.entity === 'AUDIT').sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
}

/** The usage view's day counters. Tests only. */
export async function usageItems(): Promise<Record<string, unknown>[]> {
  return (await tableItems()).filter((item) => item.entity === 'USAGE');
}

async function tableItems(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Items that are part of records (not rate-limit counters or idempotency marks). */
export async function recordItems(): Promise<Record<string, unknown>[]> {
  return (await allItems()).filter((i) => !['RATE_LIMIT'].includes(String(i.entity)) && !String(i.pk).startsWith('IDEMPOTENCY#'));
}

export const byEntity = (items: Record<string, unknown>[], entity: string) => items.filter((i) => i.entity === entity);

/** Puts an item back as it was, to replay what a crashed run left behind. Tests only. */
export async function putRecordItem(item: Record<string, unknown>): Promise<void> {
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: item }));
}
