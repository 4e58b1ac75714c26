import type { Case, CaseStatus } from '@shared/domain/cases/case';
import { useI18n } from '../../i18n/use-i18n';

/**
 * Words of the staff's case pages (SRV-1, SRV-2): the list, the card, the form, the account
 * card's list of cases. Russian defines the shape; English is checked against it.
 */
const ru = {
  title: 'Обращения',
  caption: 'Обращения клиентов',
  newCase: 'Новое обращение',
  emptyHint: 'Зарегистрируйте вопрос, заявку или проблему клиента, пришедшие по телефону, почте, с сайта или из соцсетей.',
  backToList: 'Все обращения',
  loading: 'Загружаем обращение…',
  notFound: 'Такого обращения нет.',
  edit: 'Изменить',
  fields: {
    subject: 'Тема',
    description: 'Описание',
    accountId: 'Компания',
    contactId: 'Контакт',
    kind: 'Тип',
    priority: 'Приоритет',
    status: 'Статус',
    channel: 'Канал',
    ownerId: 'Ответственный',
    openedBy: 'Открыл в портале',
    rating: 'Оценка клиента',
    updatedAt: 'Изменено',
  } satisfies Record<string, string>,
  kinds: { question: 'Вопрос', request: 'Заявка', incident: 'Проблема' } satisfies Record<Case['kind'], string>,
  priorities: { low: 'Низкий', normal: 'Обычный', high: 'Высокий', urgent: 'Срочный' } satisfies Record<Case['priority'], string>,
  statuses: { new: 'Новое', 'in-progress': 'В работе', waiting: 'Ждёт ответа клиента', resolved: 'Решено', closed: 'Закрыто' } satisfies Record<CaseStatus, string>,
  channels: { phone: 'Телефон', email: 'Эл. почта', web: 'Сайт', social: 'Соцсети', portal: 'Портал клиента' } satisfies Record<Case['channel'], string>,
  sections: { main: 'Обращение', origin: 'Откуда пришло', rating: 'Оценка клиента' },
  /** Who registered a case that did not come from the portal. */
  registeredBy: 'Зарегистрировал',
  rating: {
    stars: (score: number) => `${'★'.repeat(score)}${'☆'.repeat(Math.max(0, 5 - score))}`,
    score: (score: number) => `${score} из 5`,
    comment: 'Отзыв',
    at: 'Когда',
  },
  form: {
    createTitle: 'Новое обращение',
    editTitle: 'Изменение обращения',
    groups: { main: 'Обращение', client: 'Клиент', work: 'Работа' },
    ownerMe: 'Я',
    contactNone: 'Не указан',
    contactFirstAccount: 'Сначала выберите компанию.',
    contactLoading: 'Загружаем контакты компании…',
    contactHint: 'Контакты выбранной компании.',
    channelFixed: 'Канал не меняется после создания обращения.',
    otherAccount: 'Это контакт другой компании.',
    noSuchAccount: 'Такой компании нет или она вам недоступна.',
  },
  note: {
    title: 'Внутренняя заметка',
    hint: 'Видна только сотрудникам — клиент её не увидит.',
  },
  reply: {
    title: 'Ответ клиенту',
    hint: 'Клиент увидит его в портале.',
    label: 'Текст ответа',
    placeholder: 'Здравствуйте! …',
    send: 'Отправить клиенту',
    sending: 'Отправляем…',
    sent: 'Ответ отправлен — клиент увидит его в портале.',
    empty: 'Напишите текст ответа.',
    tooLong: (max: number) => `Ответ длиннее ${max} символов.`,
  },
  timeline: {
    title: 'История и переписка',
    note: 'Внутренняя заметка',
    staffReply: 'Ответ клиенту',
    clientMessage: 'Сообщение клиента',
  },
  related: {
    title: 'Обращения',
    empty: 'Обращений пока нет.',
    add: 'Обращение',
  },
};

export type CasesMessages = typeof ru;

const en: CasesMessages = {
  title: 'Cases',
  caption: 'Customer cases',
  newCase: 'New case',
  emptyHint: 'Register a client’s question, request or problem that came by phone, email, the website or social networks.',
  backToList: 'All cases',
  loading: 'Loading the case…',
  notFound: 'No such case.',
  edit: 'Edit',
  fields: {
    subject: 'Subject',
    description: 'Description',
    accountId: 'Account',
    contactId: 'Contact',
    kind: 'Kind',
    priority: 'Priority',
    status: 'Status',
    channel: 'Channel',
    ownerId: 'Owner',
    openedBy: 'Opened in the portal by',
    rating: 'Client’s rating',
    updatedAt: 'Updated',
  },
  kinds: { question: 'Question', request: 'Request', incident: 'Problem' },
  priorities: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  statuses: { new: 'New', 'in-progress': 'In progress', waiting: 'Waiting for the client', resolved: 'Resolved', closed: 'Closed' },
  channels: { phone: 'Phone', email: 'Email', web: 'Website', social: 'Social networks', portal: 'Client portal' },
  sections: { main: 'Case', origin: 'Where it came from', rating: 'Client’s rating' },
  registeredBy: 'Registered by',
  rating: {
    stars: (score) => `${'★'.repeat(score)}${'☆'.repeat(Math.max(0, 5 - score))}`,
    score: (score) => `${score} of 5`,
    comment: 'Feedback',
    at: 'When',
  },
  form: {
    createTitle: 'New case',
    editTitle: 'Edit case',
    groups: { main: 'Case', client: 'Client', work: 'Work' },
    ownerMe: 'Me',
    contactNone: 'None',
    contactFirstAccount: 'Choose the account first.',
    contactLoading: 'Loading the account’s contacts…',
    contactHint: 'Contacts of the chosen account.',
    channelFixed: 'The channel stays as it was when the case was created.',
    otherAccount: 'This contact belongs to another account.',
    noSuchAccount: 'No such account, or you cannot see it.',
  },
  note: {
    title: 'Internal note',
    hint: 'Staff only: the client never sees it.',
  },
  reply: {
    title: 'Reply to the client',
    hint: 'The client sees it in the portal.',
    label: 'Reply',
    placeholder: 'Hello! …',
    send: 'Send to the client',
    sending: 'Sending…',
    sent: 'Reply sent: the client sees it in the portal.',
    empty: 'Write the reply.',
    tooLong: (max) => `The reply is longer than ${max} characters.`,
  },
  timeline: {
    title: 'History and conversation',
    note: 'Internal note',
    staffReply: 'Reply to the client',
    clientMessage: 'Message from the client',
  },
  related: {
    title: 'Cases',
    empty: 'No cases yet.',
    add: 'Case',
  },
};

export const casesMessages = { ru, en } satisfies Record<'ru' | 'en', CasesMessages>;

export function useCasesMessages(): CasesMessages {
  const { locale } = useI18n();
  return casesMessages[locale];
}
