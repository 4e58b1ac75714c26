import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../shared/adapters/spreadsheet-reader';
import { detectSource, mappingSchema, suggestMapping } from '../../../shared/domain/transfer/column-mapping';
import { normaliseHeader } from '../../../shared/domain/transfer/normalise-header';
import { importableTypes, importFieldsOf } from '../../../shared/domain/transfer/import-fields';

const fixture = (name: string) => readSpreadsheet(new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url))), name);

/** The suggested mapping as header → field, for readable expectations. */
const mapped = (headers: string[], type: (typeof importableTypes)[number], custom?: { key: string; label: string }[]) => {
  const mapping = suggestMapping(headers, importFieldsOf(type, custom));
  return Object.fromEntries(headers.map((h, i) => [h, mapping[i]]));
};

describe('normalising headers', () => {
  it('lowercases, turns ё into е, drops dots, hyphens and apostrophes, and spaces out other punctuation', () => {
    expect(normaliseHeader('  E-mail ')).toBe('email');
    expect(normaliseHeader('Ф.И.О.')).toBe('фио');
    expect(normaliseHeader('Дата рождения (д.м.г)')).toBe('дата рождения дмг');
    expect(normaliseHeader('Mailing Zip/Postal Code')).toBe('mailing zip postal code');
    expect(normaliseHeader('Ёмкость,  шт')).toBe('емкость шт');
    expect(normaliseHeader('Рабочий   телефон\t(контакт)')).toBe('рабочий телефон контакт');
  });
});

describe('the fields of each type', () => {
  it('use the create schemas’ field names and normalised synonyms', () => {
    for (const type of importableTypes) {
      const fields = importFieldsOf(type);
      expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
      for (const field of fields) for (const synonym of field.synonyms) expect(normaliseHeader(synonym)).toBe(synonym);
    }
    expect(importFieldsOf('contact').map((f) => f.key)).toEqual(expect.arrayContaining(['lastName', 'firstName', 'middleName', 'fullName', 'email', 'email2', 'phone', 'mobilePhone', 'phone2', 'jobTitle', 'department', 'birthDate', 'accountName', 'address', 'ownerEmail', 'status', 'emailOptOut']));
    expect(importFieldsOf('account').map((f) => f.key)).toEqual(expect.arrayContaining(['name', 'legalName', 'taxId', 'kpp', 'industry', 'website', 'phone', 'email', 'address', 'ownerEmail']));
    expect(importFieldsOf('deal').map((f) => f.key)).toEqual(expect.arrayContaining(['title', 'amount', 'pipelineName', 'stageName', 'accountName', 'contactEmail', 'expectedCloseDate', 'ownerEmail']));
    expect(importFieldsOf('contact').find((f) => f.key === 'lastName')?.required).toBe(true);
    expect(importFieldsOf('account').find((f) => f.key === 'name')?.required).toBe(true);
  });

  it('add custom fields as custom.<key>, recognised by their label, leads included', () => {
    const custom = importFieldsOf('contact', [{ key: 'segment', label: 'Сегмент клиента' }]).at(-1);
    expect(custom).toEqual({ key: 'custom.segment', label: { en: 'Сегмент клиента', ru: 'Сегмент клиента' }, synonyms: ['сегмент клиента', 'segment'] });
    expect(importFieldsOf('lead', [{ key: 'segment', label: 'Сегмент' }]).at(-1)?.key).toBe('custom.segment');
    expect(mapped(['Фамилия', 'Сегмент клиента'], 'contact', [{ key: 'segment', label: 'Сегмент клиента' }])).toEqual({ Фамилия: 'lastName', 'Сегмент клиента': 'custom.segment' });
  });
});

