import { describe, expect, it } from 'vitest';
import { normalisePhone, phoneDigits, phoneLine, toE164 } from '../../../shared/domain/common/phone';
import { phoneCountries } from '../../../shared/domain/common/phone-metadata-countries';
import metadata from '../../../shared/domain/common/phone-metadata.json';
// @ts-expect-error -- a plain .mjs script without types
import { phoneMetadata } from '../../../scripts/phone-metadata.mjs';

describe('phones in E.164 (REC-11)', () => {
  it.each([
    ['8 (912) 345-67-89', '+79123456789'],
    ['+7 912 345 67 89', '+79123456789'],
    ['89123456789', '+79123456789'],
    ['912 345-67-89', '+79123456789'],
    ['(495) 123-45-67', '+74951234567'],
    ['+1 (415) 555-0134', '+14155550134'],
    ['+44 20 7946 0321', '+442079460321'],
  ])('%s is stored as %s', (typed, e164) => {
    expect(toE164(typed)).toBe(e164);
    expect(normalisePhone(typed)).toBe(e164);
    expect(phoneDigits(typed)).toBe(e164.slice(1));
  });

  it('keeps a number no plan makes sense of as typed, and finds it by its digits', () => {
    expect(toE164('123-45')).toBeUndefined();
    expect(normalisePhone(' 123-45 ')).toBe('123-45');
    expect(phoneDigits('8 123 45')).toBe('812345');
  });

  it.each([
    ['+7 912 345-67-89', 'mobile'],
    ['8 (495) 123-45-67', 'fixed'],
    ['8 800 555-35-35', 'fixed'],
    ['+7 701 123 45 67', 'mobile'],
    ['+44 20 7946 0321', 'fixed'],
    ['+1 415 555 0134', 'mobile'],
    ['12345', 'unknown'],
  ])('%s is a %s line', (typed, line) => expect(phoneLine(typed)).toBe(line));

  it('the metadata is the installed library’s, cut to the listed countries (regenerate with node scripts/phone-metadata.mjs)', () => {
    expect(metadata).toEqual(phoneMetadata([...phoneCountries]));
  });
});

describe('phones on entry', () => {
  it('a phone entry stores E.164 and keeps what the user typed for display', async () => {
    const { phoneEntry } = await import('../../../shared/domain/records/record-values');
    const entry = phoneEntry(['work', 'mobile'] as const);
    expect(entry.parse({ kind: 'work', number: '8 (495) 123-45-67' })).toEqual({ kind: 'work', number: '+74951234567', typed: '8 (495) 123-45-67' });
    expect(entry.parse({ kind: 'mobile', number: '+79123456789' })).toEqual({ kind: 'mobile', number: '+79123456789' });
    // Sent back unchanged from a form, the entry keeps its typed form; a number typed anew replaces it.
    expect(entry.parse({ kind: 'work', number: '+74951234567', typed: '8 (495) 123-45-67' })).toEqual({ kind: 'work', number: '+74951234567', typed: '8 (495) 123-45-67' });
    expect(entry.parse({ kind: 'work', number: '8 495 765 43 21', typed: '8 (495) 123-45-67' })).toEqual({ kind: 'work', number: '+74957654321', typed: '8 495 765 43 21' });
    expect(entry.safeParse({ kind: 'work', number: '+74951234567', typed: '8 (495) 000-00-00' }).success).toBe(false);
  });
});
