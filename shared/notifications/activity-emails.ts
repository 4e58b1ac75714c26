import type { OutgoingEmail } from '../adapters/email-sender';
import type { Activity } from '../domain/activities/activity';
import { resourceOf } from '../domain/records/record-type';
import type { Locale } from '../i18n/locale';
import { escapeHtml } from './escape-html';

/** The reminder of an activity (REC-7), in the client's language and time zone. Pure: building it sends nothing. */
const words = {
  ru: {
    subject: (kind: string, subject: string) => `Напоминание: ${kind.toLowerCase()} «${subject}»`,
    intro: 'Вы просили напомнить об этом деле.',
    kinds: { task: 'Задача', call: 'Звонок', meeting: 'Встреча', email: 'Письмо' },
    due: 'Срок',
    noDue: 'без срока',
    description: 'Описание',
    open: 'Открыть запись',
  },
  en: {
    subject: (kind: string, subject: string) => `Reminder: ${kind.toLowerCase()} "${subject}"`,
    intro: 'You asked to be reminded of this activity.',
    kinds: { task: 'Task', call: 'Call', meeting: 'Meeting', email: 'Email' },
    due: 'Due',
    noDue: 'no due time',
    description: 'Description',
    open: 'Open the record',
  },
} as const;

export function activityReminderEmail(activity: Activity, to: string, appUrl: string, locale: Locale, timeZone: string): OutgoingEmail {
  const w = words[locale];
  const kind = w.kinds[activity.kind];
  const due = activity.dueAt
    ? new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(activity.dueAt))
    : w.noDue;
  const link = `${appUrl}/${resourceOf(activity.regarding.type)}/${activity.regarding.id}`;
  const rows: [string, string][] = [[w.due, due], ...(activity.description ? [[w.description, activity.description] as [string, string]] : [])];
  return {
    to,
    subject: w.subject(kind, activity.subject),
    text: [w.intro, '', `${kind}: ${activity.subject}`, ...rows.map(([k, v]) => `${k}: ${v}`), '', `${w.open}: ${link}`].join('\n'),
    html: `<p>${escapeHtml(w.intro)}</p><p><strong>${escapeHtml(kind)}: ${escapeHtml(activity.subject)}</strong></p><table>${rows
      .map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
      .join('')}</table><p><a href="${escapeHtml(link)}">${escapeHtml(w.open)}</a></p>`,
  };
}
