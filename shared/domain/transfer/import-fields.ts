import { normaliseHeader } from './normalise-header';

/**
 * The fields an imported column can fill, per record type (REC-11). Keys are the create schemas'
 * own field names where a column fills one field; the others are combined by row-input.ts:
 * `fullName` (split into last/first/middle), `email2`, `mobilePhone`, `phone2`, `homePhone`,
 * `fax`, `email2`, `email3`, the main address's parts (`address`, `city`, `region`, `postalCode`,
 * `country`) and the other kinds' one-line addresses (`legalAddress`, `postalAddress`,
 * `shippingAddress`, `homeAddress`, `otherAddress`), `currency` (of the money field), and the links
 * the import service resolves: `accountName`, `ownerEmail`, `contactEmail`, `pipelineName`,
 * `stageName`. Custom fields are `custom.<key>`; a money one also has `custom.<key>:currency`.
 *
 * Synonyms are the headers the field is recognised by, in English and Russian, including those of
 * HubSpot, Salesforce and amoCRM exports. Owner columns of those exports ("Contact owner",
 * "Ответственный") hold a person's name, not an email, so they are not suggested for `ownerEmail`.
 */
export const importableTypes = ['lead', 'account', 'contact', 'deal'] as const;
export type ImportableType = (typeof importableTypes)[number];

export interface ImportField {
  key: string;
  label: { en: string; ru: string };
  /** Normalised header names (see normaliseHeader) the field is recognised by. */
  synonyms: string[];
  required?: boolean;
  /** False for a field only an exact header should fill: a status column of another product holds values of its own. */
  fuzzy?: boolean;
}

type FieldSpec = [key: string, en: string, ru: string, synonyms: string[], options?: { required?: boolean; fuzzy?: boolean }];

const field = ([key, en, ru, synonyms, options]: FieldSpec): ImportField => ({
  key,
  label: { en, ru },
  synonyms: [...new Set(synonyms.map(normaliseHeader))],
  ...(options?.required ? { required: true } : {}),
  ...(options?.fuzzy === false ? { fuzzy: false } : {}),
});

// Pieces several types share.

