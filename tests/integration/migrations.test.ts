import { GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../shared/data/dynamo-client';
import { keyOf } from '../../shared/data/table-schema';
import type { Migration, MigrationContext, StoredItem } from '../../shared/migrations/migration';
import { runMigrations } from '../../shared/migrations/runner';
import { readState, schemaVersion } from '../../shared/migrations/state';

/**
 * The migration runner against DynamoDB Local (issue 14 §2, ADR 0024), with migrations of its own
 * over made-up items so each property is seen alone: resumable after a crash, idempotent, ordered
 * and versioned, a concurrent edit kept, progress, and a dry run that writes only its report.
 */
const context: MigrationContext = { poolAccountIdOf: () => Promise.resolve(undefined) };
let entity = '';
let seq = 0;

/** Doubles `n` into `doubled`, guarded by the item's version, and keeps a derived item beside it. */
const doubling = (id: string, version: number, on: () => string = () => entity): Migration => ({
  id,
  version,
  description: 'doubles n',
  scope: { entities: [on()] },
  apply(item) {
    const n = item.n as number;
    if (item.doubled === n * 2) return undefined;
    return {
      update: { set: { doubled: n * 2, version: (item.version as number) + 1 }, condition: { expression: '#v = :v', names: { '#v': 'version' }, values: { ':v': item.version } } },
      puts: [{ pk: `${item.pk}#DERIVED`, sk: 'D', entity: `${on()}_DERIVED`, doubled: n * 2 }],
    };
  },
});

async function seed(count: number): Promise<void> {
  await Promise.all(Array.from({ length: count }, (_, n) => dynamo().send(new PutCommand({ TableName: tableName(), Item: { pk: `${entity}#${n}`, sk: 'ITEM', entity, n, version: 1 } }))));
}

async function items(): Promise<StoredItem[]> {
  const found: StoredItem[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: cursor, ConsistentRead: true }));
    found.push(...((page.Items ?? []) as StoredItem[]).filter((i) => String(i.entity).startsWith(entity)));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return found.sort((a, b) => a.pk.localeCompare(b.pk) || a.sk.localeCompare(b.sk));
}

beforeEach(() => {
  entity = `TEST${++seq}`;
});

