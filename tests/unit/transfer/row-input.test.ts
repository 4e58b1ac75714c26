import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../shared/adapters/spreadsheet-reader';
import { suggestMapping } from '../../../shared/domain/transfer/column-mapping';
import { importFieldsOf } from '../../../shared/domain/transfer/import-fields';
import { parseBoolean, parseCurrency, parseDate, parseMoney, parseNumber, rowToInput, type CustomFieldDefinition } from '../../../shared/domain/transfer/row-input';

const fixture = (name: string) => readSpreadsheet(new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url))), name);

/** A row given as field → cell: the mapping is the fields in order. */
function convert(type: Parameters<typeof rowToInput>[0], cells: Record<string, string>, custom?: CustomFieldDefinition[]) {
  return rowToInput(type, Object.keys(cells), Object.values(cells), custom);
}

describe('cell conversions', () => {
  it('reads numbers with comma decimals and space, no-break space or comma thousands', () => {
    expect(parseNumber('1234,5')).toBe(1234.5);
    expect(parseNumber('1 234 567,89')).toBe(1234567.89);
    expect(parseNumber('1\u00a0234\u00a0567')).toBe(1234567);
    expect(parseNumber('1\u202f500,00')).toBe(1500);
    expect(parseNumber('1,234,567.25')).toBe(1234567.25);
    expect(parseNumber('1.234.567,25')).toBe(1234567.25);
    expect(parseNumber("1'000")).toBe(1000);
    expect(parseNumber('-12.5')).toBe(-12.5);
    expect(parseNumber('0,1')).toBe(0.1);
    expect(parseNumber('12 шт')).toBeUndefined();
    expect(parseNumber('1,2,3.4.5')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });

  it('reads dates as DD.MM.YYYY, YYYY-MM-DD and M/D/YYYY, refusing impossible ones', () => {
    expect(parseDate('14.05.1985')).toBe('1985-05-14');
    expect(parseDate('4.5.1985')).toBe('1985-05-04');
    expect(parseDate('1985-05-14')).toBe('1985-05-14');
    expect(parseDate('2024-03-11 14:22')).toBe('2024-03-11');
    expect(parseDate('2024-03-11T14:22:00Z')).toBe('2024-03-11');
    expect(parseDate('12.03.2024 10:15:00')).toBe('2024-03-12');
    expect(parseDate('5/14/1985')).toBe('1985-05-14');
    expect(parseDate('2/29/1984')).toBe('1984-02-29');
    expect(parseDate('2/29/1985')).toBeUndefined();
    expect(parseDate('31.02.1990')).toBeUndefined();
    expect(parseDate('14/5/1985')).toBeUndefined();
    expect(parseDate('вчера')).toBeUndefined();
  });

  it('reads yes and no in Russian and English', () => {
    for (const s of ['да', 'Да', 'yes', 'YES', 'true', 'TRUE', '1', 'ИСТИНА']) expect(parseBoolean(s)).toBe(true);
    for (const s of ['нет', 'Нет', 'no', 'false', 'FALSE', '0', 'ЛОЖЬ']) expect(parseBoolean(s)).toBe(false);
    expect(parseBoolean('может быть')).toBeUndefined();
    expect(parseBoolean('2')).toBeUndefined();
  });

  it('reads money with its currency in the cell, or the fallback', () => {
    expect(parseMoney('1 500 000 ₽')).toEqual({ amount: 1500000, currency: 'RUB' });
    expect(parseMoney('1 500 руб.')).toEqual({ amount: 1500, currency: 'RUB' });
    expect(parseMoney('$1,200.50')).toEqual({ amount: 1200.5, currency: 'USD' });
    expect(parseMoney('99,90 EUR')).toEqual({ amount: 99.9, currency: 'EUR' });
    expect(parseMoney('250 000 ₸')).toEqual({ amount: 250000, currency: 'KZT' });
    expect(parseMoney('100', 'USD')).toEqual({ amount: 100, currency: 'USD' });
    expect(parseMoney('много')).toBeUndefined();
    expect(parseCurrency('рубли')).toBeUndefined();
    expect(parseCurrency('тенге')).toBe('KZT');
  });
});

describe('contacts', () => {
  it('builds the create input: names, phones and emails with their kinds, date, yes/no, status, address, links', () => {
    const row = convert('contact', {
      lastName: 'Иванов',
      firstName: 'Пётр',
      email: 'P.Ivanov@Romashka.example',
      email2: 'petr@mail.example',
      phone: '+7 (495) 123-45-67, +7 (495) 123-45-68',
      mobilePhone: '8 912 345 67 89',
      phone2: '+7 (912) 345-67-89',
      jobTitle: 'Директор',
      birthDate: '14.05.1985',
      emailOptOut: 'да',
      status: 'Неактивен',
      address: 'ул. Ленина, 1',
      city: 'Москва',
      postalCode: '101000',
      accountName: 'ООО «Ромашка»',
      ownerEmail: 'manager@crm.example',
    });
    expect(row.issues).toEqual([]);
    expect(row.input).toEqual({
      lastName: 'Иванов',
      firstName: 'Пётр',
      emails: [
        { kind: 'work', address: 'P.Ivanov@Romashka.example' },
        { kind: 'personal', address: 'petr@mail.example' },
      ],
      phones: [
        // Stored in E.164, with the file's writing kept for display.
        { kind: 'work', number: '+74951234567', typed: '+7 (495) 123-45-67' },
        { kind: 'work', number: '+74951234568', typed: '+7 (495) 123-45-68' },
        // +7 (912) 345-67-89 in the other-phone column is the same number: not repeated.
        { kind: 'mobile', number: '+79123456789', typed: '8 912 345 67 89' },
      ],
      jobTitle: 'Директор',
      birthDate: '1985-05-14',
      addresses: [{ kind: 'work', line: 'ул. Ленина, 1', city: 'Москва', postalCode: '101000' }],
      status: 'inactive',
      emailOptOut: true,
    });
    expect(row.links).toEqual({ accountName: 'ООО «Ромашка»', ownerEmail: 'manager@crm.example' });
  });

  it('splits a Ф.И.О. column, its own name columns winning', () => {
    expect(convert('contact', { fullName: 'Иванов Пётр Сергеевич' }).input).toEqual({ lastName: 'Иванов', firstName: 'Пётр', middleName: 'Сергеевич' });
    expect(convert('contact', { fullName: 'John Smith' }).input).toEqual({ firstName: 'John', lastName: 'Smith' });
    expect(convert('contact', { fullName: 'Иванов Пётр Сергеевич', firstName: 'Петя' }).input).toEqual({ firstName: 'Петя', lastName: 'Иванов', middleName: 'Сергеевич' });
  });

  it('leaves empty cells out and ignores unmapped columns', () => {
    const row = rowToInput('contact', ['lastName', null, 'email', 'phone'], ['Петров', 'ignored', '  ', '']);
    expect(row).toEqual({ input: { lastName: 'Петров' }, links: {}, issues: [] });
  });

  it('reports a missing last name by field and column', () => {
    expect(rowToInput('contact', ['firstName', 'lastName'], ['Марина', '']).issues).toEqual([{ column: 1, field: 'lastName', message: 'required' }]);
    expect(rowToInput('contact', [null, 'fullName'], ['x', 'Марина']).issues).toEqual([{ column: 1, field: 'lastName', message: 'required (not found in the full name “Марина”)' }]);
    expect(rowToInput('contact', ['email'], ['a@b.example']).issues).toEqual([{ field: 'lastName', message: 'required' }]);
  });

  it('reports the schema’s issues by the field and column the value came from', () => {
    const row = rowToInput('contact', ['lastName', 'email', 'mobilePhone', 'email2'], ['Кузнецов', 'kuznetsov.at.vector', '12-34', 'ok@x.example']);
    expect(row.issues).toEqual([
      { column: 2, field: 'mobilePhone', message: 'a phone number such as +7 912 345-67-89' },
      { column: 1, field: 'email', message: 'Invalid email address' },
    ]);
  });

  it('reports cells it cannot convert, and leaves them out', () => {
    const row = convert('contact', { lastName: 'Ким', birthDate: '31.02.1990', emailOptOut: 'может быть', status: 'в отпуске' });
    expect(row.input).toEqual({ lastName: 'Ким' });
    expect(row.issues).toEqual([
      { column: 1, field: 'birthDate', message: 'not a date (expected DD.MM.YYYY, YYYY-MM-DD or M/D/YYYY): “31.02.1990”' },
      { column: 3, field: 'status', message: 'not one of active, inactive: “в отпуске”' },
      { column: 2, field: 'emailOptOut', message: 'not yes or no (да/нет, yes/no, true/false, 1/0): “может быть”' },
    ]);
  });

  it('refuses a mapping to a field the type does not have', () => {
    expect(rowToInput('contact', ['lastName', 'kpp'], ['Ли', '123456789']).issues).toEqual([{ column: 1, field: 'kpp', message: 'not a field of a contact' }]);
  });

  it('converts custom values by their definition and checks them', () => {
    const custom: CustomFieldDefinition[] = [
      { key: 'segment', label: 'Сегмент', type: 'select', options: [{ value: 'enterprise', label: 'Крупный бизнес' }, { value: 'smb', label: 'МСБ' }] },
      { key: 'tags', label: 'Метки', type: 'multiselect', options: [{ value: 'vip', label: 'VIP' }, { value: 'partner', label: 'Партнёр' }] },
      { key: 'size', label: 'Размер', type: 'number' },
      { key: 'limit', label: 'Лимит', type: 'money' },
      { key: 'since', label: 'Клиент с', type: 'date' },
      { key: 'vip', label: 'VIP', type: 'boolean' },
      { key: 'note', label: 'Заметка', type: 'text' },
      { key: 'contract', label: 'Договор', type: 'text', required: true },
    ];
    const row = convert(
      'contact',
      { lastName: 'Орлов', 'custom.segment': 'крупный бизнес', 'custom.tags': 'VIP; партнер', 'custom.size': '1 200', 'custom.limit': '50 000,50 ₽', 'custom.since': '01.02.2020', 'custom.vip': 'нет', 'custom.note': 'тест' },
      custom,
    );
    expect(row.input.custom).toEqual({ segment: 'enterprise', tags: ['vip', 'partner'], size: 1200, limit: { amount: 50000.5, currency: 'RUB' }, since: '2020-02-01', vip: false, note: 'тест' });
    expect(row.issues).toEqual([{ field: 'custom.contract', message: 'required' }]);

    const bad = convert('contact', { lastName: 'Орлов', 'custom.segment': 'госсектор', 'custom.size': 'много', 'custom.contract': 'Д-1', 'custom.unknown': 'x' }, custom);
    expect(bad.issues).toEqual([
      { column: 1, field: 'custom.segment', message: 'not one of Крупный бизнес, МСБ: “госсектор”' },
      { column: 2, field: 'custom.size', message: 'not a number: “много”' },
      { column: 4, field: 'custom.unknown', message: 'no such custom field' },
    ]);
  });

  it('converts every row of the fixtures, finding the bad ones', async () => {
    const problems: Record<string, Record<number, string[]>> = {};
    for (const name of ['hubspot', 'salesforce', 'amocrm']) {
      const { headers, rows } = await fixture(`${name}-contacts.csv`);
      const mapping = suggestMapping(headers, importFieldsOf('contact'));
      problems[name] = {};
      rows.forEach((row, i) => {
        const { issues } = rowToInput('contact', mapping, row);
        if (issues.length) problems[name]![i + 2] = issues.map((issue) => `${issue.field}@${headers[issue.column!]}: ${issue.message}`);
      });
    }
    expect(problems).toEqual({
      hubspot: { 4: ['email@Email: Invalid email address'], 5: ['lastName@Last Name: required'] },
      salesforce: { 4: ['email@Email: Invalid email address'], 5: ['lastName@Last Name: required'] },
      amocrm: { 4: ['email@Рабочий email: Invalid email address'], 5: ['lastName@Фамилия: required'] },
    });
  });

  it('reads the fixtures’ dates, yes/no and combined names', async () => {
    const salesforce = await fixture('salesforce-contacts.csv');
    const first = rowToInput('contact', suggestMapping(salesforce.headers, importFieldsOf('contact')), salesforce.rows[2]!);
    expect(first.input).toMatchObject({ firstName: 'Tom', lastName: 'Ripley', emailOptOut: true, addresses: [{ kind: 'work', line: '1301 Avenue of the Americas', city: 'New York', region: 'NY', postalCode: '10019', country: 'USA' }] });
    const second = rowToInput('contact', suggestMapping(salesforce.headers, importFieldsOf('contact')), salesforce.rows[1]!);
    expect(second.input).toMatchObject({ birthDate: '1985-05-14', emailOptOut: false });
    const amocrm = await fixture('amocrm-contacts.csv');
    const ivanov = rowToInput('contact', suggestMapping(amocrm.headers, importFieldsOf('contact')), amocrm.rows[0]!);
    expect(ivanov.input).toMatchObject({ lastName: 'Иванов', firstName: 'Пётр', middleName: 'Сергеевич', bio: 'Просил перезвонить после 15:00' });
    expect(ivanov.links).toEqual({ accountName: 'ООО «Ромашка»' });
  });
});

describe('accounts', () => {
  it('builds the create input: tax ids, site, phones, both addresses, money, numbers, status', () => {
    const row = convert('account', {
      name: 'Ромашка',
      legalName: 'ООО «Ромашка»',
      taxId: '7707 083 893',
      kpp: '773601001',
      website: 'romashka.example',
      email: 'INFO@romashka.example',
      phone: '+7 495 123-45-67',
      fax: '+7 495 123-45-69',
      address: 'ул. Ленина, 1',
      city: 'Москва',
      legalAddress: '101000, Москва, ул. Тверская, 2',
      annualRevenue: '12 500 000,00',
      currency: 'руб.',
      employees: '1 250',
      status: 'Клиент',
      leadSource: 'Выставка',
      rating: '4',
    });
    expect(row.issues).toEqual([]);
    expect(row.input).toEqual({
      name: 'Ромашка',
      legalName: 'ООО «Ромашка»',
      taxId: '7707083893',
      kpp: '773601001',
      website: 'https://romashka.example',
      email: 'INFO@romashka.example',
      phones: [
        { kind: 'work', number: '+74951234567', typed: '+7 495 123-45-67' },
        { kind: 'fax', number: '+74951234569', typed: '+7 495 123-45-69' },
      ],
      addresses: [
        { kind: 'office', line: 'ул. Ленина, 1', city: 'Москва' },
        { kind: 'legal', line: '101000, Москва, ул. Тверская, 2' },
      ],
      annualRevenue: { amount: 12500000, currency: 'RUB' },
      employees: 1250,
      status: 'client',
      leadSource: 'event',
      rating: 4,
    });
  });

  it('puts back the leading zero Excel took from an ИНН when its checksum then holds', () => {
    // 0274062111 (Башкортостан) typed into Excel as a number.
    expect(convert('account', { name: 'A', taxId: '274062111' }).input.taxId).toBe('0274062111');
    expect(convert('account', { name: 'A', taxId: '123456789' }).issues).toEqual([{ column: 1, field: 'taxId', message: 'a tax id of 10 or 12 digits' }]);
  });

  it('makes an address line from its parts when there is no street', () => {
    expect(convert('account', { name: 'A', city: 'Казань', country: 'Россия' }).input.addresses).toEqual([{ kind: 'office', country: 'Россия', city: 'Казань', line: 'Россия, Казань' }]);
  });

  it('reports a missing name, a bad currency and a fractional head count', () => {
    expect(convert('account', { taxId: '7707083893', annualRevenue: '100', currency: 'тугрики', employees: '12,5' }).issues).toEqual([
      { column: 2, field: 'currency', message: 'not a currency (RUB, KZT, USD, EUR): “тугрики”' },
      { column: 3, field: 'employees', message: 'not a whole number: “12,5”' },
      { field: 'name', message: 'required' },
    ]);
  });
});

describe('leads', () => {
  it('builds the create input with one phone and one email, money and the import channel', () => {
    const row = convert('lead', { fullName: 'John Smith', company: 'Contoso', email: 'john@contoso.example', mobilePhone: '+1 (212) 555-0101', budget: '$1,200.50', qualification: 'Горячий', topic: 'Опт' });
    expect(row.issues).toEqual([]);
    expect(row.input).toEqual({
      firstName: 'John',
      lastName: 'Smith',
      company: 'Contoso',
      topic: 'Опт',
      email: 'john@contoso.example',
      // As the file wrote it; the lead command stores +12125550101 and keeps this for display.
      phone: '+1 (212) 555-0101',
      budget: { amount: 1200.5, currency: 'USD' },
      qualification: 'hot',
      source: { channel: 'import' },
    });
  });

  it('takes the channel from a source column', () => {
    expect(convert('lead', { company: 'A', phone: '+7 912 345-67-89', leadSource: 'Сайт' }).input.source).toEqual({ channel: 'website' });
  });

  it('reports the lead rule that a name or company and an email or phone are needed', () => {
    expect(convert('lead', { topic: 'Вопрос' }).issues).toEqual([
      { field: 'lastName', message: 'a name or a company is required' },
      { field: 'email', message: 'an email or a phone is required' },
    ]);
  });

  it('takes custom values, checked against their definitions', () => {
    const definitions = [{ key: 'segment', label: 'Сегмент', type: 'select' as const, options: [{ value: 'smb', label: 'Малый бизнес' }] }];
    const mapping = ['company', 'phone', 'custom.segment'];
    expect(rowToInput('lead', mapping, ['A', '+7 912 345-67-89', 'Малый бизнес'], definitions as never).input.custom).toEqual({ segment: 'smb' });
  });
});

describe('deals', () => {
  it('builds the create input and sets the names of linked records aside', () => {
    const row = convert('deal', {
      title: 'Поставка оборудования',
      amount: '1 500 000 ₽',
      expectedCloseDate: '30.06.2024',
      pipelineName: 'Продажи',
      stageName: 'Переговоры',
      accountName: 'ООО «Ромашка»',
      contactEmail: 'p.ivanov@romashka.example',
      ownerEmail: 'manager@crm.example',
    });
    expect(row).toEqual({
      input: { title: 'Поставка оборудования', amount: { amount: 1500000, currency: 'RUB' }, expectedCloseDate: '2024-06-30' },
      links: { accountName: 'ООО «Ромашка»', contactEmail: 'p.ivanov@romashka.example', pipelineName: 'Продажи', stageName: 'Переговоры', ownerEmail: 'manager@crm.example' },
      issues: [],
    });
  });

  it('takes the currency column when the amount has none, and reports what the schema refuses', () => {
    expect(convert('deal', { title: 'A', amount: '100', currency: 'USD' }).input.amount).toEqual({ amount: 100, currency: 'USD' });
    expect(convert('deal', { title: 'A', amount: '-5' }).issues).toEqual([{ column: 1, field: 'amount', message: 'Too small: expected number to be >=0' }]);
    expect(convert('deal', { amount: '5' }).issues).toEqual([{ field: 'title', message: 'required' }]);
  });
});