const lastName = (required: boolean): FieldSpec => ['lastName', 'Last name', 'Фамилия', ['last name', 'lastname', 'surname', 'family name', 'фамилия', 'фамилия контакта'], { required }];
const firstName: FieldSpec = ['firstName', 'First name', 'Имя', ['first name', 'firstname', 'given name', 'имя', 'имя контакта']];
const middleName: FieldSpec = ['middleName', 'Middle name', 'Отчество', ['middle name', 'middlename', 'patronymic', 'отчество']];
const fullName: FieldSpec = [
  'fullName',
  'Full name',
  'Ф.И.О.',
  ['full name', 'fullname', 'name', 'contact name', 'фио', 'ф и о', 'полное имя', 'полное имя контакта', 'имя и фамилия', 'фамилия имя отчество', 'контактное лицо'],
];
const jobTitle: FieldSpec = ['jobTitle', 'Job title', 'Должность', ['title', 'job title', 'position', 'должность', 'должность контакта']];
const email: FieldSpec = [
  'email',
  'Email',
  'Email',
  ['email', 'e-mail', 'email address', 'e-mail address', 'work email', 'primary email', 'рабочий email', 'рабочий e-mail', 'электронная почта', 'эл. почта', 'адрес электронной почты', 'почта', 'емейл', 'имейл'],
];
const email2: FieldSpec = [
  'email2',
  'Second email',
  'Другой email',
  ['email 2', 'second email', 'secondary email', 'personal email', 'additional email', 'additional email addresses', 'личный email', 'частный email', 'частный e-mail', 'дополнительный email', 'доп. email', 'второй email', 'email 2'],
];
const email3: FieldSpec = ['email3', 'Other email', 'Другой email', ['other email', 'email 3', 'другой email', 'третий email']];
const phone: FieldSpec = [
  'phone',
  'Phone',
  'Телефон',
  ['phone', 'phone number', 'work phone', 'business phone', 'office phone', 'telephone', 'телефон', 'рабочий телефон', 'тел', 'номер телефона', 'контактный телефон'],
];
const mobilePhone: FieldSpec = [
  'mobilePhone',
  'Mobile phone',
  'Мобильный телефон',
  ['mobile', 'mobile phone', 'mobile phone number', 'cell', 'cell phone', 'мобильный', 'мобильный телефон', 'сотовый', 'сотовый телефон', 'моб. тел', 'моб. телефон'],
];
const phone2: FieldSpec = [
  'phone2',
  'Other phone',
  'Другой телефон',
  ['other phone', 'phone 2', 'second phone', 'additional phone', 'другой телефон', 'дополнительный телефон', 'доп. телефон', 'телефон 2'],
];
const address: FieldSpec = [
  'address',
  'Address',
  'Адрес',
  ['address', 'street', 'street address', 'mailing street', 'mailing address', 'billing street', 'billing address', 'адрес', 'улица', 'фактический адрес', 'адрес офиса', 'рабочий адрес'],
];
const city: FieldSpec = ['city', 'City', 'Город', ['city', 'town', 'mailing city', 'billing city', 'город', 'населенный пункт']];
const region: FieldSpec = [
  'region',
  'Region',
  'Регион',
  ['region', 'state', 'province', 'state/region', 'state/province', 'mailing state/province', 'billing state/province', 'регион', 'область', 'край', 'субъект рф'],
];
const postalCode: FieldSpec = [
  'postalCode',
  'Postal code',
  'Индекс',
  ['postal code', 'postcode', 'zip', 'zip code', 'zip/postal code', 'mailing zip/postal code', 'billing zip/postal code', 'индекс', 'почтовый индекс'],
];
const country: FieldSpec = ['country', 'Country', 'Страна', ['country', 'country/region', 'mailing country', 'billing country', 'страна']];
// Addresses of the other kinds, each one line (an export writes them so, the main one in parts).
const postalAddress: FieldSpec = ['postalAddress', 'Postal address', 'Почтовый адрес', ['postal address', 'mailing address', 'почтовый адрес', 'адрес для писем', 'адрес для корреспонденции']];
const legalAddress: FieldSpec = ['legalAddress', 'Legal address', 'Юридический адрес', ['legal address', 'registered address', 'юридический адрес', 'юр. адрес', 'адрес регистрации']];
const shippingAddress: FieldSpec = ['shippingAddress', 'Shipping address', 'Адрес доставки', ['shipping address', 'delivery address', 'адрес доставки', 'адрес отгрузки']];
const homeAddress: FieldSpec = ['homeAddress', 'Home address', 'Домашний адрес', ['home address', 'домашний адрес', 'адрес проживания']];
const otherAddress: FieldSpec = ['otherAddress', 'Other address', 'Другой адрес', ['other address', 'другой адрес']];
const currency: FieldSpec = ['currency', 'Currency', 'Валюта', ['currency', 'currency code', 'валюта', 'код валюты']];
const accountName: FieldSpec = [
  'accountName',
  'Company',
  'Компания',
  ['company', 'company name', 'account', 'account name', 'associated company', 'organization', 'organisation', 'компания', 'название компании', 'компания контакта', 'организация', 'наименование организации'],
];
const ownerEmail: FieldSpec = ['ownerEmail', 'Owner email', 'Email ответственного', ['owner email', 'owner e-mail', 'email ответственного', 'email менеджера', 'ответственный email']];
const leadSource: FieldSpec = ['leadSource', 'Lead source', 'Источник', ['lead source', 'source', 'источник', 'источник лида', 'канал'], { fuzzy: false }];
const status: FieldSpec = ['status', 'Status', 'Статус', ['status', 'статус'], { fuzzy: false }];
const description: FieldSpec = ['description', 'Description', 'Описание', ['description', 'notes', 'comment', 'описание', 'примечание', 'комментарий', 'заметки']];

