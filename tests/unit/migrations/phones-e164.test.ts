import { describe, expect, it } from 'vitest';
import { accountPhoneKinds } from '../../../shared/domain/accounts/account';
import { contactPhoneKinds } from '../../../shared/domain/contacts/contact';
import { storedPhone } from '../../../shared/domain/leads/lead-commands';
import { leadPhoneE164, phoneEntriesE164, phoneMigrations, previousReleasePhoneDigits } from '../../../shared/domain/migrations/phones-e164';
import { phoneEntry } from '../../../shared/domain/records/record-values';
import { phoneDigits } from '../../../shared/domain/search/search-terms';

describe('migration 0001: phones to E.164 (pure part)', () => {
  it('stores a lead phone as a fresh write does, the writing kept', () => {
    const lead = { id: 'L1', phone: '8 (916) 123-45-67', email: 'a@b.ru' };
    const migrated = leadPhoneE164(lead);
    expect(migrated).toEqual({ id: 'L1', email: 'a@b.ru', phone: '+79161234567', phoneTyped: '8 (916) 123-45-67' });
    // Exactly what the lead commands store for the same writing.
    expect({ phone: migrated?.phone, phoneTyped: migrated?.phoneTyped }).toEqual(storedPhone('8 (916) 123-45-67'));
  });

  it('changes nothing on a lead already in shape, on one without a phone, or on a number no plan knows', () => {
    expect(leadPhoneE164({ phone: '+79161234567' })).toBeUndefined();
    expect(leadPhoneE164({ phone: '+79161234567', phoneTyped: '8 916 123 45 67' })).toBeUndefined();
    expect(leadPhoneE164({ email: 'a@b.ru' })).toBeUndefined();
    expect(leadPhoneE164({ phone: '12345' })).toBeUndefined();
    const once = leadPhoneE164({ phone: '+7 903 765-43-21' });
    expect(once).toEqual({ phone: '+79037654321', phoneTyped: '+7 903 765-43-21' });
    expect(leadPhoneE164(once!)).toBeUndefined();
  });

  it('stores phone entries as the entry schema does, and is idempotent', () => {
    const entries = [
      { kind: 'mobile', number: '8 916 555 44 33' },
      { kind: 'work', number: '+74951234567' },
    ];
    const migrated = phoneEntriesE164(entries, contactPhoneKinds);
    expect(migrated).toEqual(entries.map((e) => phoneEntry(contactPhoneKinds).parse(e)));
    expect(migrated).toEqual([{ kind: 'mobile', number: '+79165554433', typed: '8 916 555 44 33' }, { kind: 'work', number: '+74951234567' }]);
    expect(phoneEntriesE164(migrated, contactPhoneKinds)).toBeUndefined();
    expect(phoneEntriesE164([{ kind: 'work', number: '+74951234567' }], accountPhoneKinds)).toBeUndefined();
    expect(phoneEntriesE164(undefined, accountPhoneKinds)).toBeUndefined();
  });

  it('keeps an entry the schema refuses as it is, and migrates the others', () => {
    const entries = [
      { kind: 'pager', number: '8 916 555 44 33' },
      { kind: 'work', number: '8 (495) 123-45-67' },
    ];
    expect(phoneEntriesE164(entries, accountPhoneKinds)).toEqual([{ kind: 'pager', number: '8 916 555 44 33' }, { kind: 'work', number: '+74951234567', typed: '8 (495) 123-45-67' }]);
  });

  it('covers leads, accounts and contacts by entity', () => {
    expect(Object.keys(phoneMigrations).sort()).toEqual(['ACCOUNT', 'CONTACT', 'LEAD']);
    expect(phoneMigrations.ACCOUNT({ phones: [{ kind: 'fax', number: '8 495 111 22 33' }] })).toEqual({ phones: [{ kind: 'fax', number: '+74951112233', typed: '8 495 111 22 33' }] });
  });

  it("keeps the previous releases' digit rule, which agrees with E.164 on Russian numbers and not on an international prefix", () => {
    for (const phone of ['8 (916) 123-45-67', '+7 916 123 45 67', '916 123 45 67', '+49 30 1234567']) expect(previousReleasePhoneDigits(phone)).toBe(phoneDigits(phone));
    expect(previousReleasePhoneDigits('8 10 49 30 1234567')).toBe('81049301234567');
  });
});
