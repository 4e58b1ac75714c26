import { describe, expect, it } from 'vitest';
import { hasStrongKey, keyStrength, matchActs, matchKeys, matchOf, normaliseName, reasonOf } from '../../../shared/domain/duplicates/match-keys';

describe('match keys', () => {
  it('normalises emails, phones, tax ids and names to comparable keys', () => {
    expect(matchKeys({ emails: [' Ivan@Example.COM '], phones: ['+7 (912) 345-67-89', '8 912 345 67 89'], taxIds: ['7707 083 893'], names: ['ООО «Ромашка-Плюс»'] })).toEqual([
      'email:ivan@example.com',
      'name:ромашка плюс',
      'phone:79123456789',
      'taxId:7707083893',
    ]);
  });

  it('ignores keys too weak to tell parties apart', () => {
    expect(matchKeys({ phones: ['12-34'], taxIds: ['123'], names: ['ИП', 'Оля'] })).toEqual([]);
  });

  it('keeps keys at their thresholds and skips missing values (mutation testing found these unpinned)', () => {
    // Ten digits is a phone (Germany's +49 30 123456), nine is not; a one-word name of six letters is a key, five is not.
    expect(matchKeys({ phones: ['+49 30 123456', '+49 30 12345'] })).toEqual(['phone:4930123456']);
    expect(matchKeys({ names: ['Иванов', 'Петро'] })).toEqual(['name:иванов']);
    expect(matchKeys({ names: ['Иванова Анна'] })).toEqual(['name:иванова анна']);
    // Missing and empty values are no keys and no errors.
    expect(matchKeys({ emails: [undefined, ''], phones: [undefined, ''], taxIds: [undefined, ''], names: [undefined, ''] })).toEqual([]);
    // A name key is cut at 200 characters, so two long names that differ only past them match.
    const long = 'а'.repeat(150) + ' ' + 'б'.repeat(100);
    expect(matchKeys({ names: [long] })).toEqual([`name:${long.slice(0, 200)}`]);
  });

  it('treats ё as е and drops legal forms in names', () => {
    expect(normaliseName('Ёлкин Пётр')).toBe('елкин петр');
    expect(normaliseName('ЗАО "Альфа Групп"')).toBe('альфа групп');
    expect(reasonOf('taxId:7707083893')).toBe('taxId');
  });
});

describe('match strengths (REC-11, REC-12)', () => {
  it('a personal email, a mobile phone and a tax id are strong; a name, a role mailbox and an office line are weak', () => {
    expect(keyStrength('email:ivan.petrov@romashka.example')).toBe('strong');
    expect(keyStrength('phone:79123456789')).toBe('strong');
    expect(keyStrength('taxId:7707083893')).toBe('strong');
    expect(keyStrength('name:петров иван')).toBe('weak');
    for (const mailbox of ['info', 'sales', 'office', 'support', 'hello', 'zakaz', 'buh']) expect(keyStrength(`email:${mailbox}@romashka.example`)).toBe('weak');
    expect(keyStrength('email:Info@Romashka.example'.toLowerCase())).toBe('weak');
    // A Moscow switchboard, a free 8-800 line, a number no plan knows.
    expect(keyStrength('phone:74951234567')).toBe('weak');
    expect(keyStrength('phone:78005553535')).toBe('weak');
    expect(keyStrength('phone:12345678')).toBe('weak');
  });

  it('a match is as strong as the strongest key it shares, and says the strength of each reason', () => {
    expect(matchOf(['name:петров иван', 'phone:74951234567'])).toEqual({
      reasons: ['phone', 'name'],
      strength: 'weak',
      evidence: [
        { reason: 'phone', strength: 'weak' },
        { reason: 'name', strength: 'weak' },
      ],
    });
    expect(matchOf(['email:info@romashka.example', 'email:petrov@romashka.example'])).toEqual({
      reasons: ['email'],
      strength: 'strong',
      evidence: [{ reason: 'email', strength: 'strong' }],
    });
  });

  it('a record has a strong identifier when any of its keys is strong: a name, an office line or a role mailbox is none', () => {
    expect(hasStrongKey(['name:иванов иван', 'phone:74951234567', 'email:info@romashka.ru'])).toBe(false);
    expect(hasStrongKey(['name:иванов иван', 'email:ivanov@romashka.ru'])).toBe(true);
    expect(hasStrongKey([])).toBe(false);
  });

  it('a reason once strong stays strong whatever keys of it follow', () => {
    expect(matchOf(['phone:79123456789', 'phone:74951234567']).evidence).toEqual([{ reason: 'phone', strength: 'strong' }]);
    expect(matchOf(['phone:74951234567', 'phone:79123456789']).evidence).toEqual([{ reason: 'phone', strength: 'strong' }]);
  });

  it('only a strong match acts on its own; a weak one only when neither side has a strong identifier and the names agree', () => {
    const strong = matchOf(['email:petrov@romashka.example']);
    const nameOnly = matchOf(['name:петров иван']);
    const officeOnly = matchOf(['phone:74951234567']);
    expect(matchActs(strong, { rowStrong: true, recordStrong: true })).toBe(true);
    // Namesakes, each with an email of their own: two people.
    expect(matchActs(nameOnly, { rowStrong: true, recordStrong: true })).toBe(false);
    expect(matchActs(nameOnly, { rowStrong: false, recordStrong: true })).toBe(false);
    expect(matchActs(nameOnly, { rowStrong: true, recordStrong: false })).toBe(false);
    // A company re-imported without tax id, email or mobile: the name is all there is.
    expect(matchActs(nameOnly, { rowStrong: false, recordStrong: false })).toBe(true);
    // A switchboard shared by people of other names merges no one.
    expect(matchActs(officeOnly, { rowStrong: false, recordStrong: false })).toBe(false);
  });
});
