import { createRequire } from 'node:module';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { asLocale } from '../../shared/i18n/locale';
import { verificationCodeTemplate } from '../../shared/notifications/account-emails';

/**
 * cognito-local with email: the emulator only prints its codes (password reset) to the console,
 * where Cognito in the cloud emails them through SES with the pool's verification template. This
 * entry point, run as the emulator's process, swaps the console sender for one that sends the
 * same template through the local SES, so the code lands in the local mail store like any mail.
 */
interface CodeMessage {
  __code?: string;
}

const require = createRequire(import.meta.url);
const { ConsoleMessageSender } = require('cognito-local/lib/services/messageDelivery/consoleMessageSender.js') as {
  ConsoleMessageSender: { prototype: { sendEmail: (ctx: unknown, user: unknown, destination: string, message: CodeMessage) => Promise<void> } };
};

const ses = new SESv2Client({});
const template = verificationCodeTemplate(asLocale(process.env.CLIENT_LOCALE), process.env.CLIENT_DISPLAY_NAME ?? 'CRM');

ConsoleMessageSender.prototype.sendEmail = async (_ctx, _user, destination, message) => {
  const html = template.body.replace('{####}', message.__code ?? '');
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: process.env.SENDER_EMAIL,
      Destination: { ToAddresses: [destination] },
      Content: {
        Simple: {
          Subject: { Data: template.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: html, Charset: 'UTF-8' }, Text: { Data: html.replace(/<br>/g, '\n'), Charset: 'UTF-8' } },
        },
      },
    }),
  );
};

require('cognito-local/lib/bin/start.js');
