import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator, type CognitoEmulator } from '../../infra/local/cognito-emulator';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local';
import { envNames } from '../../shared/config/runtime-env';
import { dynamo } from '../../shared/data/dynamo-client';
import { findSharedKeys } from '../../shared/data/match-index';
import { recordItem } from '../../shared/data/records-repository';
import { stripLayout } from '../../shared/data/record-item';
import { searchRecords } from '../../shared/data/search-index';
import { leadSchema } from '../../shared/domain/leads/lead';
import { kinds } from '../../shared/domain/records/kinds';
import { recordTypes, type RecordBase, type RecordType } from '../../shared/domain/records/record-type';
import { defaultMigrationContext } from '../../shared/migrations/context';
import { inScope } from '../../shared/migrations/migration';
import { migrations, latestVersion } from '../../shared/migrations/registry';
import { runMigrations } from '../../shared/migrations/runner';
import { schemaVersion } from '../../shared/migrations/state';
import { deriveIndex } from '../support/derived-index';

/**
 * The migrations on a data folder made by the previous release (issue 14 §2): the `npm start`
 * folder written by the release before issue 12 (tests/fixtures/previous-release, made by
 * scripts/make-previous-release-fixture.sh through that release's own API), copied, its DynamoDB
 * Local and Cognito emulator started on the copy, and migrated as `npm start` would migrate it.
 */
const fixture = join(import.meta.dirname, '..', 'fixtures', 'previous-release', 'data');
const tableName = 'crm-local';

type Item = Record<string, unknown> & { pk: string; sk: string };

interface Copy {
  dir: string;
  dynamo: DynamoDbLocal;
  cognito: CognitoEmulator;
}

const copies: Copy[] = [];

/**
 * A fresh copy of the fixture with its emulators, the SDK pointed at them. A later copy takes the
 * ports of the one before (stopped by then): the SDK clients keep the endpoint they were made with.
 */
let ports: { dynamo?: number; cognito?: number } = {};
async function startCopy(): Promise<Copy> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-previous-release-'));
  cpSync(fixture, dir, { recursive: true });
  const [db, cognito] = await Promise.all([
    startDynamoDbLocal({ dbPath: join(dir, 'dynamodb'), ...(ports.dynamo ? { port: ports.dynamo } : {}) }),
    startCognitoEmulator({ dataDir: join(dir, 'cognito'), ...(ports.cognito ? { port: ports.cognito } : {}) }),
  ]);
  ports = { dynamo: db.port, cognito: Number(new URL(cognito.endpoint).port) };
  const pool = JSON.parse(readFileSync(join(dir, 'cognito.json'), 'utf8')) as { userPoolId: string };
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
    [envNames.tableName]: tableName,
    [envNames.userPoolId]: pool.userPoolId,
  });
  const copy = { dir, dynamo: db, cognito };
  copies.push(copy);
  return copy;
}

async function stopCopy(copy: Copy): Promise<void> {
  await Promise.all([copy.dynamo.stop(), copy.cognito.stop()]);
  rmSync(copy.dir, { recursive: true, force: true });
}

async function scanAll(): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: cursor, ConsistentRead: true }));
    items.push(...((page.Items ?? []) as Item[]));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return items.sort((a, b) => a.pk.localeCompare(b.pk) || a.sk.localeCompare(b.sk));
}

const ofEntity = (items: Item[], entity: string) => items.filter((i) => i.entity === entity);
const sightOfAll = new Map<RecordType, 'all'>(recordTypes.map((t) => [t, 'all']));
const found = async (query: string) => (await searchRecords(query, { limit: 20, sight: sightOfAll })).map((h) => `${h.type}:${h.title}`);

afterAll(async () => {
  for (const copy of copies.splice(0)) await stopCopy(copy);
});

