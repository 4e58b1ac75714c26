import type { Refusal } from '../../../api/api-error';
import { useI18n } from '../../../i18n/use-i18n';
import { ruPlural } from '../../../records/records-messages';
import type { FileProblem } from './access-requests';
import type { AccessStatus } from './access-requests-search';

/**
 * Words of the access requests (ACC-5): the admin page and a user's own request page. Russian
 * defines the shape; English is checked against it. Role names are the settings' own.
 */
const ru = {
  nav: { requests: 'Запросы доступа' },
  title: 'Запросы доступа',
  intro: 'Пользователи просят дополнительные роли и объясняют зачем. Предоставленные роли действуют с их следующего запроса; решение и комментарий уходят им на почту.',
  forbidden: 'Запросы доступа рассматривает администратор.',
  askOwn: 'Запросить доступ для себя',
  loading: 'Загружаем запросы…',
  empty: 'Запросов нет.',
  count: (n: number) => `${n} ${ruPlural(n, 'запрос', 'запроса', 'запросов')}`,
  filters: { label: 'Фильтр запросов', status: 'Статус', all: 'Все' },
  statusFilters: { open: 'Ждут решения', granted: 'Предоставленные', declined: 'Отклонённые' } satisfies Record<AccessStatus, string>,
  statuses: { open: 'Ждёт решения', granted: 'Доступ предоставлен', declined: 'Отклонён' } satisfies Record<AccessStatus, string>,
  caption: 'Запросы доступа: кто просит, какие роли, зачем и что решено',
  columns: { requester: 'Кто просит', roles: 'Роли', reason: 'Причина', created: 'Подан', status: 'Решение', actions: 'Действия' },
  decided: (who: string, when: string) => `${who}, ${when}`,
  note: (text: string) => `Комментарий: «${text}»`,
  grant: 'Предоставить',
  grantOf: (name: string) => `Предоставить доступ: ${name}`,
  decline: 'Отклонить',
  declineOf: (name: string) => `Отклонить запрос: ${name}`,
  grantTitle: 'Предоставить доступ',
  grantText: (name: string, roles: string) => `${name} получит роли: ${roles}. Они начнут действовать с его следующего запроса. Решение уйдёт ему на почту.`,
  declineTitle: 'Отклонить запрос',
  declineText: (name: string, roles: string) => `${name} не получит роли: ${roles}. Отказ уйдёт ему на почту — объясните причину в комментарии.`,
  noteLabel: 'Комментарий',
  noteHint: 'Необязательно. Пользователь получит его в письме с решением.',
  grantConfirm: 'Предоставить доступ',
  declineConfirm: 'Отклонить запрос',
  deciding: 'Сохраняем…',
  cancel: 'Отмена',
  granted: (name: string) => `Доступ для пользователя ${name} предоставлен.`,
  declinedDone: (name: string) => `Запрос пользователя ${name} отклонён.`,
  failures: {
    conflict: 'Этот запрос уже рассмотрен — список обновлён.',
    notFound: 'Такого запроса больше нет — список обновлён.',
    forbidden: 'Рассматривать запросы может только администратор.',
  } satisfies Record<Exclude<Refusal, 'other'>, string>,
  own: {
    title: 'Запрос доступа',
    intro: 'Если для работы не хватает прав, попросите администратора добавить вам роль и объясните, зачем она нужна. Решение придёт на почту.',
    forbidden: 'Запросить доступ могут сотрудники компании.',
    current: (roles: string) => `Ваши роли сейчас: ${roles}.`,
    noRoles: 'нет',
    form: 'Новый запрос',
    roles: 'Какие роли нужны',
    reason: 'Причина',
    reasonHint: 'Зачем нужен доступ: задача, клиент, срок.',
    submit: 'Запросить доступ',
    submitting: 'Отправляем…',
    sent: 'Запрос отправлен администратору. Решение придёт на почту.',
    waiting: (when: string) => `Ваш запрос от ${when} ждёт решения администратора. Новый можно подать, когда его рассмотрят.`,
    allRoles: 'У вас уже есть все роли, которые можно запросить.',
    mine: 'Мои запросы',
    mineEmpty: 'Вы ещё не запрашивали доступ.',
    grantedHint: 'Если новые разделы не появились, выйдите и войдите снова.',
    filed: (when: string) => `Подан ${when}`,
    problems: {
      rolesRequired: 'Выберите хотя бы одну роль.',
      reasonRequired: 'Напишите, зачем нужен доступ.',
    } satisfies Record<FileProblem, string>,
    conflict: 'У вас уже есть запрос, который ждёт решения — список обновлён.',
    fixErrors: 'Проверьте отмеченные поля — запрос не отправлен.',
  },
};

