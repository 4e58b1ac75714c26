import type { OutgoingEmail } from '../adapters/email-sender';
import { isRole, roleTitles } from '../auth/roles';
import type { Locale } from '../i18n/locale';
import { escapeHtml as escape } from './escape-html';

/**
 * Emails about people's access (ACC-5), in the client's language: the invitation the CRM sends
 * itself, the messages around access requests, and the template of Cognito's own code emails
 * (password reset), which the stack gives the user pool and the local Cognito stand-in fills in.
 */
export interface Workspace {
  company: string;
  appUrl: string;
  locale: Locale;
}

const words = {
  ru: {
    inviteSubject: (company: string) => `Приглашение в CRM ${company}`,
    inviteIntro: (inviter: string, company: string) => `${inviter} приглашает вас в CRM ${company}.`,
    login: 'Логин',
    temporaryPassword: 'Временный пароль',
    inviteSteps: 'Войдите по ссылке ниже и задайте свой пароль. Временный пароль действует 7 дней.',
    signIn: 'Войти в CRM',
    roles: 'Роли',
    requestSubject: (who: string) => `Запрос доступа: ${who}`,
    requestIntro: (who: string) => `${who} запрашивает доступ в CRM.`,
    reason: 'Причина',
    review: 'Рассмотреть запрос',
    grantedSubject: 'Доступ выдан',
    grantedIntro: 'Ваш запрос доступа одобрен. Новые права действуют со следующего входа или обновления страницы.',
    declinedSubject: 'Запрос доступа отклонён',
    declinedIntro: 'Ваш запрос доступа отклонён.',
    note: 'Комментарий',
    codeSubject: (company: string) => `Код для смены пароля в CRM ${company}`,
    codeBody: 'Ваш код для смены пароля: {####}<br>Если вы не запрашивали смену пароля, просто проигнорируйте это письмо.',
  },
  en: {
    inviteSubject: (company: string) => `Invitation to the ${company} CRM`,
    inviteIntro: (inviter: string, company: string) => `${inviter} invites you to the ${company} CRM.`,
    login: 'Login',
    temporaryPassword: 'Temporary password',
    inviteSteps: 'Sign in through the link below and choose your own password. The temporary password is valid for 7 days.',
    signIn: 'Sign in to the CRM',
    roles: 'Roles',
    requestSubject: (who: string) => `Access request: ${who}`,
    requestIntro: (who: string) => `${who} asks for access in the CRM.`,
    reason: 'Reason',
    review: 'Review the request',
    grantedSubject: 'Access granted',
    grantedIntro: 'Your access request was granted. The new rights apply from your next sign-in or page reload.',
    declinedSubject: 'Access request declined',
    declinedIntro: 'Your access request was declined.',
    note: 'Comment',
    codeSubject: (company: string) => `Your password reset code for the ${company} CRM`,
    codeBody: 'Your password reset code: {####}<br>If you did not ask to reset your password, ignore this email.',
  },
} as const;

const rolesInWords = (roles: string[], locale: Locale) => roles.map((r) => (isRole(r) ? roleTitles[locale][r] : r)).join(', ');

function email(to: string, subject: string, paragraphs: string[], rows: [string, string][], link: { href: string; label: string }): OutgoingEmail {
  return {
    to,
    subject,
    text: [...paragraphs, '', ...rows.map(([k, v]) => `${k}: ${v}`), '', `${link.label}: ${link.href}`].join('\n'),
    html: `${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}${
      rows.length ? `<table>${rows.map(([k, v]) => `<tr><th align="left">${escape(k)}</th><td><code>${escape(v)}</code></td></tr>`).join('')}</table>` : ''
    }<p><a href="${escape(link.href)}">${escape(link.label)}</a></p>`,
  };
}

/** The invitation: who invites, the login, the temporary password and the link to sign in. */
export function invitationEmail(invite: { to: string; inviter: string; temporaryPassword: string; roles: string[] }, space: Workspace): OutgoingEmail {
  const w = words[space.locale];
  const link = `${space.appUrl}/signin?email=${encodeURIComponent(invite.to)}`;
  return email(
    invite.to,
    w.inviteSubject(space.company),
    [w.inviteIntro(invite.inviter, space.company), w.inviteSteps],
    [
      [w.login, invite.to],
      [w.temporaryPassword, invite.temporaryPassword],
      [w.roles, rolesInWords(invite.roles, space.locale)],
    ],
    { href: link, label: w.signIn },
  );
}

/** To each admin: someone filed an access request. */
export function accessRequestFiledEmail(request: { to: string; requester: string; roles: string[]; reason: string }, space: Workspace): OutgoingEmail {
  const w = words[space.locale];
  return email(
    request.to,
    w.requestSubject(request.requester),
    [w.requestIntro(request.requester)],
    [
      [w.roles, rolesInWords(request.roles, space.locale)],
      [w.reason, request.reason],
    ],
    { href: `${space.appUrl}/settings/access-requests`, label: w.review },
  );
}

/** To the requester: the decision, with the admin's note. */
export function accessRequestDecidedEmail(decision: { to: string; granted: boolean; roles: string[]; note?: string }, space: Workspace): OutgoingEmail {
  const w = words[space.locale];
  return email(
    decision.to,
    decision.granted ? w.grantedSubject : w.declinedSubject,
    [decision.granted ? w.grantedIntro : w.declinedIntro],
    [[w.roles, rolesInWords(decision.roles, space.locale)], ...(decision.note ? ([[w.note, decision.note]] as [string, string][]) : [])],
    { href: space.appUrl, label: w.signIn },
  );
}

/**
 * Cognito's own code email (password reset, ACC-5): `{####}` is where Cognito puts the code. The
 * stack sets it as the pool's verification message; locally the Cognito stand-in fills it in.
 */
export function verificationCodeTemplate(locale: Locale, company: string): { subject: string; body: string } {
  const w = words[locale];
  return { subject: w.codeSubject(company), body: w.codeBody };
}