describe('a data folder made by the previous release', () => {
  let before: Item[] = [];
  let after: Item[] = [];
  let lines: string[] = [];

  beforeAll(async () => {
    await startCopy();
    before = await scanAll();
    lines = [];
    const result = await runMigrations({ migrations, context: defaultMigrationContext, log: (l) => lines.push(l), progressEvery: 5 });
    expect(result).toMatchObject({ finished: true, version: latestVersion });
    // The stream's search-derive consumer takes the migrated images, as after any save (ADR 0009).
    await deriveIndex();
    after = await scanAll();
  }, 120_000);

  it('held the old shapes: phones as typed, a portal user without accountId', () => {
    expect(ofEntity(before, 'LEAD').map((l) => l.phone).filter(Boolean)).toContain('8 (916) 123-45-67');
    expect(ofEntity(before, 'LEAD').some((l) => 'phoneTyped' in l)).toBe(false);
    const portal = ofEntity(before, 'USER').find((u) => (u.roles as string[]).includes('portal-user'));
    expect(portal).toBeDefined();
    expect(portal?.accountId).toBeUndefined();
  });

  it("stores leads' phones in E.164 with the writing kept, and moves each changed lead's version on by one", () => {
    const leads = ofEntity(after, 'LEAD');
    const phones = Object.fromEntries(leads.filter((l) => l.phone).map((l) => [l.phone, l.phoneTyped]));
    expect(phones).toEqual({
      '+79161234567': '8 (916) 123-45-67',
      '+79037654321': '+7 903 765-43-21',
      '+79991112233': undefined,
      '+74955551212': '8-495-555-12-12',
      '+79260001122': '8 (926) 000-11-22',
    });
    for (const lead of leads) {
      const old = ofEntity(before, 'LEAD').find((l) => l.pk === lead.pk)!;
      const changed = old.phone !== lead.phone;
      expect(lead.version).toBe((old.version as number) + (changed ? 1 : 0));
      // Nothing else about the lead moved: no user changed it.
      expect(lead.updatedAt).toBe(old.updatedAt);
    }
  });

  it("stores accounts' and contacts' phone entries in E.164 with their writing", () => {
    expect(ofEntity(after, 'ACCOUNT')[0]?.phones).toEqual([
      { kind: 'work', number: '+74951234567', typed: '8 (495) 123-45-67' },
      { kind: 'mobile', number: '+79167654321', typed: '+7 (916) 765-43-21' },
    ]);
    expect(ofEntity(after, 'CONTACT')[0]?.phones).toEqual([
      { kind: 'mobile', number: '+79165554433', typed: '8 916 555 44 33' },
      { kind: 'work', number: '+74951234567' },
    ]);
  });

  it('leaves every migrated record, with its index keys, exactly as a fresh write of it stores it (leads included: their move onto the records kit changed no key)', () => {
    for (const type of ['lead', 'account', 'contact', 'deal', 'activity'] as const) {
      const items = ofEntity(after, type.toUpperCase());
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(item).toEqual(recordItem(kinds[type], stripLayout<RecordBase>(item)));
    }
  });

  it('holds leads the lead schema of this release reads as they are: no attribute it does not know, none it needs missing', () => {
    const known = new Set([...Object.keys(leadSchema.shape), 'createdBy']);
    for (const item of ofEntity(after, 'LEAD')) {
      const lead = stripLayout<Record<string, unknown>>(item);
      expect(leadSchema.safeParse(lead).error).toBeUndefined();
      expect(Object.keys(lead).filter((k) => !known.has(k))).toEqual([]);
    }
  });

  it('finds the records by their phones however they are typed', async () => {
    expect(await found('+7 916 123-45-67')).toContain('lead:Смирнов Пётр');
    expect(await found('8916123')).toContain('lead:Смирнов Пётр');
    expect(await found('916 123 45 67')).toContain('lead:Смирнов Пётр');
    expect(await found('89165554433')).toContain('contact:Петрова Мария Ивановна');
    expect(await found('+74955551212')).toContain('lead:Берёзка');
  });

  it('keeps each phone\'s match key, so duplicates are still found by phone', async () => {
    const smirnov = ofEntity(after, 'LEAD').find((l) => l.lastName === 'Смирнов')!;
    expect([...(await findSharedKeys('lead', ['phone:79161234567'])).keys()]).toEqual([smirnov.id]);
    const contact = ofEntity(after, 'CONTACT')[0]!;
    expect([...(await findSharedKeys('contact', ['phone:79165554433'])).keys()]).toEqual([contact.id]);
  });

  it("fills the portal user's accountId in the directory from the user pool", () => {
    const account = ofEntity(after, 'ACCOUNT')[0]!;
    const portal = ofEntity(after, 'USER').find((u) => (u.roles as string[]).includes('portal-user'));
    expect(portal?.accountId).toBe(account.id);
    // Staff are left alone.
    for (const user of ofEntity(after, 'USER').filter((u) => !(u.roles as string[]).includes('portal-user'))) expect(user.accountId).toBeUndefined();
  });

  it('records the state and the schema version, and printed its progress', async () => {
    expect(await schemaVersion()).toBe(latestVersion);
    const states = ofEntity(after, 'MIGRATION');
    expect(states.map((s) => [s.id, s.status])).toEqual(migrations.map((m) => [m.id, 'done']));
    expect(states.find((s) => s.id === '0001-phones-e164')).toMatchObject({ changed: 6 });
    expect(lines.some((l) => /0001-phones-e164: done, \d+ scanned, 6 changed/.test(l))).toBe(true);
    expect(lines.some((l) => /0002-portal-user-account: done, \d+ scanned, 1 changed/.test(l))).toBe(true);
  });

  it('changes nothing when run again', async () => {
    const again = await runMigrations({ migrations, context: defaultMigrationContext });
    expect(again.outcomes.map((o) => o.status)).toEqual(migrations.map(() => 'already-done'));
    expect(await deriveIndex()).toBe(0);
    expect(await scanAll()).toEqual(after);
    // Nor does re-applying each migration to the migrated items.
    for (const migration of migrations) {
      for (const item of after.filter((i) => inScope(migration, i))) expect(await migration.apply(item, defaultMigrationContext)).toBeUndefined();
    }
  });
});

