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

/**
 * A header value as one line: subjects are built from what people typed (a case's subject, an
 * activity's), and a line break in a header starts another header. Every control character and
 * Unicode line or paragraph separator becomes a space.
 */
const oneLine = (value: string): string => value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();

/** One address, nothing that could end the header or name a second recipient. */
const isSingleAddress = (to: string): boolean => /^[^\s,;<>"\u0000-\u001f\u007f-\u009f\u2028\u2029]+@[^\s,;<>"\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/.test(to);

/** Every email the CRM sends goes through here, so no header is ever built from raw input elsewhere. */
export async function sendEmail(email: OutgoingEmail): Promise<string | undefined> {
  if (!isSingleAddress(email.to)) throw new Error('An email needs one recipient address, without line breaks');
  client ??= new SESv2Client({});
  const result = await client.send(
    new SendEmailCommand({
      FromEmailAddress: env('senderEmail'),
      Destination: { ToAddresses: [email.to] },
      Content: {
        Simple: {
          Subject: { Data: oneLine(email.subject), Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
      },
    }),
  );
  return result.MessageId;
}
