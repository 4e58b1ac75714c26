import { beforeAll, describe, expect, it } from 'vitest';
import { createFormRoute as createForm } from '../../functions/forms/create-form';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as searchApi } from '../../functions/search/search-api';
import { deriveFromImage, derivedKey, planDerivation, type DerivedState } from '../../shared/data/derived-index';
import { recordKeys } from '../../shared/data/keys';
import { putUser } from '../../shared/data/users-repository';
import { accountKind, type Account } from '../../shared/domain/accounts/account';
import type { RecordBase, RecordKind } from '../../shared/domain/records/record-type';
import { keyOf } from '../../shared/data/table-schema';
import { leadKind, type Lead } from '../../shared/domain/leads/lead';
import { searchTermsBefore } from '../../shared/domain/migrations/search-terms-before';
import { searchDerived } from '../../shared/migrations/0003-search-derived';
import { runMigrations } from '../../shared/migrations/runner';
import { getRecord, recordItem } from '../../shared/data/records-repository';
import { submitForm } from '../../shared/services/form-submission-service';
import { admin, apiEvent, invoke, rep, type TestUser } from '../support/api-event';
import { deriveIndex } from '../support/derived-index';
import { allItems, byEntity, putRecordItem } from '../support/table-items';

/**
 * The search index derived from the stream (issue 14 §5, ADR 0009): a write's transaction holds no
 * search items; `search-derive` writes them from the record's image, idempotently and in version
 * order, and a crash between its item writes and its state replays to the same index.
 */
type Options = Parameters<typeof apiEvent>[0];
const call = <T = any>(api: unknown, route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));
const search = async (q: string) => (await call<{ items: { id: string; title: string }[] }>(searchApi, 'GET /api/search', { user: admin, query: { q } })).body.items;
const kind = accountKind as unknown as RecordKind<RecordBase>;

const searchItemsOf = async (recordPk: string) =>
  byEntity(await allItems(), 'SEARCH')
    .filter((item) => String(item.sk).endsWith(`#${recordPk}`))
    .map((item) => `${String(item.pk)}|${String(item.sk)}`)
    .sort();
const matchItemsOf = async (recordId: string) =>
  byEntity(await allItems(), 'MATCH')
    .filter((item) => item.sk === recordId)
    .map((item) => String(item.pk))
    .sort();
const stateOf = async (recordPk: string) => (await allItems()).find((item) => item.pk === recordPk && item.sk === derivedKey(recordPk).sk) as (DerivedState & Record<string, unknown>) | undefined;

const marketer: TestUser = { sub: 'user-marketer', email: 'marketer@example.com', groups: ['marketer'] };
const site = 'https://shop.example';

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
  const form = { id: 'contact', name: 'Контактная форма', allowedOrigins: [site], thankYouUrl: `${site}/spasibo`, ownerIds: [rep.sub], rateLimitPerMinute: 50 };
  expect((await invoke(createForm, apiEvent({ user: marketer, route: 'POST /api/forms', body: form }))).status).toBe(201);
});

describe('a captured lead', () => {
  it('is searchable once the stream is derived, and its capture wrote no search item', async () => {
    const fields = { name: ['Искомая Анна'], email: ['anna@iskomaya.example'], phone: ['+7 985 123-45-67'] };
    const outcome = await submitForm({ formId: 'contact', fields, origin: site, sourceIp: '192.0.2.7', meta: { currency: 'RUB' }, defaultOrigins: [] });
    expect(outcome.outcome).toBe('created');
    const leadId = (outcome as { leadId: string }).leadId;
    const leadPk = recordKeys('LEAD').item(leadId).pk;

    // The capture's transaction: the lead, its email mark, match keys and history; no search item yet.
    expect(await searchItemsOf(leadPk)).toEqual([]);
    expect(await search('Искомая')).toEqual([]);

    await deriveIndex();
    for (const q of ['Искомая', 'анна', 'anna@isk', 'iskomaya.example', '+7 985 123 45 67', '8 985 123', '985 123']) {
      expect((await search(q)).map((hit) => hit.id), q).toEqual([leadId]);
    }
    // Terms as international digits only, the mobile in its operator's partition.
    expect(await searchItemsOf(leadPk)).toEqual(
      [`SEARCH#ан|анна#${leadPk}`, `SEARCH#an|anna@iskomaya.example#${leadPk}`, `SEARCH#is|iskomaya.example#${leadPk}`, `SEARCH#ис|искомая#${leadPk}`, `SEARCH#7985|79851234567#${leadPk}`].sort(),
    );
    expect(await stateOf(leadPk)).toMatchObject({ entity: 'DERIVED', version: 1 });
  });
});

