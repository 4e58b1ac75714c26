import { describe, expect, it } from 'vitest';
import { phoneEntry } from '../../../shared/domain/records/record-values';
import { phoneRows, phonesOf } from '../../../web/src/records/parts/entries';

/** Phones in the record forms (REC-11): edited as typed, stored in E.164 with the typed form kept. */
describe('phone rows of a record form', () => {
  it('shows a phone as the user typed it, and saving it unchanged keeps both forms', () => {
    const stored = [{ kind: 'work', number: '+74951234567', typed: '8 (495) 123-45-67' }, { kind: 'mobile', number: '+79123456789' }];
    const rows = phoneRows(stored);
    expect(rows.map((r) => r.number)).toEqual(['8 (495) 123-45-67', '+79123456789']);
    const entry = phoneEntry(['work', 'mobile'] as const);
    expect(phonesOf(rows)?.map((p) => entry.parse(p))).toEqual(stored);
  });
});
