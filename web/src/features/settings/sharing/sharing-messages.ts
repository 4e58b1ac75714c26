import type { RecordSubject } from '@shared/auth/permissions';
import type { SharingLevel } from '@shared/domain/access/sharing';
import { useI18n } from '../../../i18n/use-i18n';

/** Words of the record sharing screen (ACC-2). Russian defines the shape; English is checked against it. */
const ru = {
  nav: { sharing: 'Доступ к записям' },
  title: 'Доступ к записям',
  intro:
    'По умолчанию записи видны по роли: менеджер по продажам видит свои, руководитель — своей команды, администратор — все. Здесь можно открыть тип записей всем, чья роль с ним работает: только для просмотра или и для правки. Удалять, объединять и передавать другому ответственному по-прежнему может только тот, кому это позволяет роль, — чужой клиент не уходит к другому продавцу.',
  readOnly: 'Изменять доступ может только администратор. Вы видите настройку в режиме просмотра.',
  forbidden: 'Настройку доступа видят администратор и руководители отделов.',
  loading: 'Загружаем настройку доступа…',
  caption: 'Кто видит записи каждого типа',
  type: 'Тип записей',
  types: {
    leads: 'Лиды',
    accounts: 'Компании',
    contacts: 'Контакты',
    deals: 'Сделки',
    activities: 'Дела',
    cases: 'Обращения',
  } satisfies Record<RecordSubject, string>,
  levels: {
    private: 'По роли',
    read: 'Все видят',
    edit: 'Все видят и правят',
  } satisfies Record<SharingLevel, string>,
  levelHints: {
    private: 'Свои, своей команды или все — как позволяет роль.',
    read: 'Все, кому роль позволяет читать этот тип, видят все записи; правят — как позволяет роль.',
    edit: 'Все, кому роль позволяет править этот тип, правят все записи; ответственный не меняется.',
  } satisfies Record<SharingLevel, string>,
  levelOf: (type: string, level: string) => `${type}: ${level}`,
};

export type SharingMessages = typeof ru;

const en: SharingMessages = {
  nav: { sharing: 'Record sharing' },
  title: 'Record sharing',
  intro:
    'By default records are visible by role: a sales rep sees their own, a manager their team’s, an administrator everything. Here a record type can be opened to everyone whose role works with it: for viewing only, or for editing too. Deleting, merging and giving records to another owner still need a role that allows it — a seller’s client does not move to another seller.',
  readOnly: 'Only an administrator can change sharing. You are viewing it read-only.',
  forbidden: 'Record sharing is visible to administrators and department managers.',
  loading: 'Loading record sharing…',
  caption: 'Who sees the records of each type',
  type: 'Record type',
  types: { leads: 'Leads', accounts: 'Accounts', contacts: 'Contacts', deals: 'Deals', activities: 'Activities', cases: 'Cases' },
  levels: { private: 'By role', read: 'Everyone views', edit: 'Everyone views and edits' },
  levelHints: {
    private: 'Their own, their team’s or all — as the role allows.',
    read: 'Everyone whose role may read this type sees all its records; editing is as the role allows.',
    edit: 'Everyone whose role may edit this type edits all its records; the owner stays.',
  },
  levelOf: (type, level) => `${type}: ${level}`,
};

export const sharingMessages = { ru, en } satisfies Record<'ru' | 'en', SharingMessages>;

export function useSharingMessages(): SharingMessages {
  const { locale } = useI18n();
  return sharingMessages[locale];
}
