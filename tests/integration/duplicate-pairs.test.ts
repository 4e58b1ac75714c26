import { describe, expect, it } from 'vitest';
import { listPairs, pairShards, pairsOf, syncPairs } from '../../shared/data/duplicate-pairs';
import { recordShard } from '../../shared/data/keys';
import { defaultMigrationContext } from '../../shared/migrations/context';
import { duplicatePairShards } from '../../shared/migrations/0008-duplicate-pair-shards';
import { runMigrations } from '../../shared/migrations/runner';
import { allItems, putRecordItem } from '../support/table-items';

/**
 * The duplicates view's pairs, spread over a type's 4 shards (issue 14 §1): a burst of look-alike
 * captures writes no one partition, a record's pairs are still one Query, and the view pages
 * through every pair once, whatever the page size.
 */
const id = (n: number) => `01KPAIR${String(n).padStart(19, '0')}`;
const at = '2026-12-01T10:00:00.000Z';
const match = (other: string) => ({ id: other, reasons: ['email' as const], strength: 'strong' as const, evidence: [{ reason: 'email' as const, value: `same${other}@x.ru` }] });

async function walk(limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listPairs('contact', { limit, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items.map((p) => p.ids.join('+')));
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe('duplicate pairs over shards', () => {
  it('stores each side in its record’s shard, and lists every pair once, in order, however paged', async () => {
    // Twelve pairs: record n with record n+100.
    for (let n = 0; n < 12; n++) await syncPairs('contact', id(n), [match(id(n + 100)) as never], at);
    const sides = (await allItems()).filter((i) => i.entity === 'DUPLICATE_PAIR' && String(i.pk).startsWith('DUPES#contact#'));
    expect(sides).toHaveLength(24);
    for (const side of sides) expect(side.pk).toBe(`DUPES#contact#${recordShard(String(side.sk).split('#')[0]!, pairShards)}`);
    expect(new Set(sides.map((s) => s.pk)).size).toBeGreaterThan(1);

    const expected = Array.from({ length: 12 }, (_, n) => `${id(n)}+${id(n + 100)}`).sort();
    for (const limit of [1, 5, 50]) expect(await walk(limit)).toEqual(expected);
    expect([...(await pairsOf('contact', id(100))).keys()]).toEqual([id(0)]);
  });

  it('moves the pairs the previous release kept in one partition per type, a dismissal kept (migration 0008)', async () => {
    const a = '01KOLDPAIRA000000000000000';
    const b = '01KOLDPAIRB000000000000000';
    const pair = { entity: 'DUPLICATE_PAIR', ids: [a, b], reasons: ['phone'], detectedAt: at, dismissedAt: at, dismissedBy: 'u1' };
    await putRecordItem({ pk: 'DUPES#account', sk: `${a}#${b}`, ...pair, listed: true });
    await putRecordItem({ pk: 'DUPES#account', sk: `${b}#${a}`, ...pair, listed: false });
    const outcome = (await runMigrations({ migrations: [duplicatePairShards], context: defaultMigrationContext })).outcomes[0]!;
    expect(outcome).toMatchObject({ status: 'done', changed: 2 });
    expect((await allItems()).filter((i) => i.pk === 'DUPES#account')).toEqual([]);
    expect((await pairsOf('account', a)).get(b)).toMatchObject({ dismissedAt: at, dismissedBy: 'u1' });
    expect((await pairsOf('account', b)).get(a)).toMatchObject({ dismissedAt: at });
    // Dismissed: still out of the view.
    expect((await listPairs('account', { limit: 10 })).items).toEqual([]);
  });
});