export type AccessRequestsMessages = typeof ru;

const en: AccessRequestsMessages = {
  nav: { requests: 'Access requests' },
  title: 'Access requests',
  intro: 'Users ask for more roles and say why. Granted roles apply from their next request; the decision and your comment are emailed to them.',
  forbidden: 'Access requests are decided by an administrator.',
  askOwn: 'Request access for yourself',
  loading: 'Loading requests…',
  empty: 'No requests.',
  count: (n) => (n === 1 ? '1 request' : `${n} requests`),
  filters: { label: 'Filter requests', status: 'Status', all: 'All' },
  statusFilters: { open: 'Awaiting decision', granted: 'Granted', declined: 'Declined' },
  statuses: { open: 'Awaiting decision', granted: 'Access granted', declined: 'Declined' },
  caption: 'Access requests: who asks, for which roles, why, and what was decided',
  columns: { requester: 'Requested by', roles: 'Roles', reason: 'Reason', created: 'Filed', status: 'Decision', actions: 'Actions' },
  decided: (who, when) => `${who}, ${when}`,
  note: (text) => `Comment: “${text}”`,
  grant: 'Grant',
  grantOf: (name) => `Grant access: ${name}`,
  decline: 'Decline',
  declineOf: (name) => `Decline the request: ${name}`,
  grantTitle: 'Grant access',
  grantText: (name, roles) => `${name} will get the roles: ${roles}. They apply from their next request. The decision is emailed to them.`,
  declineTitle: 'Decline the request',
  declineText: (name, roles) => `${name} will not get the roles: ${roles}. The refusal is emailed to them — explain why in the comment.`,
  noteLabel: 'Comment',
  noteHint: 'Optional. The user receives it in the email with the decision.',
  grantConfirm: 'Grant access',
  declineConfirm: 'Decline request',
  deciding: 'Saving…',
  cancel: 'Cancel',
  granted: (name) => `Access for ${name} has been granted.`,
  declinedDone: (name) => `The request of ${name} has been declined.`,
  failures: {
    conflict: 'This request has already been decided — the list has been refreshed.',
    notFound: 'This request no longer exists — the list has been refreshed.',
    forbidden: 'Only an administrator can decide requests.',
  },
  own: {
    title: 'Request access',
    intro: 'If you lack the rights for your work, ask an administrator to add a role and explain why you need it. The decision is emailed to you.',
    forbidden: 'Access can be requested by the company’s staff.',
    current: (roles) => `Your roles now: ${roles}.`,
    noRoles: 'none',
    form: 'New request',
    roles: 'Roles you need',
    reason: 'Reason',
    reasonHint: 'Why you need the access: the task, the client, until when.',
    submit: 'Request access',
    submitting: 'Sending…',
    sent: 'The request has been sent to the administrators. The decision will be emailed to you.',
    waiting: (when) => `Your request of ${when} is awaiting an administrator’s decision. You can file a new one once it is decided.`,
    allRoles: 'You already have every role that can be requested.',
    mine: 'My requests',
    mineEmpty: 'You have not requested access yet.',
    grantedHint: 'If the new sections do not appear, sign out and sign in again.',
    filed: (when) => `Filed ${when}`,
    problems: {
      rolesRequired: 'Choose at least one role.',
      reasonRequired: 'Say why you need the access.',
    },
    conflict: 'You already have a request awaiting a decision — the list has been refreshed.',
    fixErrors: 'Check the marked fields — the request was not sent.',
  },
};

export const accessRequestsMessages = { ru, en } satisfies Record<'ru' | 'en', AccessRequestsMessages>;

export function useAccessRequestsMessages(): AccessRequestsMessages {
  const { locale } = useI18n();
  return accessRequestsMessages[locale];
}
