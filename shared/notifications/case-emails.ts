import type { OutgoingEmail } from '../adapters/email-sender';
import type { Case } from '../domain/cases/case';
import type { Locale } from '../i18n/locale';
import { escapeHtml as escape } from './escape-html';

/** Emails to a case's owner about what its client did in the portal (ACC-3). Pure: building one sends nothing. */
const words = {
  ru: {
    openedSubject: (subject: string) => `Новое обращение из портала: ${subject}`,
    openedIntro: (account: string) => `Клиент ${account} открыл обращение в портале, вы назначены ответственным.`,
    repliedSubject: (subject: string) => `Клиент ответил по обращению: ${subject}`,
    repliedIntro: (author: string, account: string) => `${author} (${account}) написал в портале:`,
    open: 'Открыть обращение',
    aClient: 'Клиент',
  },
  en: {
    openedSubject: (subject: string) => `New case from the portal: ${subject}`,
    openedIntro: (account: string) => `${account} opened a case in the portal, and you are its owner.`,
    repliedSubject: (subject: string) => `The client replied on a case: ${subject}`,
    repliedIntro: (author: string, account: string) => `${author} (${account}) wrote in the portal:`,
    open: 'Open the case',
    aClient: 'The client',
  },
} as const;

/** `authorName`: absent when the client's person has none on file. */
export type CaseNews = { kind: 'opened' } | { kind: 'replied'; text: string; authorName?: string };

export function caseNewsEmail(record: Case, news: CaseNews, to: string, appUrl: string, locale: Locale): OutgoingEmail {
  const w = words[locale];
  const account = record.accountName ?? w.aClient;
  const link = `${appUrl}/cases/${record.id}`;
  const subject = news.kind === 'opened' ? w.openedSubject(record.subject) : w.repliedSubject(record.subject);
  const intro = news.kind === 'opened' ? w.openedIntro(account) : w.repliedIntro(news.authorName ?? w.aClient, account);
  const body = news.kind === 'opened' ? (record.description ?? '') : news.text;
  return {
    to,
    subject,
    text: [intro, '', body, '', `${w.open}: ${link}`].join('\n'),
    html: `<p>${escape(intro)}</p><blockquote>${escape(body).replace(/\n/g, '<br>')}</blockquote><p><a href="${escape(link)}">${escape(w.open)}</a></p>`,
  };
}
