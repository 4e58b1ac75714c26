import { describe, expect, it } from 'vitest';
import { mergePatch } from '../../../shared/domain/imports/import-merge';
import { addOutcome, noCounts, rowAction, rowNumberOf } from '../../../shared/domain/imports/import-job';

describe('updating a duplicate from an imported row', () => {
  const stored = {
    lastName: 'Иванов',
    jobTitle: 'Менеджер',
    phones: [{ kind: 'mobile', number: '+7 (912) 345-67-89' }],
    emails: [{ kind: 'work', address: 'ivanov@firm.ru' }],
    custom: { segment: 'b2b', size: 10 },
  };

  it('changes only what differs, adds new list entries and merges custom values', () => {
    const patch = mergePatch(stored, {
      lastName: 'Иванов',
      jobTitle: 'Директор',
      phones: [{ kind: 'work', number: '89123456789' }, { kind: 'work', number: '+7 495 000-00-00' }],
      emails: [{ kind: 'work', address: 'IVANOV@firm.ru' }],
      custom: { segment: 'b2b', size: 12 },
    });
    expect(patch).toEqual({
      jobTitle: 'Директор',
      phones: [...stored.phones, { kind: 'work', number: '+7 495 000-00-00' }],
      custom: { size: 12 },
    });
  });

  it('is empty when the row brings nothing new', () => {
    expect(mergePatch(stored, { lastName: 'Иванов', phones: [{ kind: 'home', number: '8 912 345 67 89' }], jobTitle: '' })).toEqual({});
  });
});

describe('row decisions and counts', () => {
  it('creates rows without matches and follows the per-row choice, else the policy, for duplicates', () => {
    const job = { duplicatePolicy: 'skip' as const, rowActions: { '7': 'update' as const } };
    expect(rowAction(job, 5, false)).toBe('create');
    expect(rowAction(job, 5, true)).toBe('skip');
    expect(rowAction(job, 7, true)).toBe('update');
  });

  it('counts outcomes and duplicates, and numbers rows as the spreadsheet shows them', () => {
    const counts = addOutcome(addOutcome(noCounts, { outcome: 'created' }), { outcome: 'skipped', matches: [{ id: 'x', reasons: ['phone'] }] });
    expect(counts).toEqual({ ...noCounts, created: 1, skipped: 1, duplicates: 1 });
    expect(rowNumberOf(0)).toBe(2);
  });
});
