import { beforeAll, describe, expect, it } from 'vitest';
import { recordShard } from '../../shared/data/keys';
import { listRecords, recordItem } from '../../shared/data/records-repository';
import { DomainError } from '../../shared/domain/common/errors';
import { leadKind, listLeadsQuerySchema, type Lead } from '../../shared/domain/leads/lead';
import { listRecordsQuerySchema } from '../../shared/domain/records/record-list';
import { putRecordItem } from '../support/table-items';

/**
 * A record type's lists are spread over shards (issue 14 §1); a page merges them. Paging through
 * any page size, either direction, with or without a filter, gives every record once, in order.
 */
const leads: Lead[] = Array.from({ length: 37 }, (_, i) => ({
  id: `01KSHARD${String(i).padStart(18, '0')}`,
  lastName: `Шардов ${i}`,
  ownerId: i % 3 === 0 ? 'owner-a' : 'owner-b',
  status: i % 4 === 0 ? 'qualified' : 'new',
  source: { channel: i % 2 === 0 ? 'phone' : 'web-form' },
  submissionCount: 0,
  createdAt: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
  createdBy: 'owner-a',
  updatedAt: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
  version: 1,
})) as Lead[];

beforeAll(async () => {
  for (const lead of leads) await putRecordItem(recordItem(leadKind, lead));
});

async function walk(query: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const page = await listRecords(leadKind, listLeadsQuerySchema.parse({ ...query, ...(cursor ? { cursor } : {}) }));
    ids.push(...page.items.map((l) => l.id));
    cursor = page.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error('the cursor never ended');
}

const ordered = (list: Lead[], newestFirst: boolean) => [...list].sort((a, b) => (newestFirst ? -1 : 1) * a.createdAt.localeCompare(b.createdAt)).map((l) => l.id);

describe('a list spread over shards', () => {
  it('spreads the records over every shard', () => {
    expect(leadKind.listShards).toBe(4);
    expect(new Set(leads.map((l) => recordShard(l.id, 4))).size).toBe(4);
  });

  it.each(['1', '5', '7', '25', '100'])('pages through every record once, newest first, %s at a time', async (limit) => {
    expect(await walk({ limit })).toEqual(ordered(leads, true));
  });

  it('pages oldest first, and by owner and by status from their own shards', async () => {
    expect(await walk({ limit: '6', sort: 'createdAt' })).toEqual(ordered(leads, false));
    expect(await walk({ limit: '4', ownerId: 'owner-a' })).toEqual(ordered(leads.filter((l) => l.ownerId === 'owner-a'), true));
    expect(await walk({ limit: '4', status: 'qualified' })).toEqual(ordered(leads.filter((l) => l.status === 'qualified'), true));
  });

  it('applies a filter to each shard and still misses nothing', async () => {
    const phone = leads.filter((l) => l.source.channel === 'phone' && l.status === 'new');
    expect(await walk({ limit: '3', status: 'new', channel: 'phone' })).toEqual(ordered(phone, true));
  });

  it('refuses a cursor it did not make', async () => {
    const page = await listRecords(leadKind, listRecordsQuerySchema.parse({ limit: '5' }));
    const forged = Buffer.from(JSON.stringify([null, 0])).toString('base64url');
    await expect(listRecords(leadKind, listRecordsQuerySchema.parse({ limit: '5', cursor: forged }))).rejects.toBeInstanceOf(DomainError);
    await expect(listRecords(leadKind, listRecordsQuerySchema.parse({ limit: '5', cursor: 'not-json' }))).rejects.toBeInstanceOf(DomainError);
    expect(page.nextCursor).toBeDefined();
  });
});
