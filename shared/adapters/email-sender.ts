import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { env } from '../config/runtime-env';

/** Sends one email through SES (the SES emulator locally, via AWS_ENDPOINT_URL_SESV2). */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

let client: SESv2Client | undefined;

export async function sendEmail(email: OutgoingEmail): Promise<string | undefined> {
  client ??= new SESv2Client({});
  const result = await client.send(
    new SendEmailCommand({
      FromEmailAddress: env('senderEmail'),
      Destination: { ToAddresses: [email.to] },
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
      },
    }),
  );
  return result.MessageId;
}
