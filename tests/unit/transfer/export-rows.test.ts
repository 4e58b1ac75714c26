import { describe, expect, it } from 'vitest';
import { accountKind } from '../../../shared/domain/accounts/account';
import { contactKind } from '../../../shared/domain/contacts/contact';
import { cellOf, exportColumns } from '../../../shared/domain/transfer/export-rows';

describe('export rows', () => {
  it('turn stored values into readable cells', () => {
    expect(cellOf(undefined)).toBeNull();
    expect(cellOf(42)).toBe(42);
    expect(cellOf({ amount: 1500, currency: 'RUB' })).toBe(1500);
    expect(cellOf([{ kind: 'mobile', number: '+7 912 000-00-00' }, { kind: 'work', number: '+7 495 111-11-11' }])).toBe('+7 912 000-00-00; +7 495 111-11-11');
    expect(cellOf([{ kind: 'work', address: 'a@b.ru' }])).toBe('a@b.ru');
    expect(cellOf([{ kind: 'legal', line: 'ул. Ленина, 1', city: 'Москва', postalCode: '101000' }])).toBe('101000, Москва, ул. Ленина, 1');
    expect(cellOf({ type: 'deal', id: '01J' })).toBe('deal:01J');
    expect(cellOf([])).toBeNull();
  });

  it('have headers in the chosen language, money split into amount and currency, custom fields, owner by email', () => {
    const columns = exportColumns(accountKind as never, [{ key: 'segment', label: 'Сегмент', type: 'text' } as never], 'ru');
    const headers = columns.map((c) => c.header);
    expect(headers.slice(0, 3)).toEqual(['ID', 'Название', 'Юридическое название']);
    expect(headers).toEqual(expect.arrayContaining(['ИНН', 'КПП', 'Годовая выручка', 'Годовая выручка: Валюта', 'Сегмент', 'Ответственный', 'Создан']));
    const row = columns.map((c) => c.value({ id: 'a1', name: 'Ромашка', annualRevenue: { amount: 10, currency: 'USD' }, custom: { segment: 'b2b' }, ownerId: 'u1' }, new Map([['u1', 'rep@firm.ru']])));
    expect(row[headers.indexOf('Годовая выручка')]).toBe(10);
    expect(row[headers.indexOf('Годовая выручка: Валюта')]).toBe('USD');
    expect(row[headers.indexOf('Сегмент')]).toBe('b2b');
    expect(row[headers.indexOf('Ответственный')]).toBe('rep@firm.ru');
    expect(exportColumns(contactKind as never, [], 'en').map((c) => c.header)).toEqual(expect.arrayContaining(['Last name', 'First name', 'Middle name', 'Phones', 'Owner']));
  });
});
