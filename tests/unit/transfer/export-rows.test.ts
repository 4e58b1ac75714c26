import { describe, expect, it } from 'vitest';
import { accountKind } from '../../../shared/domain/accounts/account';
import { activityKind } from '../../../shared/domain/activities/activity';
import { contactKind } from '../../../shared/domain/contacts/contact';
import { dealKind } from '../../../shared/domain/deals/deal';
import { leadKind } from '../../../shared/domain/leads/lead';
import { cellOf, exportColumns, type ExportColumn, type OwnerOf } from '../../../shared/domain/transfer/export-rows';

const noContext = { owners: new Map<string, OwnerOf>(), accountNames: new Map<string, string>() };
const withOwners = (owners: Map<string, OwnerOf>) => ({ ...noContext, owners });

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

  it('have headers in the chosen language, money split into amount and currency, custom fields, owner by name and by email', () => {
    const columns = exportColumns(accountKind as never, [{ key: 'segment', label: 'Сегмент', type: 'text' } as never], 'ru');
    const headers = columns.map((c) => c.header);
    expect(headers.slice(0, 3)).toEqual(['ID', 'Название', 'Юридическое название']);
    expect(headers).toEqual(expect.arrayContaining(['ИНН', 'КПП', 'Годовая выручка', 'Годовая выручка: Валюта', 'Сегмент', 'Ответственный', 'Email ответственного', 'Создан (UTC)']));
    const row = columns.map((c) => c.value({ id: 'a1', name: 'Ромашка', annualRevenue: { amount: 10, currency: 'USD' }, custom: { segment: 'b2b' }, ownerId: 'u1' }, withOwners(new Map([['u1', { email: 'rep@firm.ru', name: 'Иванова Анна' }]]))));
    expect(row[headers.indexOf('Годовая выручка')]).toBe(10);
    expect(row[headers.indexOf('Годовая выручка: Валюта')]).toBe('USD');
    expect(row[headers.indexOf('Сегмент')]).toBe('b2b');
    expect(row[headers.indexOf('Ответственный')]).toBe('Иванова Анна');
    expect(row[headers.indexOf('Email ответственного')]).toBe('rep@firm.ru');
    // An owner with no name yet is shown by their email; one no longer in the directory by their id.
    const cellsOf = (ownerId: string, owners: Map<string, { email: string }>) => Object.fromEntries(columns.map((c) => [c.header, c.value({ id: 'a1', ownerId }, withOwners(owners))]));
    expect(cellsOf('u1', new Map([['u1', { email: 'rep@firm.ru' }]]))).toMatchObject({ Ответственный: 'rep@firm.ru', 'Email ответственного': 'rep@firm.ru' });
    expect(cellsOf('gone', new Map())).toMatchObject({ Ответственный: 'gone', 'Email ответственного': null });
    expect(exportColumns(contactKind as never, [], 'en').map((c) => c.header)).toEqual(expect.arrayContaining(['Last name', 'First name', 'Middle name', 'Mobile phone', 'Owner', 'Owner email']));
  });

  it('say how each column is shown: money, dates and moments typed, custom fields by their type', () => {
    const custom = [
      { key: 'contractDate', label: 'Дата договора', type: 'date' },
      { key: 'deposit', label: 'Залог', type: 'money' },
      { key: 'segment', label: 'Сегмент', type: 'text' },
    ] as never[];
    const formatOf = (columns: ExportColumn[]) => Object.fromEntries(columns.map((c) => [c.header, c.format ?? null]));
    expect(formatOf(exportColumns(dealKind as never, custom, 'ru'))).toMatchObject({
      Сумма: 'money',
      'Сумма: Валюта': null,
      'Плановая дата закрытия': 'date',
      'Дата договора': 'date',
      Залог: 'money',
      'Залог: Валюта': null,
      Сегмент: null,
      'Создан (UTC)': 'datetime',
      'Изменён (UTC)': 'datetime',
    });
    expect(formatOf(exportColumns(contactKind as never, [], 'en'))).toMatchObject({ 'Birth date': 'date', 'Last name': null, 'Mobile phone': null });
    expect(formatOf(exportColumns(activityKind as never, [], 'en'))).toMatchObject({ 'Due (UTC)': 'datetime', 'Reminder (UTC)': 'datetime' });
    // A lead's budget is money like any other: its amount and its currency.
    const lead = exportColumns(leadKind as never, [], 'en');
    const row = lead.map((c) => c.value({ id: 'l1', budget: { amount: 250000, currency: 'KZT' } }, noContext));
    expect(row[lead.findIndex((c) => c.header === 'Budget')]).toBe(250000);
    expect(row[lead.findIndex((c) => c.header === 'Budget: Currency')]).toBe('KZT');
    const deal = exportColumns(dealKind as never, custom, 'ru');
    const dealRow = deal.map((c) => c.value({ id: 'd1', custom: { deposit: { amount: 10, currency: 'USD' } } }, noContext));
    expect(dealRow[deal.findIndex((c) => c.header === 'Залог')]).toBe(10);
    expect(dealRow[deal.findIndex((c) => c.header === 'Залог: Валюта')]).toBe('USD');
  });

  it('give phones and emails a column per kind, headed as the importer knows them, phones as typed', () => {
    const columns = exportColumns(contactKind as never, [], 'ru');
    const record = {
      id: 'c1',
      phones: [
        { kind: 'mobile', number: '+79123456789', typed: '+7 912 345-67-89' },
        { kind: 'work', number: '+74951111111' },
        { kind: 'mobile', number: '+79120000000' },
      ],
      emails: [
        { kind: 'work', address: 'a@firm.ru' },
        { kind: 'personal', address: 'a@mail.ru' },
      ],
    };
    const cells = Object.fromEntries(columns.map((c) => [c.header, c.value(record, noContext)]));
    expect(cells).toMatchObject({
      'Мобильный телефон': '+7 912 345-67-89; +79120000000',
      'Рабочий телефон': '+74951111111',
      'Домашний телефон': null,
      'Другой телефон': null,
      Email: 'a@firm.ru',
      'Личный email': 'a@mail.ru',
      'Другой email': null,
    });
    const account = exportColumns(accountKind as never, [], 'en').map((c) => c.header);
    expect(account).toEqual(expect.arrayContaining(['Work phone', 'Fax', 'Mobile phone', 'Other phone', 'Email']));
    expect(account).not.toContain('Phones');
  });

  it('give addresses a column per kind, the main kind split into its parts, nothing dropped', () => {
    const columns = exportColumns(accountKind as never, [], 'ru');
    const record = {
      id: 'a1',
      addresses: [
        { kind: 'office', line: 'ул. Ленина, 1', city: 'Москва', region: 'Москва', postalCode: '101000', country: 'Россия' },
        { kind: 'legal', line: 'ул. Мира, 2', city: 'Тверь' },
        { kind: 'office', line: 'пр. Абая, 10', city: 'Алматы' },
        { kind: 'shipping', line: 'склад №3' },
      ],
    };
    const cells = Object.fromEntries(columns.map((c) => [c.header, c.value(record, noContext)]));
    expect(cells).toMatchObject({
      Адрес: 'ул. Ленина, 1; Алматы, пр. Абая, 10',
      Город: 'Москва',
      Регион: 'Москва',
      Индекс: '101000',
      Страна: 'Россия',
      'Юридический адрес': 'Тверь, ул. Мира, 2',
      'Почтовый адрес': null,
      'Адрес доставки': 'склад №3',
    });
    expect(columns.map((c) => c.header)).not.toContain('Адреса');
    expect(exportColumns(contactKind as never, [], 'en').map((c) => c.header)).toEqual(expect.arrayContaining(['Address', 'City', 'Region', 'Postal code', 'Country', 'Postal address', 'Home address', 'Other address']));
  });
});
