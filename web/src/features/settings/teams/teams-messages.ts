import { useI18n } from '../../../i18n/use-i18n';
import { ruPlural } from '../../../records/records-messages';
import type { TeamWarning } from './team-insights';

/**
 * Words of the teams screen (ACC-2). Russian defines the shape; English is checked against it.
 * Role names and the save bar's words are the settings' own.
 */
const ru = {
  nav: { teams: 'Команды' },
  title: 'Команды',
  intro:
    'Кто кем руководит: менеджер по продажам видит свои записи, руководитель — записи своей команды, администратор — все. Руководитель команды видит записи её участников.',
  readOnly: 'Изменять команды может только администратор. Вы видите их в режиме просмотра.',
  forbidden: 'Команды видят администратор и руководители отделов.',
  loading: 'Загружаем команды…',
  empty: 'Команд пока нет.',
  count: (n: number) => `${n} ${ruPlural(n, 'команда', 'команды', 'команд')}`,
  add: 'Добавить команду',
  newTeam: 'Новая команда',
  name: 'Название',
  id: 'Код',
  idHintNew: 'Латиница в нижнем регистре, цифры и дефис, например moscow-sales. Предложен по названию.',
  manager: 'Руководитель',
  noManager: 'Выберите руководителя',
  members: 'Участники',
  membersOf: (name: string) => `Участники команды «${name}»`,
  membersCount: (n: number) => `${n} ${ruPlural(n, 'участник', 'участника', 'участников')}`,
  noMembers: 'Участников нет.',
  filter: 'Найти пользователя',
  filterPlaceholder: 'Имя, почта или роль',
  nothingFound: 'Никого не нашли.',
  unknownUser: (id: string) => `Неизвестный пользователь (${id})`,
  noRoles: 'без роли',
  remove: 'Удалить команду',
  removeOf: (name: string) => `Удалить команду «${name}»`,
  removeTitle: 'Удалить команду?',
  removeText: (name: string) =>
    `Команда «${name}» исчезнет, и её руководитель перестанет видеть записи её участников (если они не в другой его команде). Сами записи не меняются. Удаление вступит в силу после сохранения.`,
  removeConfirm: 'Удалить команду',
  noTeam: {
    title: 'Не в команде',
    hint: 'Их записи не видит ни один руководитель (только они сами и администратор), а руководитель без команды видит только свои записи.',
    all: 'Все, кто работает с записями, состоят в командах.',
  },
  issues: {
    id: 'Код: латиница в нижнем регистре, цифры и дефис, до 40 символов (например, moscow-sales).',
    idUnique: 'Команда с таким кодом уже есть.',
    nameRequired: 'Укажите название команды.',
    managerRequired: 'Выберите руководителя команды.',
    unknownUser: 'Такого пользователя нет в справочнике.',
    memberTwice: 'Участник указан дважды.',
    tooManyMembers: 'В команде не больше 100 участников.',
    tooManyTeams: 'Не больше 100 команд.',
  },
  warnings: {
    'manager-is-member': (name: string) => `${name} руководит командой и сам входит в неё участником. Так можно, но проверьте, что это задумано.`,
    'manager-sees-nothing-more': (name: string) =>
      `У пользователя ${name} нет роли руководителя отдела: команда не расширит то, что он видит. Назначьте руководителем пользователя с такой ролью.`,
  } satisfies Record<TeamWarning, (name: string) => string>,
};

export type TeamsMessages = typeof ru;

const en: TeamsMessages = {
  nav: { teams: 'Teams' },
  title: 'Teams',
  intro: 'Who leads whom: a sales rep sees their own records, a manager their team’s, an administrator everything. A team’s manager sees the records of its members.',
  readOnly: 'Only an administrator can change teams. You are viewing them read-only.',
  forbidden: 'Teams are visible to administrators and department managers.',
  loading: 'Loading teams…',
  empty: 'No teams yet.',
  count: (n) => (n === 1 ? '1 team' : `${n} teams`),
  add: 'Add team',
  newTeam: 'New team',
  name: 'Name',
  id: 'Code',
  idHintNew: 'Lower-case Latin letters, digits and hyphens, e.g. moscow-sales. Suggested from the name.',
  manager: 'Manager',
  noManager: 'Choose a manager',
  members: 'Members',
  membersOf: (name) => `Members of “${name}”`,
  membersCount: (n) => (n === 1 ? '1 member' : `${n} members`),
  noMembers: 'No members.',
  filter: 'Find a user',
  filterPlaceholder: 'Name, e-mail or role',
  nothingFound: 'Nobody found.',
  unknownUser: (id) => `Unknown user (${id})`,
  noRoles: 'no role',
  remove: 'Remove team',
  removeOf: (name) => `Remove team “${name}”`,
  removeTitle: 'Remove the team?',
  removeText: (name) =>
    `“${name}” will disappear, and its manager will no longer see its members’ records (unless they are in another of the manager’s teams). The records themselves do not change. The removal takes effect once you save.`,
  removeConfirm: 'Remove team',
  noTeam: {
    title: 'In no team',
    hint: 'No manager sees their records (only they themselves and administrators), and a manager without a team sees only their own records.',
    all: 'Everyone who works with records is in a team.',
  },
  issues: {
    id: 'Code: lower-case Latin letters, digits and hyphens, up to 40 characters (e.g. moscow-sales).',
    idUnique: 'A team with this code already exists.',
    nameRequired: 'Enter the team’s name.',
    managerRequired: 'Choose the team’s manager.',
    unknownUser: 'No such user in the directory.',
    memberTwice: 'The member is listed twice.',
    tooManyMembers: 'A team has at most 100 members.',
    tooManyTeams: 'At most 100 teams.',
  },
  warnings: {
    'manager-is-member': (name) => `${name} manages the team and is also one of its members. That is allowed, but check that it is intended.`,
    'manager-sees-nothing-more': (name) => `${name} has no manager role: the team will not widen what they see. Choose a user with a manager role.`,
  },
};

export const teamsMessages = { ru, en } satisfies Record<'ru' | 'en', TeamsMessages>;

export function useTeamsMessages(): TeamsMessages {
  const { locale } = useI18n();
  return teamsMessages[locale];
}
