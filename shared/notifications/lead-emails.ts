import type { OutgoingEmail } from '../adapters/email-sender';
import type { Lead } from '../domain/leads/lead';
import { leadDisplayName } from '../domain/leads/lead-changes';
import type { Locale } from '../i18n/locale';
import { escapeHtml as escape } from './escape-html';

/** Email texts about leads, in the client's language. Pure: building an email sends nothing. */

const words = {
  ru: {
    capturedSubject: (name: string) => `Новый лид с сайта: ${name}`,
    capturedIntro: 'С формы на сайте пришёл новый лид, вы назначены ответственным.',
    open: 'Открыть карточку лида',
    name: 'Имя', company: 'Компания', email: 'Email', phone: 'Телефон', topic: 'Интерес', message: 'Сообщение', source: 'Источник',
    digestSubject: (count: number) => `Лиды ждут первого контакта: ${count}`,
    digestIntro: 'Эти лиды всё ещё в статусе «Новый» больше суток:',
    more: (count: number) => `и ещё ${count}`,
  },
  en: {
    capturedSubject: (name: string) => `New lead from the website: ${name}`,
    capturedIntro: 'A new lead came in through a website form, and you are its owner.',
    open: 'Open the lead',
    name: 'Name', company: 'Company', email: 'Email', phone: 'Phone', topic: 'Interest', message: 'Message', source: 'Source',
    digestSubject: (count: number) => `Leads waiting for first contact: ${count}`,
    digestIntro: 'These leads have been "New" for more than a day:',
    more: (count: number) => `and ${count} more`,
  },
} as const;

/** What the email about a captured lead shows: a stored lead, or what its LeadCaptured event carries. */
export type CapturedLeadView = Pick<Lead, 'id' | 'lastName' | 'firstName' | 'middleName' | 'company' | 'email' | 'phone' | 'topic' | 'message'> & {
  source: Pick<Lead['source'], 'campaign' | 'utm' | 'pageUrl'>;
};

export function leadCapturedEmail(lead: CapturedLeadView, to: string, appUrl: string, locale: Locale): OutgoingEmail {
  const w = words[locale];
  const name = leadDisplayName(lead);
  const link = `${appUrl}/leads/${lead.id}`;
  const source = [lead.source.campaign, lead.source.utm?.source, lead.source.pageUrl].filter(Boolean).join(' · ');
  const rows: [string, string | undefined][] = [
    [w.name, name],
    [w.company, lead.company],
    [w.email, lead.email],
    [w.phone, lead.phone],
    [w.topic, lead.topic],
    [w.message, lead.message],
    [w.source, source || undefined],
  ];
  const present = rows.filter((row): row is [string, string] => Boolean(row[1]));
  return {
    to,
    subject: w.capturedSubject(name),
    text: [w.capturedIntro, '', ...present.map(([k, v]) => `${k}: ${v}`), '', `${w.open}: ${link}`].join('\n'),
    html: `<p>${escape(w.capturedIntro)}</p><table>${present
      .map(([k, v]) => `<tr><th align="left">${escape(k)}</th><td>${escape(v)}</td></tr>`)
      .join('')}</table><p><a href="${escape(link)}">${escape(w.open)}</a></p>`,
  };
}

export function newLeadsDigestEmail(leads: Lead[], to: string, appUrl: string, locale: Locale, shown = 20): OutgoingEmail {
  const w = words[locale];
  const listed = leads.slice(0, shown);
  const lines = listed.map((lead) => ({ label: [leadDisplayName(lead), lead.company].filter(Boolean).join(', '), link: `${appUrl}/leads/${lead.id}` }));
  const rest = leads.length - listed.length;
  return {
    to,
    subject: w.digestSubject(leads.length),
    text: [w.digestIntro, ...lines.map((l) => `- ${l.label}: ${l.link}`), ...(rest > 0 ? [w.more(rest)] : [])].join('\n'),
    html: `<p>${escape(w.digestIntro)}</p><ul>${lines
      .map((l) => `<li><a href="${escape(l.link)}">${escape(l.label)}</a></li>`)
      .join('')}${rest > 0 ? `<li>${escape(w.more(rest))}</li>` : ''}</ul>`,
  };
}
