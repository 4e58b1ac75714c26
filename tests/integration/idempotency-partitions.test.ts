import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { describe, expect, it } from 'vitest';
import { idempotencyFor, takeVersion } from '../../shared/adapters/idempotency';
import { spreadShard } from '../../shared/data/keys';
import { tableName } from '../../shared/data/dynamo-client';
import { defaultMigrationContext } from '../../shared/migrations/context';
import { idempotencySpread } from '../../shared/migrations/0006-idempotency-spread';
import { runMigrations } from '../../shared/migrations/runner';
import { allItems, putRecordItem } from '../support/table-items';

/**
 * A consumer's idempotency records and version gates are spread over 16 partitions (issue 14 §1):
 * a burst of events writes no single partition for them, and each is still found by its key.
 */
describe('idempotency records under a burst of events', () => {
  it('land in partitions named by their own key, and a repeat is still recognised', async () => {
    let runs = 0;
    const handle = makeIdempotent(async (event: { id: string }) => ({ handled: event.id, run: ++runs }), idempotencyFor('burst-consumer', 'id'));
    const events = Array.from({ length: 48 }, (_, i) => ({ id: `event-${i}` }));
    await Promise.all(events.map((event) => handle(event)));
    // The same events again: answered from the records, not run.
    const again = await Promise.all(events.map((event) => handle(event)));
    expect(runs).toBe(48);
    expect(again.map((a) => a.handled)).toEqual(events.map((e) => e.id));

    const records = (await allItems()).filter((item) => String(item.pk).startsWith('IDEMPOTENCY#burst-consumer#') && !String(item.sk).startsWith('VERSION#'));
    expect(records).toHaveLength(48);
    for (const record of records) expect(record.pk).toBe(`IDEMPOTENCY#burst-consumer#${spreadShard(String(record.sk))}`);
    expect(new Set(records.map((r) => r.pk)).size).toBeGreaterThan(8);
  });

  it('keeps version gates apart per record, older versions refused', async () => {
    const now = new Date('2026-12-07T10:00:00Z');
    for (let i = 0; i < 32; i++) expect(await takeVersion('gate-consumer', `LEAD#${i}`, 2, now)).toBe(true);
    expect(await takeVersion('gate-consumer', 'LEAD#3', 1, now)).toBe(false);
    expect(await takeVersion('gate-consumer', 'LEAD#3', 2, now)).toBe(true);
    const gates = (await allItems()).filter((item) => String(item.pk).startsWith('IDEMPOTENCY#gate-consumer#'));
    expect(gates).toHaveLength(32);
    expect(new Set(gates.map((g) => g.pk)).size).toBeGreaterThan(8);
  });
});

describe('records of the previous release, one partition per consumer (migration 0006)', () => {
  it('move to the spread partitions, so an event handled before the deploy and delivered again after it is still recognised', async () => {
    let runs = 0;
    const work = async (event: { id: string }) => ({ handled: event.id, run: ++runs });
    // As the previous release stored them: Powertools' static partition per consumer.
    const before = { tableName: tableName(), keyAttr: 'pk', sortKeyAttr: 'sk', staticPkValue: 'IDEMPOTENCY#moved-consumer', expiryAttr: 'expiresAt' };
    await makeIdempotent(work, { persistenceStore: new DynamoDBPersistenceLayer(before), config: new IdempotencyConfig({ eventKeyJmesPath: 'id' }) })({ id: 'before-the-deploy' });
    await putRecordItem({ pk: 'IDEMPOTENCY#moved-gate', sk: 'VERSION#LEAD#9', version: 5, expiresAt: 1_900_000_000 });

    const outcome = (await runMigrations({ migrations: [idempotencySpread], context: defaultMigrationContext })).outcomes[0]!;
    expect(outcome.changed).toBe(2);
    expect((await allItems()).filter((item) => /^IDEMPOTENCY#moved-(consumer|gate)$/.test(String(item.pk)))).toEqual([]);

    const after = await makeIdempotent(work, idempotencyFor('moved-consumer', 'id'))({ id: 'before-the-deploy' });
    expect(after).toEqual({ handled: 'before-the-deploy', run: 1 });
    expect(runs).toBe(1);
    expect(await takeVersion('moved-gate', 'LEAD#9', 4, new Date())).toBe(false);
    expect(await takeVersion('moved-gate', 'LEAD#9', 6, new Date())).toBe(true);
  });
});
