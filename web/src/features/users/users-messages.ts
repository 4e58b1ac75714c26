import { useI18n } from '../../i18n/use-i18n';
import { ruPlural } from '../records/records-messages';
import type { ToggleFailure, UserStatusFilter } from './user-directory';

/**
 * Words of the users page (ACC-1). Russian defines the shape; English is checked against it.
 * Role names are the settings' own.
 */
const ru = {
  nav: { users: 'Пользователи' },
  title: 'Пользователи',
  intro: 'Кто работает в системе, когда входил в последний раз и кто отключён. Отключённый пользователь получает отказ уже на следующем запросе, а вход заново его не включает.',
  forbidden: 'Список пользователей доступен сотрудникам компании.',
  loading: 'Загружаем пользователей…',
  empty: 'Пользователей пока нет.',
  nothingFound: 'Никого не нашли — измените условия поиска.',
  count: (shown: number, total: number) =>
    shown === total ? `${total} ${ruPlural(total, 'пользователь', 'пользователя', 'пользователей')}` : `${shown} из ${total}`,
  caption: 'Пользователи, их роли, последний вход и статус',
  filters: {
    label: 'Поиск пользователей',
    text: 'Найти',
    textPlaceholder: 'Имя, почта или роль',
    status: 'Статус',
    statuses: { all: 'Все', active: 'Активные', disabled: 'Отключённые' } satisfies Record<UserStatusFilter | 'all', string>,
  },
  columns: { user: 'Пользователь', roles: 'Роли', lastSignIn: 'Последний вход', status: 'Статус', actions: 'Действия' },
  you: 'это вы',
  noName: 'Без имени',
  noRoles: 'без роли',
  never: 'Не входил',
  recently: 'в сети недавно',
  active: 'Активен',
  disabledSince: (when: string) => `Отключён с ${when}`,
  disable: 'Отключить',
  enable: 'Включить',
  disableOf: (name: string) => `Отключить пользователя ${name}`,
  enableOf: (name: string) => `Включить пользователя ${name}`,
  disableTitle: 'Отключить пользователя?',
  disableText: (name: string) =>
    `${name} больше не сможет работать: его следующий запрос будет отклонён, даже если он сейчас в системе, и войти заново он не сможет, пока его не включат. Его записи и история не меняются.`,
  enableTitle: 'Включить пользователя?',
  enableText: (name: string) => `${name} снова сможет входить и работать со своими ролями. Если его сеанс закончился, ему нужно будет войти заново.`,
  cancel: 'Отмена',
  disabled: (name: string) => `${name} отключён.`,
  enabled: (name: string) => `${name} снова включён.`,
  failures: {
    self: 'Нельзя отключить самого себя.',
    notFound: 'Такого пользователя больше нет — список обновлён.',
    forbidden: 'Отключать и включать пользователей может только администратор.',
  } satisfies Record<Exclude<ToggleFailure, 'other'>, string>,
};

export type UsersMessages = typeof ru;

const en: UsersMessages = {
  nav: { users: 'Users' },
  title: 'Users',
  intro: 'Who works in the system, when they last signed in and who is disabled. A disabled user is refused from their very next request, and signing in again does not enable them.',
  forbidden: 'The user list is for the company’s staff.',
  loading: 'Loading users…',
  empty: 'No users yet.',
  nothingFound: 'Nobody found — change the search.',
  count: (shown, total) => (shown === total ? (total === 1 ? '1 user' : `${total} users`) : `${shown} of ${total}`),
  caption: 'Users, their roles, last sign-in and status',
  filters: {
    label: 'Search users',
    text: 'Find',
    textPlaceholder: 'Name, email or role',
    status: 'Status',
    statuses: { all: 'All', active: 'Active', disabled: 'Disabled' },
  },
  columns: { user: 'User', roles: 'Roles', lastSignIn: 'Last sign-in', status: 'Status', actions: 'Actions' },
  you: 'you',
  noName: 'No name',
  noRoles: 'no role',
  never: 'Never',
  recently: 'active recently',
  active: 'Active',
  disabledSince: (when) => `Disabled since ${when}`,
  disable: 'Disable',
  enable: 'Enable',
  disableOf: (name) => `Disable ${name}`,
  enableOf: (name) => `Enable ${name}`,
  disableTitle: 'Disable the user?',
  disableText: (name) =>
    `${name} will no longer be able to work: their next request will be refused, even if they are signed in now, and they cannot sign in again until enabled. Their records and history do not change.`,
  enableTitle: 'Enable the user?',
  enableText: (name) => `${name} will be able to sign in and work with their roles again. If their session has ended, they will need to sign in again.`,
  cancel: 'Cancel',
  disabled: (name) => `${name} is disabled.`,
  enabled: (name) => `${name} is enabled again.`,
  failures: {
    self: 'You cannot disable yourself.',
    notFound: 'This user no longer exists — the list has been refreshed.',
    forbidden: 'Only an administrator can disable and enable users.',
  },
};

export const usersMessages = { ru, en } satisfies Record<'ru' | 'en', UsersMessages>;

export function useUsersMessages(): UsersMessages {
  const { locale } = useI18n();
  return usersMessages[locale];
}
