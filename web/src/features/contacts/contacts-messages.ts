import { useI18n } from '../../i18n/use-i18n';
import { ruPlural } from '../../records/records-messages';

/**
 * Words of the contacts pages (list, contact page, form). Field names, statuses and the words
 * every record page shares are in records-messages.ts. Russian defines the shape; English is
 * checked against it.
 */
const ru = {
  title: 'Контакты',
  caption: 'Список контактов',
  new: 'Новый контакт',
  emptyHint: 'Добавьте первый контакт или импортируйте список из CSV.',
  loading: 'Загружаем контакт…',
  notFound: 'Такого контакта нет или он удалён.',
  backToList: 'Все контакты',
  createTitle: 'Новый контакт',
  editTitle: 'Изменить контакт',
  columns: {
    name: 'Ф.И.О.',
    jobTitle: 'Должность',
    account: 'Компания',
    phone: 'Телефон',
    email: 'Эл. почта',
    status: 'Статус',
    owner: 'Ответственный',
    created: 'Создан',
  },
  groups: {
    person: 'Человек',
    work: 'Работа',
    contact: 'Связь',
    personal: 'Личное',
    consent: 'Рассылки',
    management: 'Работа с контактом',
  },
  hints: {
    name: 'Фамилия обязательна; имя и отчество — как человек представляется.',
    timeZone: 'Чтобы звонить в рабочее время клиента.',
    optOut: 'Человек попросил не присылать ему рекламные и информационные письма.',
  },
  section: {
    person: 'Человек',
    contact: 'Связь',
    personal: 'Личное',
  },
  optOut: 'Отказался от рассылок',
  optOutLabel: 'Не присылать рассылки',
  deals: 'Сделки',
  dealsEmpty: 'Сделок с участием контакта пока нет.',
  addDeal: 'Сделка',
  noAccount: 'Без компании',
  age: (years: number) => `${years} ${ruPlural(years, 'год', 'года', 'лет')}`,
  localTime: (time: string) => `сейчас ${time}`,
  timeZones: {
    russia: 'Россия',
    kazakhstan: 'Казахстан',
    other: 'Другие',
    choose: 'Не указан',
  },
};

export type ContactsMessages = typeof ru;

const en: ContactsMessages = {
  title: 'Contacts',
  caption: 'Contacts',
  new: 'New contact',
  emptyHint: 'Add the first contact, or import a list from a CSV file.',
  loading: 'Loading the contact…',
  notFound: 'No such contact, or it was deleted.',
  backToList: 'All contacts',
  createTitle: 'New contact',
  editTitle: 'Edit contact',
  columns: {
    name: 'Full name',
    jobTitle: 'Job title',
    account: 'Account',
    phone: 'Phone',
    email: 'Email',
    status: 'Status',
    owner: 'Owner',
    created: 'Created',
  },
  groups: {
    person: 'Person',
    work: 'Work',
    contact: 'Contact details',
    personal: 'Personal',
    consent: 'Mailings',
    management: 'Contact management',
  },
  hints: {
    name: 'The last name is required; first and middle names as the person gives them.',
    timeZone: 'To call within the client’s working hours.',
    optOut: 'The person asked not to receive marketing or newsletter emails.',
  },
  section: {
    person: 'Person',
    contact: 'Contact details',
    personal: 'Personal',
  },
  optOut: 'Opted out of mailings',
  optOutLabel: 'Do not send mailings',
  deals: 'Deals',
  dealsEmpty: 'No deals with this contact yet.',
  addDeal: 'Deal',
  noAccount: 'No account',
  age: (years) => `${years} ${years === 1 ? 'year' : 'years'} old`,
  localTime: (time) => `now ${time}`,
  timeZones: {
    russia: 'Russia',
    kazakhstan: 'Kazakhstan',
    other: 'Other',
    choose: 'Not set',
  },
};

export const contactsMessages = { ru, en } satisfies Record<'ru' | 'en', ContactsMessages>;

export function useContactsMessages(): ContactsMessages {
  const { locale } = useI18n();
  return contactsMessages[locale];
}
