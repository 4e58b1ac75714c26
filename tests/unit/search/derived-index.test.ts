import { describe, expect, it } from 'vitest';
import { derivedImageOf, planDerivation, type DerivedState } from '../../../shared/data/derived-index';
import { recordItem } from '../../../shared/data/records-repository';
import { accountKind, type Account } from '../../../shared/domain/accounts/account';
import { activityKind, type Activity } from '../../../shared/domain/activities/activity';
import type { RecordBase, RecordKind } from '../../../shared/domain/records/record-type';

/** What the derived search index does with an image, given its state (issue 14 §5, ADR 0009): pure. */
const kind = accountKind as unknown as RecordKind<RecordBase>;
const account = (name: string, version: number, ownerId = 'u1') =>
  ({ id: '01JACCOUNT0000000000000001', name, status: 'prospect', ownerId, createdAt: '2026-12-01T00:00:00.000Z', createdBy: 'u1', updatedAt: '2026-12-01T00:00:00.000Z', version }) as unknown as Account;
const stateAfter = (image: Account): DerivedState => planDerivation(undefined, { kind, record: image }).next!;

describe('planDerivation', () => {
  it('writes every item (search terms and match keys) and a state for a record it has not seen', () => {
    const plan = planDerivation(undefined, { kind, record: account('Альфа Бета', 1) });
    expect(plan.puts.map((p) => `${String(p.pk)}|${String(p.sk)}`)).toEqual([
      'SEARCH#ал|альфа#ACCOUNT#01JACCOUNT0000000000000001',
      'SEARCH#бе|бета#ACCOUNT#01JACCOUNT0000000000000001',
      'MATCH#account#name:альфа бета|01JACCOUNT0000000000000001',
    ]);
    expect(plan.deletes).toEqual([]);
    expect(plan.next).toMatchObject({
      version: 1,
      keys: ['MATCH#account#name:альфа бета|01JACCOUNT0000000000000001', 'SEARCH#ал|альфа#ACCOUNT#01JACCOUNT0000000000000001', 'SEARCH#бе|бета#ACCOUNT#01JACCOUNT0000000000000001'],
    });
  });

  it('ignores an image not newer than the state, whatever it shows', () => {
    const state = stateAfter(account('Альфа Бета', 3));
    expect(planDerivation(state, { kind, record: account('Старое Имя', 2) })).toEqual({ puts: [], deletes: [] });
    expect(planDerivation(state, { kind, record: account('Альфа Бета', 3) })).toEqual({ puts: [], deletes: [] });
  });

  it('writes nothing for a newer image that shows the same (a status move)', () => {
    const state = stateAfter(account('Альфа Бета', 1));
    expect(planDerivation(state, { kind, record: { ...account('Альфа Бета', 2), status: 'client' } as Account })).toEqual({ puts: [], deletes: [] });
  });

  it('rewrites the items and deletes the terms a newer image lost; a new owner rewrites them all', () => {
    const state = stateAfter(account('Альфа Бета', 1));
    const renamed = planDerivation(state, { kind, record: account('Альфа Гамма', 2) });
    expect(renamed.puts.map((p) => p.sk)).toEqual(['альфа#ACCOUNT#01JACCOUNT0000000000000001', 'гамма#ACCOUNT#01JACCOUNT0000000000000001', '01JACCOUNT0000000000000001']);
    expect(renamed.deletes).toEqual([
      { pk: 'MATCH#account#name:альфа бета', sk: '01JACCOUNT0000000000000001' },
      { pk: 'SEARCH#бе', sk: 'бета#ACCOUNT#01JACCOUNT0000000000000001' },
    ]);
    expect(renamed.next?.version).toBe(2);
    // A new owner rewrites what search shows; the match key, the same key, is not written again.
    const moved = planDerivation(state, { kind, record: account('Альфа Бета', 2, 'u2') });
    expect(moved.puts.map((p) => [p.entity, p.ownerId])).toEqual([['SEARCH', 'u2'], ['SEARCH', 'u2']]);
    expect(moved.deletes).toEqual([]);
  });

  it('removes everything on a redirect and keeps the record out for good', () => {
    const state = stateAfter(account('Альфа Бета', 4));
    const merged = planDerivation(state, { redirectOf: 'ACCOUNT#01JACCOUNT0000000000000001' });
    expect(merged.deletes).toHaveLength(3);
    expect(merged.next).toEqual({ version: 4, keys: [], shown: '', final: true });
    expect(planDerivation(merged.next, { kind, record: account('Альфа Бета', 9) })).toEqual({ puts: [], deletes: [] });
    expect(planDerivation(undefined, { redirectOf: 'ACCOUNT#x' }).next).toMatchObject({ final: true });
  });

  it('writes nothing for a record without terms (an activity)', () => {
    const activity = { id: '01JACTIVITY000000000000001', subject: 'Звонок', ownerId: 'u1', createdAt: '2026-12-01T00:00:00.000Z', createdBy: 'u1', updatedAt: '2026-12-01T00:00:00.000Z', version: 1 } as unknown as Activity;
    expect(planDerivation(undefined, { kind: activityKind as unknown as RecordKind<RecordBase>, record: activity })).toEqual({ puts: [], deletes: [] });
  });
});

describe('derivedImageOf', () => {
  it('reads a record item and a redirect, and nothing else of a record partition', () => {
    const item = recordItem(accountKind, account('Альфа', 1));
    expect(derivedImageOf(item)).toMatchObject({ kind: { type: 'account' }, record: { name: 'Альфа', version: 1 } });
    expect(derivedImageOf({ pk: item.pk, sk: 'ACCOUNT', entity: 'REDIRECT', mergedInto: 'x' })).toEqual({ redirectOf: item.pk });
    expect(derivedImageOf({ pk: item.pk, sk: 'HIST#1', entity: 'HISTORY' })).toBeUndefined();
  });
});
