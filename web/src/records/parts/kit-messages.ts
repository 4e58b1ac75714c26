import { useI18n } from '../../i18n/use-i18n';

/**
 * Words of the parts the account and contact pages share: the account picker, the related lists,
 * the contact-details editors, the page frame. Russian defines the shape; English is checked against it.
 */
const ru = {
  back: 'К списку',
  moved: 'Запись была объединена с другой — открыта основная запись.',
  loadFailed: 'Не удалось загрузить запись.',
  system: 'Служебное',
  details: 'Реквизиты',
  contactDetails: 'Связь',
  picker: {
    search: 'Найти компанию',
    placeholder: 'Название, ИНН, телефон…',
    searching: 'Ищем…',
    empty: 'Ничего не нашлось.',
    failed: 'Поиск не удался. Попробуйте ещё раз.',
    typeMore: 'Введите хотя бы 2 символа.',
    change: 'Другая',
    clear: 'Убрать',
    open: 'Открыть',
    self: 'это эта же компания',
    results: 'Найденные компании',
  },
  related: {
    loading: 'Загружаем…',
    more: 'Показать ещё',
    failed: 'Не удалось загрузить список.',
  },
  entries: {
    addPhone: 'Добавить телефон',
    addEmail: 'Добавить адрес эл. почты',
    addAddress: 'Добавить адрес',
    addLink: 'Добавить ссылку',
    number: 'Номер',
    address: 'Адрес эл. почты',
    line: 'Улица, дом, офис',
    city: 'Город',
    region: 'Регион',
    postalCode: 'Индекс',
    country: 'Страна',
    network: 'Сеть',
    url: 'Ссылка',
    removeRow: (n: number) => `Удалить строку ${n}`,
    rowLabel: (what: string, n: number) => `${what}, №${n}`,
  },
  money: { amount: 'Сумма', currency: 'Валюта' },
};

export type KitMessages = typeof ru;

const en: KitMessages = {
  back: 'Back to the list',
  moved: 'The record was merged into another; the surviving record is open.',
  loadFailed: 'The record could not be loaded.',
  system: 'Record',
  details: 'Details',
  contactDetails: 'Contact details',
  picker: {
    search: 'Find an account',
    placeholder: 'Name, tax ID, phone…',
    searching: 'Searching…',
    empty: 'Nothing found.',
    failed: 'The search failed. Please try again.',
    typeMore: 'Type at least 2 characters.',
    change: 'Change',
    clear: 'Remove',
    open: 'Open',
    self: 'this is the same account',
    results: 'Accounts found',
  },
  related: {
    loading: 'Loading…',
    more: 'Show more',
    failed: 'The list could not be loaded.',
  },
  entries: {
    addPhone: 'Add a phone',
    addEmail: 'Add an email',
    addAddress: 'Add an address',
    addLink: 'Add a link',
    number: 'Number',
    address: 'Email address',
    line: 'Street, building, office',
    city: 'City',
    region: 'Region',
    postalCode: 'Postal code',
    country: 'Country',
    network: 'Network',
    url: 'Link',
    removeRow: (n) => `Remove row ${n}`,
    rowLabel: (what, n) => `${what}, no. ${n}`,
  },
  money: { amount: 'Amount', currency: 'Currency' },
};

export const kitMessages = { ru, en } satisfies Record<'ru' | 'en', KitMessages>;

export function useKitMessages(): KitMessages {
  const { locale } = useI18n();
  return kitMessages[locale];
}
