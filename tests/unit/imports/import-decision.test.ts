import { describe, expect, it } from 'vitest';
import { matchOf } from '../../../shared/domain/duplicates/match-keys';
import { addsNothing, decideRow, heldByAnotherOwner, type Candidate } from '../../../shared/domain/imports/import-decision';

/** One decision for the dry run and the run (REC-11): what a valid row becomes, given what it matched. */
const candidate = (keys: string[], extra: Partial<Candidate> = {}): Candidate => ({
  id: 'C1',
  ownerId: 'rep',
  workable: true,
  strongKeys: true,
  snapshot: { lastName: 'Иванов', emails: [{ kind: 'work', address: 'ivanov@romashka.example' }] },
  ...matchOf(keys),
  ...extra,
});
const skip = { duplicatePolicy: 'skip' as const };
const input = { lastName: 'Иванов', firstName: 'Иван', emails: [{ kind: 'work', address: 'ivanov@vector.example' }] };

describe('deciding a row', () => {
  it('creates a namesake with an email of their own, and lists the match for review', () => {
    const { row, target } = decideRow(skip, 5, input, true, [candidate(['name:иванов иван'])]);
    expect(row).toEqual({ row: 5, outcome: 'created', matches: [{ id: 'C1', ownerId: 'rep', reasons: ['name'], strength: 'weak', evidence: [{ reason: 'name', strength: 'weak' }], acts: false }] });
    expect(target).toBeUndefined();
  });

  it('applies the policy to a strong match, and a person’s choice to a weak one', () => {
    expect(decideRow(skip, 5, input, true, [candidate(['email:ivanov@vector.example'])]).row).toMatchObject({ outcome: 'skipped', action: 'skip', matches: [{ id: 'C1', acts: true }] });
    expect(decideRow({ duplicatePolicy: 'create' }, 5, input, true, [candidate(['email:ivanov@vector.example'])]).row).toMatchObject({ outcome: 'created', action: 'create' });
    const chosen = decideRow({ ...skip, rowActions: { '5': 'update' } }, 5, input, true, [candidate(['name:иванов иван'])]);
    expect(chosen.row).toMatchObject({ outcome: 'updated', action: 'update', recordId: 'C1' });
    expect(chosen.patch).toEqual({ firstName: 'Иван', emails: [{ kind: 'work', address: 'ivanov@romashka.example' }, { kind: 'work', address: 'ivanov@vector.example' }] });
  });

  it('skips a duplicate of another owner’s client without taking it, and says so', () => {
    const { row, target } = decideRow({ duplicatePolicy: 'update' }, 5, input, true, [candidate(['email:ivanov@vector.example'], { workable: false, ownerId: 'other-rep' })]);
    expect(row).toMatchObject({ outcome: 'skipped', action: 'skip', reason: heldByAnotherOwner, matches: [{ id: 'C1', ownerId: 'other-rep', acts: true }] });
    expect(target).toBeUndefined();
    // With the policy "create" neither: it would be a second copy of that client.
    expect(decideRow({ duplicatePolicy: 'create' }, 5, input, true, [candidate(['email:ivanov@vector.example'], { workable: false })]).row).toMatchObject({ outcome: 'skipped', reason: heldByAnotherOwner });
  });

  it('a person’s choice to create beside a weak match of another owner’s namesake creates, taking nothing', () => {
    const { row, target } = decideRow({ ...skip, rowActions: { '5': 'create' } }, 5, input, true, [candidate(['name:иванов иван'], { workable: false, ownerId: 'other-rep' })]);
    expect(row).toMatchObject({ outcome: 'created' });
    expect(target).toBeUndefined();
  });

  it('lists at most five matches on the report, strongest first as given', () => {
    const many = Array.from({ length: 7 }, (_, i) => candidate(['name:иванов иван'], { id: `C${i}` }));
    expect(decideRow(skip, 5, input, true, many).row.matches?.map((m) => m.id)).toEqual(['C0', 'C1', 'C2', 'C3', 'C4']);
  });

  it('an update that adds nothing is a skip', () => {
    const same = { lastName: 'Иванов', emails: [{ kind: 'work', address: 'IVANOV@romashka.example' }] };
    expect(decideRow({ duplicatePolicy: 'update' }, 5, same, true, [candidate(['email:ivanov@romashka.example'])]).row).toMatchObject({ outcome: 'skipped', action: 'update', reason: addsNothing });
  });

  it('takes an earlier row of the file like a stored record', () => {
    const earlier = candidate(['email:ivanov@vector.example'], { id: undefined, row: 3 });
    expect(decideRow(skip, 9, input, true, [earlier]).row).toMatchObject({ outcome: 'skipped', action: 'skip', matches: [{ row: 3, acts: true }] });
  });
});
