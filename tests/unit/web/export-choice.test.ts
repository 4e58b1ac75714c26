import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { exportMessages } from '../../../web/src/records/exports/export-messages';
import { exportRequestOf, lossSummary } from '../../../web/src/records/exports/export-choice';

/** The export dialog's choices as the API takes them (REC-11), checked with the shared schema before sending. */
describe('an export request from the dialog', () => {
  it('sends XLSX without a CSV dialect, and CSV with the chosen one', () => {
    expect(exportRequestOf('contact', 'ru', { status: 'active' }, { format: 'xlsx', csvDialect: 'excel' })).toEqual({ recordType: 'contact', format: 'xlsx', locale: 'ru', filters: { status: 'active' } });
    expect(exportRequestOf('lead', 'en', {}, { format: 'csv', csvDialect: 'windows-1251' })).toEqual({ recordType: 'lead', format: 'csv', csvDialect: 'windows-1251', locale: 'en', filters: {} });
  });

  it('refuses what the API would refuse, naming the field', () => {
    let error: unknown;
    try {
      exportRequestOf('contact', 'ru', {}, { format: 'csv', csvDialect: 'utf-16' as never });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(z.ZodError);
    expect((error as z.ZodError).issues.map((issue) => issue.path.join('.'))).toEqual(['csvDialect']);
  });
});

describe('what Windows-1251 could not hold, in words', () => {
  const loss = {
    encoding: 'windows-1251' as const,
    cells: 4,
    characters: [
      { character: '₸', cells: 3 },
      { character: 'Ә', cells: 1 },
      { character: 'қ', cells: 22 },
    ],
  };

  it('names each character and its cells, in Russian and English', () => {
    expect(lossSummary(loss, exportMessages.ru, (n) => String(n))).toBe('Windows-1251 не вмещает некоторые символы, в файле они заменены на «?»: ₸ — в 3 ячейках, Ә — в 1 ячейке, қ — в 22 ячейках.');
    expect(lossSummary(loss, exportMessages.en, (n) => String(n))).toBe('Windows-1251 cannot hold some characters; they are written as “?” in the file: ₸ in 3 cells, Ә in 1 cell, қ in 22 cells.');
  });

  it('says nothing when nothing was lost', () => {
    expect(lossSummary({ encoding: 'windows-1251', cells: 0, characters: [] }, exportMessages.ru, String)).toBeUndefined();
    expect(lossSummary(undefined, exportMessages.en, String)).toBeUndefined();
  });
});