describe('suggesting a mapping', () => {
  it('maps a HubSpot contacts export', async () => {
    const { headers } = await fixture('hubspot-contacts.csv');
    expect(detectSource(headers)).toBe('hubspot');
    expect(mapped(headers, 'contact')).toEqual({
      'Record ID': null,
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      'Phone Number': 'phone',
      'Mobile Phone Number': 'mobilePhone',
      'Job Title': 'jobTitle',
      'Company Name': 'accountName',
      // The owner's name, not an email: left for a person to map.
      'Contact owner': null,
      'Lifecycle Stage': null,
      'Lead Status': null,
      'Create Date': null,
      'Street Address': 'address',
      City: 'city',
      'State/Region': 'region',
      'Postal Code': 'postalCode',
      'Country/Region': 'country',
      'Marketing contact status': null,
    });
  });

  it('maps a Salesforce contacts export', async () => {
    const { headers } = await fixture('salesforce-contacts.csv');
    expect(detectSource(headers)).toBe('salesforce');
    expect(mapped(headers, 'contact')).toEqual({
      'Contact ID': null,
      Salutation: null,
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Title: 'jobTitle',
      'Account Name': 'accountName',
      Email: 'email',
      Phone: 'phone',
      Mobile: 'mobilePhone',
      'Mailing Street': 'address',
      'Mailing City': 'city',
      'Mailing State/Province': 'region',
      'Mailing Zip/Postal Code': 'postalCode',
      'Mailing Country': 'country',
      Birthdate: 'birthDate',
      'Lead Source': null,
      'Contact Owner': null,
      'Email Opt Out': 'emailOptOut',
      'Created Date': null,
    });
  });

  it('maps a Bitrix24 contacts export (Windows-1251, `;`, \\r\\r\\n line ends)', async () => {
    const { headers, rows } = await fixture('bitrix24-contacts.csv');
    expect(rows).toHaveLength(61);
    expect(detectSource(headers)).toBe('bitrix24');
    expect(mapped(headers, 'contact')).toEqual({
      ID: null,
      Обращение: null,
      Имя: 'firstName',
      Отчество: 'middleName',
      Фамилия: 'lastName',
      'Дата рождения': 'birthDate',
      Должность: 'jobTitle',
      Компания: 'accountName',
      'Рабочий телефон': 'phone',
      'Мобильный телефон': 'mobilePhone',
      'Домашний телефон': 'homePhone',
      'Рабочий e-mail': 'email',
      'Частный e-mail': 'email2',
      Адрес: 'address',
      Комментарий: 'bio',
      Источник: null,
      Ответственный: null,
      'Дата создания': null,
      'Дата изменения': null,
      'Доступен для всех': null,
      'Участвует в экспорте контактов': null,
    });
  });

  it('maps an amoCRM contacts export', async () => {
    const { headers } = await fixture('amocrm-contacts.csv');
    expect(detectSource(headers)).toBe('amocrm');
    expect(mapped(headers, 'contact')).toEqual({
      ID: null,
      Тип: null,
      'Полное имя контакта': 'fullName',
      Имя: 'firstName',
      Фамилия: 'lastName',
      'Название компании': 'accountName',
      Ответственный: null,
      'Дата создания контакта': null,
      'Кем создан контакт': null,
      Теги: null,
      'Примечание 1': 'bio',
      'Рабочий телефон': 'phone',
      'Рабочий прямой телефон': null,
      'Мобильный телефон': 'mobilePhone',
      'Домашний телефон': 'homePhone',
      'Другой телефон': 'phone2',
      'Рабочий email': 'email',
      'Личный email': 'email2',
      'Другой email': 'email3',
      Web: null,
      Адрес: 'address',
      Должность: 'jobTitle',
    });
  });

  it('maps hand-made Russian headers', () => {
    expect(mapped(['Ф.И.О.', 'Телефон', 'E-mail', 'Компания', 'Дата рождения', 'Статус', 'Примечание'], 'contact')).toEqual({
      'Ф.И.О.': 'fullName',
      Телефон: 'phone',
      'E-mail': 'email',
      Компания: 'accountName',
      'Дата рождения': 'birthDate',
      Статус: 'status',
      Примечание: 'bio',
    });
    expect(mapped(['Наименование', 'ИНН', 'КПП', 'Юр. адрес', 'Сайт', 'Телефон', 'Эл. почта', 'Кол-во сотрудников'], 'account')).toEqual({
      Наименование: 'name',
      ИНН: 'taxId',
      КПП: 'kpp',
      'Юр. адрес': 'legalAddress',
      Сайт: 'website',
      Телефон: 'phone',
      'Эл. почта': 'email',
      'Кол-во сотрудников': 'employees',
    });
    expect(mapped(['Название сделки', 'Бюджет', 'Воронка', 'Этап сделки', 'Компания', 'Email контакта', 'Дата закрытия'], 'deal')).toEqual({
      'Название сделки': 'title',
      Бюджет: 'amount',
      Воронка: 'pipelineName',
      'Этап сделки': 'stageName',
      Компания: 'accountName',
      'Email контакта': 'contactEmail',
      'Дата закрытия': 'expectedCloseDate',
    });
  });

  it('matches by containment when no header matches exactly, the longest name first', () => {
    expect(mapped(['Рабочий телефон (контакт)', 'Мобильный телефон клиента', 'Должность в компании'], 'contact')).toEqual({
      'Рабочий телефон (контакт)': 'phone',
      'Мобильный телефон клиента': 'mobilePhone',
      'Должность в компании': 'jobTitle',
    });
  });

  it('never maps two columns to one field, and leaves unknown columns out', () => {
    expect(suggestMapping(['Email', 'E-mail', 'Телефон', 'Телефон', 'Любимый цвет', ''], importFieldsOf('contact'))).toEqual(['email', null, 'phone', null, null, null]);
  });

  it('does not let a status or id column of another product fill a field by containment', () => {
    expect(mapped(['Lead Status', 'Contact ID', 'Deal Stage', 'Статус сделки'], 'contact')).toEqual({ 'Lead Status': null, 'Contact ID': null, 'Deal Stage': null, 'Статус сделки': null });
  });
});

