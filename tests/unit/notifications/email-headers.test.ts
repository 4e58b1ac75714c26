import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendEmail, type OutgoingEmail } from '../../../shared/adapters/email-sender';
import type { Activity } from '../../../shared/domain/activities/activity';
import type { Case } from '../../../shared/domain/cases/case';
import { activityReminderEmail } from '../../../shared/notifications/activity-emails';
import { caseNewsEmail } from '../../../shared/notifications/case-emails';

/**
 * CR/LF never reaches an email header (issue 12 §5): subjects are built from what people typed
 * (a portal case's subject, an activity's), and every email goes through sendEmail, which makes the
 * subject one line and refuses a recipient that is not one address.
 */
const ses = mockClient(SESv2Client);
const sent = () => ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input);
const injected = 'Счета\r\nBcc: victim@example.com\r\n\r\nПривет\nX-Test: 1\u2028Ещё\u0085и ещё';

beforeAll(() => {
  process.env.SENDER_EMAIL = 'crm@example.com';
});

beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
});

const record = { id: '01JCASE0000000000000000000', subject: injected, description: 'Текст', accountName: 'ООО «Клиент»' } as Case;
const activity = { id: '01JACT00000000000000000000', kind: 'task', subject: injected, regarding: { type: 'account', id: '01JACC00000000000000000000' } } as Activity;

const subjects: [string, OutgoingEmail][] = [
  ['a case opened in the portal', caseNewsEmail(record, { kind: 'opened' }, 'owner@example.com', 'https://crm.example.com', 'ru')],
  ['a client’s reply on a case', caseNewsEmail(record, { kind: 'replied', text: 'Ответ' }, 'owner@example.com', 'https://crm.example.com', 'ru')],
  ['an activity reminder', activityReminderEmail(activity, 'owner@example.com', 'https://crm.example.com', 'ru', 'Europe/Moscow')],
];

describe('email headers', () => {
  it.each(subjects)('the subject of %s reaches SES as one line', async (_, mail) => {
    expect(mail.subject).toMatch(/\r\n/);
    await sendEmail(mail);
    const [input] = sent();
    const subject = input!.Content!.Simple!.Subject!.Data!;
    expect(subject).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
    expect(subject).toContain('Счета Bcc: victim@example.com Привет X-Test: 1 Ещё и ещё');
    expect(input!.Destination).toEqual({ ToAddresses: ['owner@example.com'] });
    // The body keeps its lines: it is no header.
    expect(input!.Content!.Simple!.Body!.Text!.Data).toBe(mail.text);
  });

  it('refuses a recipient with a line break or a second address, sending nothing', async () => {
    for (const to of ['owner@example.com\r\nBcc: victim@example.com', 'owner@example.com, victim@example.com', '']) {
      await expect(sendEmail({ to, subject: 'Тема', text: 'Текст', html: '<p>Текст</p>' })).rejects.toThrow(/recipient/);
    }
    expect(sent()).toEqual([]);
  });
});