describe('the derived index', () => {
  let account: Account;
  let pk: string;

  beforeAll(async () => {
    account = (await call<Account>(accountsApi, 'POST /api/accounts', { user: admin, body: { name: 'Производная Компания' } })).body;
    pk = recordKeys('ACCOUNT').item(account.id).pk;
    await deriveIndex();
  });

  it('is idempotent: the same images again write nothing new', async () => {
    const before = await searchItemsOf(pk);
    const state = await stateOf(pk);
    expect(await deriveFromImage({ kind, record: account })).toMatchObject({ skipped: true });
    expect(await searchItemsOf(pk)).toEqual(before);
    expect(await stateOf(pk)).toEqual(state);
  });

  it('ignores an image older than what it indexed, and follows the newer one', async () => {
    const renamed = (await call<Account>(accountsApi, 'PATCH /api/accounts/{id}', { user: admin, pathParameters: { id: account.id }, body: { version: account.version, name: 'Переименованная Компания' } })).body;
    await deriveIndex();
    const after = await searchItemsOf(pk);
    expect(after).toEqual([`SEARCH#ко|компания#${pk}`, `SEARCH#пе|переименованная#${pk}`]);
    // A late replay of version 1 changes nothing.
    expect(await deriveFromImage({ kind, record: account })).toMatchObject({ skipped: true });
    expect(await searchItemsOf(pk)).toEqual(after);
    expect((await search('производная')).map((hit) => hit.id)).toEqual([]);
    expect((await search('переим')).map((hit) => hit.title)).toEqual(['Переименованная Компания']);
    account = renamed;
  });

  it('resumes after a crash between its item writes and its state: the replay ends where one run would', async () => {
    const next = { ...account, name: 'Возобновлённая Компания', version: account.version + 1 } as Account;
    // The crashed run: its puts written, its deletes and its state not.
    const state = await stateOf(pk);
    const plan = planDerivation(state, { kind, record: next });
    for (const item of plan.puts) await putRecordItem(item);
    expect(await stateOf(pk)).toEqual(state);
    // The replay of the same image.
    // Deleted: the lost word's search item and the old name's match key.
    expect(await deriveFromImage({ kind, record: next })).toMatchObject({ skipped: false, deletes: 2 });
    expect(await searchItemsOf(pk)).toEqual([`SEARCH#во|возобновленная#${pk}`, `SEARCH#ко|компания#${pk}`]);
    expect(await matchItemsOf(account.id)).toEqual(['MATCH#account#name:возобновленная компания']);
    expect(await stateOf(pk)).toMatchObject({ version: next.version });
    // And once more: nothing left to do.
    expect(await deriveFromImage({ kind, record: next })).toMatchObject({ skipped: true });
    account = next;
  });

  it('ends with the stored record’s items when a writer derives its record while the stream derives an older image', async () => {
    for (let round = 0; round < 4; round++) {
      const older = { ...account, name: `Гонка${round} Старая`, version: account.version + 1 } as Account;
      const newer = { ...older, name: `Гонка${round} Новая`, version: older.version + 1 } as Account;
      await putRecordItem(recordItem(accountKind, newer));
      // Either may write its state first; the loser derives the stored record again.
      await Promise.all([deriveFromImage({ kind, record: older }), deriveFromImage({ kind, record: newer })]);
      expect(await searchItemsOf(pk), `round ${round}`).toEqual([`SEARCH#го|гонка${round}#${pk}`, `SEARCH#но|новая#${pk}`]);
      expect(await matchItemsOf(account.id)).toEqual([`MATCH#account#name:гонка${round} новая`]);
      expect(await stateOf(pk)).toMatchObject({ version: newer.version });
      account = newer;
    }
  });

  it('removes a merged record from search and keeps it out, whatever image comes late', async () => {
    const survivor = (await call<Account>(accountsApi, 'POST /api/accounts', { user: admin, body: { name: 'Поглотитель' } })).body;
    const duplicate = (await call<Account>(accountsApi, 'POST /api/accounts', { user: admin, body: { name: 'Поглощаемая Фирма' } })).body;
    await deriveIndex();
    const duplicatePk = recordKeys('ACCOUNT').item(duplicate.id).pk;
    expect(await searchItemsOf(duplicatePk)).toHaveLength(2);
    const merged = await call(accountsApi, 'POST /api/accounts/{id}/merge', {
      user: admin,
      pathParameters: { id: survivor.id },
      body: { duplicateId: duplicate.id, version: survivor.version, duplicateVersion: duplicate.version, take: [] },
    });
    expect(merged.status).toBe(200);
    await deriveIndex();
    expect(await searchItemsOf(duplicatePk)).toEqual([]);
    expect(await stateOf(duplicatePk)).toMatchObject({ final: true, keys: [] });
    expect(await deriveFromImage({ kind, record: { ...duplicate, version: duplicate.version + 5 } })).toMatchObject({ skipped: true });
    expect(await searchItemsOf(duplicatePk)).toEqual([]);
    expect((await search('поглощ')).map((hit) => hit.id)).toEqual([]);
    expect(await getRecord(accountKind, duplicate.id)).toBeUndefined();
  });
});

