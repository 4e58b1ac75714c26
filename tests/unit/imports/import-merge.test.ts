import { describe, expect, it } from 'vitest';
import { mergePatch } from '../../../shared/domain/imports/import-merge';
import { addOutcome, noCounts, rowNumberOf } from '../../../shared/domain/imports/import-job';

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

describe('counts', () => {
  it('counts outcomes, a row a match decided as a duplicate (not one only shown for review), and numbers rows as the spreadsheet shows them', () => {
    const counts = [{ outcome: 'created' as const }, { outcome: 'skipped' as const, action: 'skip' as const }, { outcome: 'created' as const }].reduce(addOutcome, noCounts);
    expect(counts).toEqual({ ...noCounts, created: 2, skipped: 1, duplicates: 1 });
    expect(rowNumberOf(0)).toBe(2);
  });
});