const fieldSpecs: Record<ImportableType, FieldSpec[]> = {
  lead: [
    lastName(false),
    firstName,
    middleName,
    fullName,
    ['company', 'Company', 'Компания', ['company', 'company name', 'account name', 'organization', 'organisation', 'компания', 'название компании', 'организация']],
    jobTitle,
    email,
    phone,
    mobilePhone,
    ['topic', 'Topic', 'Тема', ['topic', 'subject', 'lead name', 'тема', 'тема обращения', 'название лида']],
    ['message', 'Message', 'Сообщение', ['message', 'description', 'notes', 'comment', 'сообщение', 'описание', 'примечание', 'комментарий']],
    ['budget', 'Budget', 'Бюджет', ['budget', 'бюджет']],
    currency,
    ['qualification', 'Qualification', 'Квалификация', ['qualification', 'rating', 'lead rating', 'квалификация', 'температура'], { fuzzy: false }],
    leadSource,
    ownerEmail,
  ],
  account: [
    ['name', 'Name', 'Название', ['name', 'account name', 'company name', 'company', 'organization', 'organisation', 'название', 'наименование', 'название компании', 'компания', 'организация', 'краткое наименование'], { required: true }],
    ['legalName', 'Legal name', 'Юридическое название', ['legal name', 'полное наименование', 'юридическое название', 'юридическое наименование', 'наименование юридического лица', 'полное название']],
    ['taxId', 'Tax ID (INN)', 'ИНН', ['inn', 'tax id', 'taxid', 'tax number', 'инн', 'бин', 'инн/бин']],
    ['kpp', 'KPP', 'КПП', ['kpp', 'кпп']],
    ['industry', 'Industry', 'Отрасль', ['industry', 'отрасль', 'сфера деятельности', 'вид деятельности']],
    description,
    ['website', 'Website', 'Сайт', ['website', 'web site', 'website url', 'site', 'url', 'web', 'company domain name', 'domain', 'сайт', 'веб-сайт', 'адрес сайта']],
    email,
    phone,
    mobilePhone,
    phone2,
    ['fax', 'Fax', 'Факс', ['fax', 'факс']],
    address,
    city,
    region,
    postalCode,
    country,
    legalAddress,
    postalAddress,
    shippingAddress,
    ['annualRevenue', 'Annual revenue', 'Годовой оборот', ['annual revenue', 'revenue', 'годовой оборот', 'годовая выручка', 'выручка', 'оборот']],
    currency,
    ['employees', 'Employees', 'Сотрудников', ['employees', 'number of employees', 'employee count', 'сотрудников', 'количество сотрудников', 'численность', 'численность сотрудников']],
    leadSource,
    status,
    ['rating', 'Rating', 'Рейтинг', ['rating', 'рейтинг'], { fuzzy: false }],
    ownerEmail,
  ],
  contact: [
    lastName(true),
    firstName,
    middleName,
    fullName,
    email,
    email2,
    email3,
    phone,
    mobilePhone,
    phone2,
    ['homePhone', 'Home phone', 'Домашний телефон', ['home phone', 'домашний телефон']],
    jobTitle,
    ['department', 'Department', 'Отдел', ['department', 'отдел', 'подразделение', 'департамент']],
    ['birthDate', 'Birth date', 'Дата рождения', ['birth date', 'birthdate', 'birthday', 'date of birth', 'dob', 'дата рождения', 'день рождения']],
    accountName,
    address,
    city,
    region,
    postalCode,
    country,
    postalAddress,
    homeAddress,
    otherAddress,
    ['timeZone', 'Time zone', 'Часовой пояс', ['time zone', 'timezone', 'часовой пояс']],
    ['bio', 'About', 'О себе', ['bio', 'about', 'description', 'notes', 'описание', 'примечание', 'о себе', 'заметки', 'комментарий']],
    ['status', 'Status', 'Статус', ['status', 'contact status', 'статус', 'статус контакта'], { fuzzy: false }],
    ['emailOptOut', 'Email opt-out', 'Отказ от рассылки', ['email opt out', 'unsubscribed', 'unsubscribed from all email', 'do not email', 'отказ от рассылки', 'отписан', 'отписался', 'не отправлять email']],
    ownerEmail,
  ],
  deal: [
    ['title', 'Title', 'Название', ['title', 'name', 'deal name', 'opportunity name', 'deal', 'название', 'название сделки', 'наименование', 'сделка'], { required: true }],
    ['amount', 'Amount', 'Сумма', ['amount', 'deal amount', 'value', 'сумма', 'сумма сделки', 'бюджет']],
    currency,
    ['pipelineName', 'Pipeline', 'Воронка', ['pipeline', 'deal pipeline', 'sales pipeline', 'воронка', 'воронка продаж']],
    ['stageName', 'Stage', 'Этап', ['stage', 'deal stage', 'этап', 'этап сделки', 'стадия', 'стадия сделки']],
    accountName,
    ['contactEmail', 'Contact email', 'Email контакта', ['contact email', 'email', 'e-mail', 'email контакта', 'рабочий email', 'рабочий email контакта']],
    ['expectedCloseDate', 'Close date', 'Дата закрытия', ['close date', 'expected close date', 'closing date', 'дата закрытия', 'планируемая дата закрытия', 'ожидаемая дата закрытия']],
    ['needs', 'Needs', 'Потребности', ['needs', 'потребности', 'потребность']],
    description,
    ownerEmail,
  ],
};

/** What the create schema of a type keeps custom values under; leads have none. */
export const typesWithCustomValues: readonly ImportableType[] = ['lead', 'account', 'contact', 'deal'];

/**
 * The fields of a type, its custom fields last as `custom.<key>` (recognised by their label and
 * key; a built-in field still wins a header both are named by, being listed first).
 */
export function importFieldsOf(type: ImportableType, customFields: { key: string; label: string; type?: string }[] = []): ImportField[] {
  const own = fieldSpecs[type].map(field);
  if (!typesWithCustomValues.includes(type)) return own;
  const custom = customFields.flatMap((c): ImportField[] => {
    const value: ImportField = { key: `custom.${c.key}`, label: { en: c.label, ru: c.label }, synonyms: [...new Set([normaliseHeader(c.label), normaliseHeader(c.key)])].filter(Boolean) };
    if (c.type !== 'money') return [value];
    // Its currency column, headed as an export heads it ("Сумма договора: Валюта").
    const currency: ImportField = {
      key: customCurrencyKey(c.key),
      label: { en: `${c.label}: Currency`, ru: `${c.label}: Валюта` },
      synonyms: [`${c.label} currency`, `${c.label} валюта`, `${c.key} currency`].map(normaliseHeader),
    };
    return [value, currency];
  });
  return [...own, ...custom];
}

/** The import field of a money custom field's currency. */
export const customCurrencyKey = (key: string): string => `custom.${key}:currency`;
