import type { activityKinds, activityStatuses } from '@shared/domain/activities/activity';
import { useI18n } from '../../i18n/use-i18n';

/** Words of the activities panel (REC-7). Russian defines the shape; English is checked against it. */
type Kind = (typeof activityKinds)[number];
type Status = (typeof activityStatuses)[number];

const ru = {
  title: 'Дела',
  loading: 'Загружаем дела…',
  empty: 'Дел пока нет. Запланируйте звонок, встречу или задачу.',
  add: 'Новое дело',
  addTitle: 'Новое дело',
  create: 'Создать',
  creating: 'Создаём…',
  cancel: 'Отмена',
  loadMore: 'Загрузить ещё',
  kinds: { task: 'Задача', call: 'Звонок', meeting: 'Встреча', email: 'Письмо' } satisfies Record<Kind, string>,
  statuses: { open: 'Открыто', done: 'Выполнено', cancelled: 'Отменено' } satisfies Record<Status, string>,
  fields: {
    kind: 'Вид',
    subject: 'Тема',
    dueAt: 'Срок',
    reminderAt: 'Напомнить',
    durationMinutes: 'Длительность, мин',
    description: 'Описание',
    outcome: 'Итог',
    nextStep: 'Следующий шаг',
    ownerId: 'Ответственный',
  },
  reminderHint: 'Не позже срока.',
  overdue: 'Просрочено',
  due: (when: string) => `Срок: ${when}`,
  reminder: (when: string) => `Напоминание: ${when}`,
  minutes: (n: number) => `${n} мин`,
  completedAt: (when: string) => `Выполнено ${when}`,
  markDone: 'Выполнено',
  markDoneTitle: 'Завершить дело',
  doneHint: 'Для звонка и встречи укажите итог и следующий шаг — о чём договорились.',
  finish: 'Завершить',
  finishing: 'Сохраняем…',
  cancelActivity: 'Отменить дело',
  cancelling: 'Отменяем…',
  conflict: 'Дело только что изменил кто-то другой. Список обновлён — повторите действие.',
  fixErrors: 'Исправьте отмеченные поля.',
  open: 'Открытые',
  closed: 'Завершённые',
};

export type ActivitiesMessages = typeof ru;

const en: ActivitiesMessages = {
  title: 'Activities',
  loading: 'Loading activities…',
  empty: 'No activities yet. Plan a call, a meeting or a task.',
  add: 'New activity',
  addTitle: 'New activity',
  create: 'Create',
  creating: 'Creating…',
  cancel: 'Cancel',
  loadMore: 'Load more',
  kinds: { task: 'Task', call: 'Call', meeting: 'Meeting', email: 'Email' },
  statuses: { open: 'Open', done: 'Done', cancelled: 'Cancelled' },
  fields: {
    kind: 'Kind',
    subject: 'Subject',
    dueAt: 'Due',
    reminderAt: 'Remind at',
    durationMinutes: 'Duration, min',
    description: 'Description',
    outcome: 'Outcome',
    nextStep: 'Next step',
    ownerId: 'Owner',
  },
  reminderHint: 'No later than the due time.',
  overdue: 'Overdue',
  due: (when) => `Due: ${when}`,
  reminder: (when) => `Reminder: ${when}`,
  minutes: (n) => `${n} min`,
  completedAt: (when) => `Done ${when}`,
  markDone: 'Done',
  markDoneTitle: 'Complete the activity',
  doneHint: 'For a call or a meeting, say how it went and the next step agreed.',
  finish: 'Complete',
  finishing: 'Saving…',
  cancelActivity: 'Cancel activity',
  cancelling: 'Cancelling…',
  conflict: 'Someone else has just changed the activity. The list is refreshed; please repeat the action.',
  fixErrors: 'Please correct the marked fields.',
  open: 'Open',
  closed: 'Finished',
};

export const activitiesMessages = { ru, en } satisfies Record<'ru' | 'en', ActivitiesMessages>;

export function useActivitiesMessages(): ActivitiesMessages {
  const { locale } = useI18n();
  return activitiesMessages[locale];
}
