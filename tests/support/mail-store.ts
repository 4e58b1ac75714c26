/** The local SES emulator's mail store: what the CRM and the Cognito stand-in have sent. */
export interface StoredMail {
  from: string;
  destination: { to?: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

export async function mailTo(storeUrl: string, address: string): Promise<StoredMail[]> {
  const store = (await (await fetch(storeUrl)).json()) as { emails: StoredMail[] };
  return store.emails.filter((mail) => mail.destination.to?.includes(address));
}

/** Waits for the newest mail to the address whose subject matches (mail sent by another process may take a moment). */
export async function waitForMail(storeUrl: string, address: string, subject: RegExp, timeoutMs = 10_000): Promise<StoredMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailTo(storeUrl, address)).filter((mail) => subject.test(mail.subject)).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No mail to ${address} matching ${subject} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A value the mail's text shows after a label, e.g. the temporary password. */
export function valueAfter(mail: StoredMail, label: string): string {
  const line = (mail.body.text ?? '').split('\n').find((l) => l.startsWith(`${label}: `));
  if (!line) throw new Error(`The mail has no "${label}" line:\n${mail.body.text}`);
  return line.slice(label.length + 2).trim();
}
