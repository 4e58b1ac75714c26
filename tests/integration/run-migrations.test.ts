import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/migrations/run-migrations';
import { dynamo, tableName } from '../../shared/data/dynamo-client';
import { keyOf } from '../../shared/data/table-schema';
import { scheduleNameOf } from '../../shared/domain/moments/one-time-moment';
import { continuation } from '../../shared/migrations/run-after-deploy';
import { latestVersion, migrations } from '../../shared/migrations/registry';
import { readState, schemaVersion } from '../../shared/migrations/state';
import { startOneTimeScheduler } from '../support/one-time-schedules';

/**
 * The run-migrations function as the stack runs it (ADR 0024): invoked by the deploy's trigger
 * with no event of its own, it runs the pending migrations; a run short of time stops between pages
 * and sets its one-time moment a minute on, which invokes it again (through the local Scheduler
 * here, with its injected clock) until they are done.
 */
const startsAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000).toISOString();
let local: Awaited<ReturnType<typeof startOneTimeScheduler>>;

const leadKey = keyOf('record', { prefix: 'LEAD', id: '01RUNMIGRATIONSLEAD0000000' });
/** A Lambda context whose remaining time reads `first`, then `later` on every further look. */
const contextWith = (first: number, later = first): Context => {
  let looks = 0;
  return { invokedFunctionArn: local.scheduler.functionArn('run-migrations'), getRemainingTimeInMillis: () => (looks++ === 0 ? first : later) } as unknown as Context;
};

beforeAll(async () => {
  local = await startOneTimeScheduler(startsAt);
  // A lead as the releases before issue 12 stored it: the phone as typed.
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...leadKey,
        entity: 'LEAD',
        id: '01RUNMIGRATIONSLEAD0000000',
        lastName: 'Старожилов',
        phone: '8 (916) 123-45-67',
        status: 'new',
        source: { channel: 'phone' },
        ownerId: 'run-migrations-owner',
        createdAt: '2026-01-01T00:00:00.000Z',
        createdBy: 'run-migrations-owner',
        updatedAt: '2026-01-01T00:00:00.000Z',
        version: 1,
      },
    }),
  );
});
afterAll(() => local.stop());

describe('run-migrations', () => {
  it('hands over to its own one-time moment when its time runs short, and the moment finishes the work', async () => {
    // The deploy's trigger, whose time runs out before the first page: nothing is migrated yet.
    const first = (await handler({}, contextWith(900_000, 1_000))) as { finished: boolean; continuesAt?: string };
    expect(first.finished).toBe(false);
    const name = scheduleNameOf(continuation(new Date()));
    expect(local.pending()[name]).toBeDefined();
    expect((await readState(migrations[0]!.id))?.status).toBe('running');

    await local.advanceTo(new Date(Date.parse(first.continuesAt!) + 60_000).toISOString());
    expect(await schemaVersion()).toBe(latestVersion);
    for (const migration of migrations) expect((await readState(migration.id))?.status).toBe('done');
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: leadKey, ConsistentRead: true }));
    expect(Item).toMatchObject({ phone: '+79161234567', phoneTyped: '8 (916) 123-45-67', version: 2 });
    // Done: no further moment is set.
    expect(local.pending()[name]).toBeUndefined();
  });

  it('changes nothing when the trigger runs it again after a later deploy', async () => {
    const again = (await handler({}, contextWith(600_000))) as { finished: boolean; outcomes: { status: string }[] };
    expect(again.finished).toBe(true);
    expect(again.outcomes.map((o) => o.status)).toEqual(migrations.map(() => 'already-done'));
  });
});
