import { describe, expect, it } from 'vitest';
import { listAudit, usageIn } from '../../shared/data/audit-repository';
import { auditQuerySchema, usageQuerySchema } from '../../shared/domain/audit/audit-entry';
import { defaultMigrationContext } from '../../shared/migrations/context';
import { auditDayShards } from '../../shared/migrations/0005-audit-day-shards';
import { runMigrations } from '../../shared/migrations/runner';
import { auditItems, putRecordItem, usageItems } from '../support/table-items';

/**
 * Migration 0005 (issue 14 §1): the trail written by the previous release, one partition a day,
 * is read by the day view again once moved into the day's shards; counters merge with those the
 * new code started for the same user, query and day.
 */
const day = '2026-11-30';
const now = new Date('2026-12-01T09:00:00Z');
const entry = (i: number) => ({
  pk: `AUDIT#${day}`,
  sk: `${day}T10:0${i}:00.000Z#01KAUDITOLD00000000000000${i}`,
  gsi1pk: 'AUDIT#ACTOR#old-user',
  gsi1sk: `${day}T10:0${i}:00.000Z#01KAUDITOLD00000000000000${i}`,
  entity: 'AUDIT',
  id: `01KAUDITOLD00000000000000${i}`,
  at: `${day}T10:0${i}:00.000Z`,
  actor: { type: 'user', id: 'old-user', name: 'old@example.ru' },
  action: 'read',
  subject: 'lead',
  route: 'GET /api/leads/{leadId}',
  outcome: 'allowed',
  sourceIp: '203.0.113.7',
  expiresAt: 1_900_000_000,
});
const counter = (pk: string, count: number) => ({ pk, sk: 'old-user#hashOfTheQuery000000', entity: 'USAGE', actorId: 'old-user', route: 'GET /api/leads', query: { status: 'new' }, count, lastAt: `${day}T11:00:00.000Z`, expiresAt: 1_900_000_000 });

describe('the audit trail of the previous release', () => {
  it('moves into its day’s shards, found by the day view, its counters merged, and a second run changes nothing', async () => {
    for (let i = 0; i < 6; i++) await putRecordItem(entry(i));
    await putRecordItem(counter(`USAGE#${day}`, 4));
    const moved = (await runMigrations({ migrations: [auditDayShards], context: defaultMigrationContext })).outcomes[0]!;
    expect(moved).toMatchObject({ status: 'done', changed: 7 });

    const page = await listAudit(auditQuerySchema.parse({ from: day, to: day, limit: 50 }), now);
    expect(page.items.map((e) => e.id)).toEqual([5, 4, 3, 2, 1, 0].map((i) => `01KAUDITOLD00000000000000${i}`));
    const byActor = await listAudit(auditQuerySchema.parse({ actorId: 'old-user', from: day, to: day, limit: 50 }), now);
    expect(byActor.items).toHaveLength(6);
    const items = [...(await auditItems()), ...(await usageItems())];
    expect(items.filter((i) => i.pk === `AUDIT#${day}` || i.pk === `USAGE#${day}`)).toEqual([]);

    // A counter the new code started after the deploy for the same day gets the old count added.
    const [newCounter] = items.filter((i) => String(i.pk).startsWith(`USAGE#${day}#`));
    await putRecordItem(counter(`USAGE#${day}`, 3));
    await putRecordItem({ ...counter(String(newCounter!.pk), 2) });
    const again = new Date('2026-12-01T09:05:00Z');
    await runMigrations({ migrations: [{ ...auditDayShards, id: '0005-audit-day-shards-again' }], context: defaultMigrationContext, now: () => again });
    const usage = await usageIn(usageQuerySchema.parse({ from: day, to: day }), now);
    expect(usage.map((u) => u.count)).toEqual([5]);

    const rerun = (await runMigrations({ migrations: [{ ...auditDayShards, id: '0005-audit-day-shards-third' }], context: defaultMigrationContext })).outcomes[0]!;
    expect(rerun.changed).toBe(0);
  });
});
