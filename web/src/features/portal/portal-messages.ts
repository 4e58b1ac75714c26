import type { Activity } from '@shared/domain/activities/activity';
import { useI18n } from '../../i18n/use-i18n';

/** The client portal's words (ACC-3), for a client's or partner's person, not for staff. */
const ru = {
  title: 'Мои сделки',
  intro: 'Сделки вашей компании: на каком они этапе, что запланировано и кто отвечает с нашей стороны.',
  loading: 'Загружаем сделки…',
  empty: 'Сделок пока нет.',
  noAccount: 'Ваша учётная запись ещё не привязана к компании. Обратитесь к вашему менеджеру.',
  stage: 'Этап',
  amount: 'Сумма',
  expectedClose: 'Ожидаемое закрытие',
  responsible: 'Ответственный',
  nextActions: 'Запланировано',
  noActions: 'Пока ничего не запланировано.',
  outcomes: { open: 'В работе', won: 'Завершена успешно', lost: 'Закрыта' },
  kinds: { task: 'Задача', call: 'Звонок', meeting: 'Встреча', email: 'Письмо' } satisfies Record<Activity['kind'], string>,
};

export type PortalMessages = typeof ru;

const en: PortalMessages = {
  title: 'My deals',
  intro: "Your company's deals: which stage they are at, what is planned and who is responsible on our side.",
  loading: 'Loading the deals…',
  empty: 'No deals yet.',
  noAccount: 'Your account is not linked to a company yet. Please contact your manager.',
  stage: 'Stage',
  amount: 'Amount',
  expectedClose: 'Expected close',
  responsible: 'Responsible',
  nextActions: 'Planned',
  noActions: 'Nothing planned yet.',
  outcomes: { open: 'In progress', won: 'Won', lost: 'Closed' },
  kinds: { task: 'Task', call: 'Call', meeting: 'Meeting', email: 'Email' },
};

export const portalMessages = { ru, en } satisfies Record<'ru' | 'en', PortalMessages>;

export function usePortalMessages(): PortalMessages {
  const { locale } = useI18n();
  return portalMessages[locale];
}
