import { describe, expect, it } from 'vitest';
import { matchKeys, normaliseName, reasonOf } from '../../../shared/domain/duplicates/match-keys';

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

  it('treats ё as е and drops legal forms in names', () => {
    expect(normaliseName('Ёлкин Пётр')).toBe('елкин петр');
    expect(normaliseName('ЗАО "Альфа Групп"')).toBe('альфа групп');
    expect(reasonOf('taxId:7707083893')).toBe('taxId');
  });
});