describe('migration 0003: a table the previous release wrote', () => {
  it('moves its search items to the derived format: old partitions and terms gone, new ones and a state written by search-derive', async () => {
    // A lead as the previous release stored it: search items in the record's transaction, two-character partitions, no state.
    const lead: Lead = {
      id: '01JPREVRELEASE000000000001',
      lastName: 'Прежний',
      firstName: 'Пётр',
      email: 'petr@mail.ru',
      phone: '+79261234567',
      ownerId: rep.sub,
      status: 'new',
      source: { channel: 'website' },
      submissionCount: 1,
      createdAt: '2026-11-01T10:00:00.000Z',
      createdBy: rep.sub,
      updatedAt: '2026-11-01T10:00:00.000Z',
      version: 3,
    };
    const leadPk = recordKeys('LEAD').item(lead.id).pk;
    await putRecordItem(recordItem(leadKind, lead));
    const oldTerms = searchTermsBefore(leadKind.search(lead).terms);
    expect(oldTerms).toEqual(['9261234567', '79261234567', 'mail.ru', 'petr@mail.ru', 'петр', 'прежний'].sort());
    for (const term of oldTerms) {
      await putRecordItem({ ...keyOf('search', { termStart: term.slice(0, 2), term, recordPk: leadPk }), entity: 'SEARCH', recordType: 'lead', recordId: lead.id, title: 'Прежний Пётр', ownerId: rep.sub, terms: oldTerms });
    }

    const result = await runMigrations({ migrations: [searchDerived], context: { poolAccountIdOf: () => Promise.resolve(undefined) }, pageSize: 50, segments: 1 });
    expect(result.finished).toBe(true);
    // The record is as it was; the stream sees no write of it (its version set to itself).
    expect(await getRecord(leadKind, lead.id)).toMatchObject({ version: 3 });
    await deriveIndex();
    expect(await searchItemsOf(leadPk)).toEqual([`SEARCH#7926|79261234567#${leadPk}`, `SEARCH#pe|petr@mail.ru#${leadPk}`, `SEARCH#пе|петр#${leadPk}`, `SEARCH#пр|прежний#${leadPk}`].sort());
    expect(await stateOf(leadPk)).toMatchObject({ version: 3 });
    expect((await search('8 926 123-45-67')).map((hit) => hit.id)).toEqual([lead.id]);
    expect((await search('926 123')).map((hit) => hit.id)).toEqual([lead.id]);
    // Migrated: the same item again answers nothing to do.
    const stored = (await allItems()).find((item) => item.pk === leadPk && item.sk === 'LEAD')!;
    expect(await searchDerived.apply(stored as never, { poolAccountIdOf: () => Promise.resolve(undefined) })).toBeUndefined();
  });
});
