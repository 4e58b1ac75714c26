import { describe, expect, it } from 'vitest';
import { matchesOthers, normaliseText, partitionsCovering, phoneDigits, queryTerms, searchTerms, termPartition } from '../../../shared/domain/search/search-terms';

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
  it('indexes name words, emails with their domain, phones as international digits, codes', () => {
    expect(
      searchTerms({
        names: ['Ёлкина Юлия Петровна', 'ООО «Ромашка»', undefined],
        emails: ['Yulia@Romashka.RU'],
        phones: ['+7 (912) 345-67-89'],
        codes: ['7707 083 893'],
      }),
    ).toEqual(['7707083893', '79123456789', 'yulia@romashka.ru', 'romashka.ru', 'елкина', 'петровна', 'ромашка', 'юлия'].sort());
  });

  it('leaves out legal forms, which name every company of the form; a query does not require them', () => {
    expect(searchTerms({ names: ['ООО «Ромашка»', 'ИП Соколов'] })).toEqual(['ромашка', 'соколов']);
    expect(queryTerms('ООО Ромашка')).toEqual({ lookups: ['ромашка'], others: [] });
    expect(queryTerms('ип')).toEqual({ lookups: ['ип'], others: [] });
  });

  it('leaves out the domain of a public mail service, which names no one', () => {
    expect(searchTerms({ emails: ['ivan@Mail.ru', 'anna@gmail.com', 'boss@romashka.ru'] })).toEqual(['anna@gmail.com', 'boss@romashka.ru', 'ivan@mail.ru', 'romashka.ru']);
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
    // Part of a number: as typed (a code), as a Russian number without +7, and a trunk 8 as 7.
    expect(queryTerms('912 345')).toEqual({ lookups: ['912345', '7912345'], others: [] });
    expect(queryTerms('8912')).toEqual({ lookups: ['8912', '78912', '7912'], others: [] });
    // A variant shorter than a number's partition width is not looked up (it would cover eleven partitions).
    expect(queryTerms('891')).toEqual({ lookups: ['891', '7891'], others: [] });
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

describe('search partitions (issue 14 §1)', () => {
  it('name a word by its first two characters and a number by its first four', () => {
    expect(termPartition('иванов')).toBe('ив');
    expect(termPartition('ivan@romashka.ru')).toBe('iv');
    expect(termPartition('79123456789')).toBe('7912');
    expect(termPartition('77272500000')).toBe('7727');
    expect(termPartition('1с-битрикс')).toBe('1с');
    expect(termPartition('123')).toBe('123');
  });

  it('spread Russian mobiles over their operator codes instead of one partition', () => {
    const mobiles = ['+7 912 345 67 89', '+7 985 111 22 33', '+7 926 000 00 01', '+7 903 555 44 33'].map(phoneDigits);
    expect(new Set(mobiles.map(termPartition)).size).toBe(4);
  });

  it('cover a typed prefix with one partition, or eleven for a number one digit short, none shorter', () => {
    expect(partitionsCovering('ив')).toEqual(['ив']);
    expect(partitionsCovering('иванов')).toEqual(['ив']);
    expect(partitionsCovering('7912345')).toEqual(['7912']);
    expect(partitionsCovering('912')).toEqual(['912', '9120', '9121', '9122', '9123', '9124', '9125', '9126', '9127', '9128', '9129']);
    expect(partitionsCovering('91')).toEqual([]);
  });

  it('find every term a prefix begins with in the partitions covering it', () => {
    const terms = ['123', '1234567', '1239', '12', 'иванов', 'ив', '79123456789', '1с-битрикс'];
    for (const prefix of ['123', '1234', '79123', 'ив', 'ива', '1с']) {
      const covering = new Set(partitionsCovering(prefix));
      for (const term of terms.filter((t) => t.startsWith(prefix))) expect(covering.has(termPartition(term)), `${term} under ${prefix}`).toBe(true);
    }
  });
});