describe('the migration runner', () => {
  it('migrates every item in scope once, records the state and the schema version, and a second run changes nothing', async () => {
    await seed(57);
    const migration = doubling(`0001-doubling-${entity}`, 1);
    const lines: string[] = [];
    const first = await runMigrations({ migrations: [migration], context, pageSize: 10, segments: 3, progressEvery: 20, log: (l) => lines.push(l) });
    expect(first.finished).toBe(true);
    expect(first.outcomes).toMatchObject([{ status: 'done', scanned: 57, changed: 57 }]);
    const after = await items();
    expect(after.filter((i) => i.sk === 'ITEM').every((i) => i.doubled === (i.n as number) * 2 && i.version === 2)).toBe(true);
    expect(after.filter((i) => i.sk === 'D')).toHaveLength(57);
    const state = await readState(migration.id);
    expect(state).toMatchObject({ status: 'done', scanned: 57, changed: 57, version: 1 });
    expect(state?.segments).toHaveLength(3);
    expect(state?.finishedAt).toBeDefined();
    expect(await schemaVersion()).toBeGreaterThanOrEqual(1);
    // Progress: a line at least every 20 items scanned, and the end.
    expect(lines.filter((l) => /\d+ scanned, \d+ changed$/.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toMatch(/done, 57 scanned, 57 changed/);

    const again = await runMigrations({ migrations: [migration], context });
    expect(again.outcomes).toMatchObject([{ status: 'already-done' }]);
    // Re-applied to a migrated item, the transformation itself writes nothing.
    for (const item of after.filter((i) => i.sk === 'ITEM')) expect(await migration.apply(item, context)).toBeUndefined();
    expect(await items()).toEqual(after);
  });

  it('resumes after a crash from the saved cursors: every item migrated exactly once', async () => {
    await seed(80);
    const migration = doubling(`0001-crash-${entity}`, 1);
    let seen = 0;
    const crash = () => {
      if (++seen === 45) throw new Error('injected crash');
    };
    await expect(runMigrations({ migrations: [migration], context, pageSize: 10, segments: 2, beforeItem: crash })).rejects.toThrow('injected crash');
    const halfway = await readState(migration.id);
    expect(halfway?.status).toBe('running');
    expect(halfway?.changed).toBeGreaterThan(0);
    expect(halfway?.changed).toBeLessThan(80);
    expect(halfway?.segments?.some((s) => s.cursor)).toBe(true);

    const resumed = await runMigrations({ migrations: [migration], context, pageSize: 10 });
    expect(resumed.finished).toBe(true);
    const state = await readState(migration.id);
    expect(state?.status).toBe('done');
    // The crashed page is read again, and its items migrated before the crash are not changed twice
    // (every version moved once); they are not counted either: `changed` is short by at most a page per segment.
    expect((await items()).filter((i) => i.sk === 'ITEM').map((i) => i.version)).toEqual(Array(80).fill(2));
    expect(state?.changed).toBeGreaterThan(80 - 2 * 10);
    expect(state?.changed).toBeLessThanOrEqual(80);
    expect(state?.retried).toBe(0);
  });

  it('stops between pages when told (a Lambda near its limit) and the next run finishes', async () => {
    await seed(30);
    const migration = doubling(`0001-stop-${entity}`, 1);
    let pages = 0;
    const first = await runMigrations({ migrations: [migration], context, pageSize: 5, segments: 1, shouldStop: () => ++pages > 2 });
    expect(first.finished).toBe(false);
    expect(first.outcomes).toMatchObject([{ status: 'stopped' }]);
    const second = await runMigrations({ migrations: [migration], context, pageSize: 5 });
    expect(second.finished).toBe(true);
    expect(await readState(migration.id)).toMatchObject({ status: 'done', changed: 30 });
  });

  it('runs migrations in order and stops at one that has not finished', async () => {
    await seed(5);
    const order: string[] = [];
    const first = doubling(`0001-first-${entity}`, 101);
    const second: Migration = { ...doubling(`0002-second-${entity}`, 102), apply: (item) => (order.push(`second:${item.pk}`), undefined) };
    const wrapped: Migration = { ...first, apply: (item, ctx) => (order.push(`first:${item.pk}`), first.apply(item, ctx)) };
    await runMigrations({ migrations: [wrapped, second], context, shouldStop: (() => { let n = 0; return () => ++n > 1; })(), segments: 1, pageSize: 2 });
    expect(order.every((o) => o.startsWith('first:'))).toBe(true);
    await runMigrations({ migrations: [wrapped, second], context, segments: 1 });
    const firstSecond = order.findIndex((o) => o.startsWith('second:'));
    expect(order.slice(firstSecond).every((o) => o.startsWith('second:'))).toBe(true);
    expect(await schemaVersion()).toBeGreaterThanOrEqual(102);
    await expect(runMigrations({ migrations: [second, wrapped], context })).rejects.toThrow(/must come after/);
  });

  it("retries an item a user changed meanwhile, from what they saved: their change is kept", async () => {
    await seed(1);
    const key = { pk: `${entity}#0`, sk: 'ITEM' };
    let edited = false;
    const migration = doubling(`0001-edit-${entity}`, 1);
    // The user's edit lands between the runner's read of the page and its write.
    const racing: Migration = {
      ...migration,
      async apply(item, ctx) {
        if (!edited) {
          edited = true;
          await dynamo().send(new UpdateCommand({ TableName: tableName(), Key: key, UpdateExpression: 'SET n = :n, version = :v, note = :note', ExpressionAttributeValues: { ':n': 21, ':v': 2, ':note': 'the user wrote this' } }));
        }
        return migration.apply(item, ctx);
      },
    };
    await runMigrations({ migrations: [racing], context });
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
    expect(Item).toMatchObject({ n: 21, doubled: 42, note: 'the user wrote this', version: 3 });
    expect(await readState(racing.id)).toMatchObject({ status: 'done', changed: 1, retried: 1 });
  });

  it('a dry run counts and samples what would change and writes nothing but its report', async () => {
    await seed(12);
    const before = await items();
    const migration = doubling(`0001-dry-${entity}`, 1);
    const result = await runMigrations({ migrations: [migration], context, dryRun: true, pageSize: 5 });
    expect(result.finished).toBe(false);
    expect(result.outcomes[0]).toMatchObject({ status: 'dry-run', scanned: 12 });
    expect(result.outcomes[0]?.report).toMatchObject({ complete: true, scanned: 12, wouldChange: 12 });
    expect(result.outcomes[0]?.report?.sample).toHaveLength(10);
    expect(result.outcomes[0]?.report?.sample[0]).toMatchObject({ pk: `${entity}#0`, sk: 'ITEM', before: { version: 1 }, after: { doubled: 0, version: 2 }, puts: 1, deletes: 0 });
    expect(await items()).toEqual(before);
    const state = await readState(migration.id);
    expect(state?.status).toBeUndefined();
    expect(state?.dryRun).toMatchObject({ scanned: 12, wouldChange: 12 });
    // The migration still runs afterwards.
    expect((await runMigrations({ migrations: [migration], context })).outcomes[0]).toMatchObject({ status: 'done', changed: 12 });
  });

  it('keeps its state in the table schema’s migration family', () => {
    expect(keyOf('migration', { id: '0001-phones-e164' })).toEqual({ pk: 'MIGRATION#0001-phones-e164', sk: 'MIGRATION' });
    expect(keyOf('schemaVersion', {})).toEqual({ pk: 'MIGRATION#SCHEMA', sk: 'VERSION' });
  });
});