describe('a dry run on a fresh copy', () => {
  it('reports what would change and writes nothing but its report', async () => {
    for (const copy of copies.splice(0)) await stopCopy(copy);
    await startCopy();
    const before = await scanAll();
    const result = await runMigrations({ migrations, context: defaultMigrationContext, dryRun: true });
    expect(result.finished).toBe(false);
    // Every pending migration reports (later ones included); these two are this fixture's own.
    expect(result.outcomes.map((o) => o.status)).toEqual(migrations.map(() => 'dry-run'));
    expect(result.outcomes.slice(0, 2).map((o) => [o.id, o.status, o.report?.wouldChange])).toEqual([
      ['0001-phones-e164', 'dry-run', 6],
      ['0002-portal-user-account', 'dry-run', 1],
    ]);
    const sample = result.outcomes[0]?.report?.sample.find((s) => s.before.phone === '8 (916) 123-45-67');
    expect(sample?.after).toMatchObject({ phone: '+79161234567', phoneTyped: '8 (916) 123-45-67' });
    const afterDry = await scanAll();
    expect(afterDry.filter((i) => i.entity !== 'MIGRATION')).toEqual(before);
    expect(ofEntity(afterDry, 'MIGRATION').every((s) => s.status === undefined && s.dryRun)).toBe(true);
    expect(ofEntity(afterDry, 'MIGRATION').slice(0, 2).map((s) => [s.id, s.status, (s.dryRun as { wouldChange: number }).wouldChange])).toEqual([
      ['0001-phones-e164', undefined, 6],
      ['0002-portal-user-account', undefined, 1],
    ]);
    expect(await schemaVersion()).toBe(0);
  }, 120_000);
});