describe('detecting the source', () => {
  it('tells the products apart by their characteristic headers', () => {
    expect(detectSource(['Record ID', 'First Name', 'Last Name', 'Contact owner'])).toBe('hubspot');
    expect(detectSource(['Contact ID', 'First Name', 'Last Name', 'Account Name', 'Mailing Street'])).toBe('salesforce');
    expect(detectSource(['Полное имя контакта', 'Ответственный', 'Рабочий телефон', 'Мобильный телефон', 'Рабочий email'])).toBe('amocrm');
    expect(detectSource(['Название сделки', 'Бюджет', 'Основной контакт', 'Ответственный'])).toBe('amocrm');
  });

  it('calls anything else generic, including a single weak hint', () => {
    expect(detectSource(['Фамилия', 'Имя', 'Телефон'])).toBe('generic');
    expect(detectSource(['Name', 'Email', 'Account Name'])).toBe('generic');
    expect(detectSource([])).toBe('generic');
  });
});

describe('the mapping a client sends', () => {
  it('is a list of field keys or nulls, no field twice, at most 200 columns', () => {
    expect(mappingSchema.parse(['lastName', null, 'email'])).toEqual(['lastName', null, 'email']);
    expect(mappingSchema.safeParse(['email', 'email']).error?.issues[0]).toMatchObject({ path: [1], message: 'field email is mapped to more than one column' });
    expect(mappingSchema.safeParse(Array.from({ length: 201 }, () => null)).success).toBe(false);
    expect(mappingSchema.safeParse(Array.from({ length: 200 }, () => null)).success).toBe(true);
    expect(mappingSchema.safeParse([''] as unknown[]).success).toBe(false);
    expect(mappingSchema.safeParse([1] as unknown[]).success).toBe(false);
  });
});
