import { describe, expect, it } from 'vitest';
import { matchesOthers, normaliseText, phoneDigits, queryTerms, searchTerms } from '../../../shared/domain/search/search-terms';

describe('phoneDigits', () => {
  it.each([
    ['+7 (912) 345-67-89', '79123456789'],
    ['8 912 345 67 89', '79123456789'],
    ['79123456789', '79123456789'],
    ['912 345-67-89', '79123456789'],
    ['+7 727 250 00 00', '77272500000'],
    ['+49 30 1234567', '49301234567'],
  ])('%s → %s', (phone, digits) => expect(phoneDigits(phone)).toBe(digits));
});

describe('searchTerms', () => {
  it('indexes name words, emails with their domain, phones with and without the country code, codes', () => {
    expect(
      searchTerms({
        names: ['Ёлкина Юлия Петровна', 'ООО «Ромашка»', undefined],
        emails: ['Yulia@Romashka.RU'],
        phones: ['+7 (912) 345-67-89'],
        codes: ['7707 083 893'],
      }),
    ).toEqual(['7707083893', '79123456789', '9123456789', 'yulia@romashka.ru', 'romashka.ru', 'елкина', 'петровна', 'ромашка', 'юлия', 'ооо'].sort());
  });

  it('drops one-letter words and cuts very long ones', () => {
    expect(searchTerms({ names: ['А Б Ви', 'x'.repeat(60)] })).toEqual(['ви', 'x'.repeat(40)].sort());
  });
});

describe('queryTerms', () => {
  it('looks up the longest word and requires the others as prefixes', () => {
    expect(queryTerms('Юл Ёлкин')).toEqual({ lookups: ['елкин'], others: ['юл'] });
    expect(matchesOthers(['елкина', 'юлия'], ['юл'])).toBe(true);
    expect(matchesOthers(['елкина', 'мария'], ['юл'])).toBe(false);
  });

  it('finds a phone however it is typed', () => {
    expect(queryTerms('+7 (912) 345-67-89')).toEqual({ lookups: ['79123456789'], others: [] });
    expect(queryTerms('8 912 345 67 89')).toEqual({ lookups: ['79123456789'], others: [] });
    expect(queryTerms('912 345')).toEqual({ lookups: ['912345'], others: [] });
    expect(queryTerms('8912')).toEqual({ lookups: ['8912', '7912'], others: [] });
  });

  it('keeps an email whole, and refuses what is too short to look up', () => {
    expect(queryTerms('Yulia@Rom')).toEqual({ lookups: ['yulia@rom'], others: [] });
    expect(queryTerms('я')).toBeUndefined();
    expect(queryTerms('  ')).toBeUndefined();
  });

  it('normalises like the index', () => {
    expect(normaliseText('  Фёдоров,   Иван!  ')).toBe('федоров иван');
  });
});
