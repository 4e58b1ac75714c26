import { useI18n } from '../../i18n/use-i18n';
import { ruPlural } from '../../records/records-messages';

/**
 * Words of the accounts pages (list, account page, form). Field names, statuses and the words
 * every record page shares are in records-messages.ts. Russian defines the shape; English is
 * checked against it.
 */
const ru = {
  title: 'Компании',
  caption: 'Список компаний',
  new: 'Новая компания',
  emptyHint: 'Добавьте первую компанию или импортируйте список из CSV.',
  loading: 'Загружаем компанию…',
  notFound: 'Такой компании нет или она удалена.',
  backToList: 'Все компании',
  createTitle: 'Новая компания',
  editTitle: 'Изменить компанию',
  columns: {
    name: 'Название',
    taxId: 'ИНН',
    industry: 'Отрасль',
    phone: 'Телефон',
    email: 'Эл. почта',
    city: 'Город',
    status: 'Статус',
    owner: 'Ответственный',
    created: 'Создана',
  },
  groups: {
    company: 'Компания',
    requisites: 'Реквизиты',
    contact: 'Связь',
    business: 'Бизнес',
    work: 'Работа с клиентом',
  },
  hints: {
    taxId: '10 цифр для организации, 12 — для ИП; БИН — 12 цифр.',
    parent: 'Если это филиал или дочерняя компания — укажите головную.',
    website: 'С https://',
  },
  section: {
    requisites: 'Реквизиты',
    contact: 'Связь',
    business: 'Бизнес',
    description: 'Описание',
  },
  related: {
    children: 'Дочерние компании',
    childrenEmpty: 'Дочерних компаний нет.',
    addChild: 'Дочерняя компания',
    contacts: 'Контакты',
    contactsEmpty: 'Контактов пока нет.',
    addContact: 'Контакт',
    deals: 'Сделки',
    dealsEmpty: 'Сделок пока нет.',
    addDeal: 'Сделка',
  },
  parentOf: 'Входит в',
  rating: (n: number) => `${'★'.repeat(n)}${'☆'.repeat(5 - n)}`,
  ratingLabel: (n: number) => `${n} из 5`,
  employees: (n: number) => `${n.toLocaleString('ru-RU')} ${ruPlural(n, 'сотрудник', 'сотрудника', 'сотрудников')}`,
  notSet: 'Не указан',
};

export type AccountsMessages = typeof ru;

const en: AccountsMessages = {
  title: 'Accounts',
  caption: 'Accounts',
  new: 'New account',
  emptyHint: 'Add the first account, or import a list from a CSV file.',
  loading: 'Loading the account…',
  notFound: 'No such account, or it was deleted.',
  backToList: 'All accounts',
  createTitle: 'New account',
  editTitle: 'Edit account',
  columns: {
    name: 'Name',
    taxId: 'Tax ID (INN)',
    industry: 'Industry',
    phone: 'Phone',
    email: 'Email',
    city: 'City',
    status: 'Status',
    owner: 'Owner',
    created: 'Created',
  },
  groups: {
    company: 'Account',
    requisites: 'Company registration',
    contact: 'Contact details',
    business: 'Business',
    work: 'Account management',
  },
  hints: {
    taxId: '10 digits for a company, 12 for a sole trader; a Kazakh BIN has 12.',
    parent: 'For a branch or a subsidiary, name the parent company.',
    website: 'With https://',
  },
  section: {
    requisites: 'Registration',
    contact: 'Contact details',
    business: 'Business',
    description: 'Description',
  },
  related: {
    children: 'Subsidiaries',
    childrenEmpty: 'No subsidiaries.',
    addChild: 'Subsidiary',
    contacts: 'Contacts',
    contactsEmpty: 'No contacts yet.',
    addContact: 'Contact',
    deals: 'Deals',
    dealsEmpty: 'No deals yet.',
    addDeal: 'Deal',
  },
  parentOf: 'Part of',
  rating: (n) => `${'★'.repeat(n)}${'☆'.repeat(5 - n)}`,
  ratingLabel: (n) => `${n} out of 5`,
  employees: (n) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'employee' : 'employees'}`,
  notSet: 'Not set',
};

export const accountsMessages = { ru, en } satisfies Record<'ru' | 'en', AccountsMessages>;

export function useAccountsMessages(): AccountsMessages {
  const { locale } = useI18n();
  return accountsMessages[locale];
}
