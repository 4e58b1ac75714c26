import type { Refusal } from '../../../api/api-error';
import { useI18n } from '../../../i18n/use-i18n';
import { ruPlural } from '../../../records/records-messages';
import type { KeyProblem } from './api-keys';

/**
 * Words of the API keys page. Russian defines the shape; English is checked against it. Role
 * names are the settings' own.
 */
const ru = {
  nav: { keys: 'API-ключи' },
  title: 'API-ключи',
  intro:
    'Ключи для интеграций — телефонии, учётной системы, скриптов. Ключ работает от имени роли: может то же, что пользователь с этой ролью. Секрет показывается один раз, при создании.',
  forbidden: 'API-ключами управляет администратор.',
  loading: 'Загружаем ключи…',
  empty: 'Ключей пока нет.',
  count: (n: number) => `${n} ${ruPlural(n, 'ключ', 'ключа', 'ключей')}`,
  add: 'Новый ключ',
  caption: 'API-ключи: название, роль, начало ключа, кто и когда создал, статус',
  columns: { name: 'Название', role: 'Роль', prefix: 'Начало ключа', created: 'Создан', status: 'Статус', actions: 'Действия' },
  createdBy: (who: string, when: string) => `${who}, ${when}`,
  active: 'Активен',
  revoked: 'Отозван',
  revokedBy: (who: string, when: string) => `${who}, ${when}`,
  revoke: 'Отозвать',
  revokeOf: (name: string) => `Отозвать ключ «${name}»`,
  revokeTitle: 'Отозвать ключ?',
  revokeText: (name: string) =>
    `Ключ «${name}» перестанет работать сразу: запросы с ним будут отклонены. Вернуть его нельзя — интеграции понадобится новый ключ.`,
  revokeConfirm: 'Отозвать ключ',
  revokedDone: (name: string) => `Ключ «${name}» отозван.`,
  cancel: 'Отмена',
  failures: {
    conflict: 'Этот ключ уже отозван — список обновлён.',
    notFound: 'Такого ключа больше нет — список обновлён.',
    forbidden: 'API-ключами управляет только администратор.',
  } satisfies Record<Exclude<Refusal, 'other'>, string>,
  create: {
    title: 'Новый API-ключ',
    text: 'Назовите ключ по интеграции, которая будет им пользоваться, и дайте ему наименьшую достаточную роль.',
    name: 'Название',
    nameHint: 'Например, «Телефония» или «Выгрузка в 1С».',
    role: 'Роль',
    chooseRole: 'Выберите роль',
    roleHint: 'Ключ может то же, что пользователь с этой ролью.',
    adminWarning: 'Ключ с ролью администратора может всё, в том числе управлять пользователями. Выбирайте её, только если без этого никак.',
    submit: 'Создать ключ',
    submitting: 'Создаём…',
    problems: { nameRequired: 'Введите название ключа.', roleRequired: 'Выберите роль ключа.' } satisfies Record<KeyProblem, string>,
    fixErrors: 'Проверьте отмеченные поля — ключ не создан.',
  },
  secret: {
    title: 'Ключ создан',
    warning: 'Скопируйте ключ сейчас: после закрытия этого окна его больше не покажут. Если ключ потеряется, отзовите его и создайте новый.',
    label: 'Секретный ключ',
    copy: 'Копировать',
    copySecret: 'Копировать ключ',
    copyCommand: 'Копировать команду',
    copied: 'Скопировано.',
    copyFailed: 'Не удалось скопировать — выделите текст и нажмите Ctrl+C.',
    usage: 'Передавайте ключ в заголовке X-Api-Key. Например, список лидов:',
    usageLabel: 'Пример запроса',
    done: 'Готово, ключ сохранён',
  },
};

export type ApiKeysMessages = typeof ru;

const en: ApiKeysMessages = {
  nav: { keys: 'API keys' },
  title: 'API keys',
  intro: 'Keys for integrations — telephony, accounting, scripts. A key acts with a role: it may do what a user with that role may. The secret is shown once, when the key is created.',
  forbidden: 'API keys are managed by an administrator.',
  loading: 'Loading keys…',
  empty: 'No keys yet.',
  count: (n) => (n === 1 ? '1 key' : `${n} keys`),
  add: 'New key',
  caption: 'API keys: name, role, the key’s beginning, who created it and when, status',
  columns: { name: 'Name', role: 'Role', prefix: 'Key begins with', created: 'Created', status: 'Status', actions: 'Actions' },
  createdBy: (who, when) => `${who}, ${when}`,
  active: 'Active',
  revoked: 'Revoked',
  revokedBy: (who, when) => `${who}, ${when}`,
  revoke: 'Revoke',
  revokeOf: (name) => `Revoke key “${name}”`,
  revokeTitle: 'Revoke the key?',
  revokeText: (name) => `“${name}” stops working at once: requests with it are refused. This cannot be undone — the integration will need a new key.`,
  revokeConfirm: 'Revoke key',
  revokedDone: (name) => `“${name}” has been revoked.`,
  cancel: 'Cancel',
  failures: {
    conflict: 'This key is already revoked — the list has been refreshed.',
    notFound: 'This key no longer exists — the list has been refreshed.',
    forbidden: 'Only an administrator can manage API keys.',
  },
  create: {
    title: 'New API key',
    text: 'Name the key after the integration that will use it, and give it the smallest role that is enough.',
    name: 'Name',
    nameHint: 'E.g. “Telephony” or “Accounting export”.',
    role: 'Role',
    chooseRole: 'Choose a role',
    roleHint: 'The key may do what a user with this role may.',
    adminWarning: 'A key with the administrator role can do anything, including managing users. Choose it only if there is no other way.',
    submit: 'Create key',
    submitting: 'Creating…',
    problems: { nameRequired: 'Enter the key’s name.', roleRequired: 'Choose the key’s role.' },
    fixErrors: 'Check the marked fields — the key was not created.',
  },
  secret: {
    title: 'Key created',
    warning: 'Copy the key now: once this window is closed it will not be shown again. If the key is lost, revoke it and create a new one.',
    label: 'Secret key',
    copy: 'Copy',
    copySecret: 'Copy key',
    copyCommand: 'Copy command',
    copied: 'Copied.',
    copyFailed: 'Could not copy — select the text and press Ctrl+C.',
    usage: 'Send the key in the X-Api-Key header. For example, the list of leads:',
    usageLabel: 'Example request',
    done: 'Done, the key is saved',
  },
};

export const apiKeysMessages = { ru, en } satisfies Record<'ru' | 'en', ApiKeysMessages>;

export function useApiKeysMessages(): ApiKeysMessages {
  const { locale } = useI18n();
  return apiKeysMessages[locale];
}
