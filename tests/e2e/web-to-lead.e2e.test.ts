import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startLocalStack } from '../../infra/local/local-stack';
import { launchBrowser } from '../support/browser';

/**
 * The whole path a lead takes, on the real local stack in a real browser: a visitor on a client's
 * website submits the README's form snippet with a Cyrillic name; the admin signs in, finds the
 * lead, opens it and sees its timeline; the owner's notification is in the mail store.
 */
type Stack = Awaited<ReturnType<typeof startLocalStack>>;
let stack: Stack;
let browser: Browser;
// Plain http, like the local stack: an https page posting to http sends `Origin: null`.
const shop = 'http://shop.example';

/** The snippet exactly as the README shows it, pointed at this stack and a form of this test. */
function readmeSnippet(appUrl: string, formId: string): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const snippet = /<!-- web-to-lead snippet -->\s*```html\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!snippet) throw new Error('README.md has no web-to-lead snippet');
  return snippet.replaceAll('https://crm.example.com', appUrl).replaceAll('/api/forms/website/', `/api/forms/${formId}/`);
}

beforeAll(async () => {
  stack = await startLocalStack({ inMemory: true, fixedPorts: false, quiet: true });
  browser = await launchBrowser();
  const { idToken } = await stack.signIn(stack.admin.email, stack.admin.password);
  const res = await fetch(`${stack.url}/api/forms`, {
    method: 'POST',
    headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'shop-contact',
      name: 'Shop contact form',
      allowedOrigins: [shop],
      thankYouUrl: `${stack.url}/thank-you.html`,
      consent: { field: 'consent', text: 'Я согласен на обработку персональных данных' },
    }),
  });
  expect(res.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('web-to-lead, end to end', () => {
  it('captures a lead from the snippet and shows it to the signed-in owner, who is emailed', async () => {
    const visitor = await browser.newPage();
    // The client's website, served at its own origin by the test.
    await visitor.route(`${shop}/**`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><meta charset="utf-8"><title>Shop</title>${readmeSnippet(stack.url, 'shop-contact')}` }),
    );
    await visitor.goto(`${shop}/contacts?utm_source=yandex&utm_campaign=winter`);
    await visitor.fill('input[name="name"]', 'Фёдорова Дарья Игоревна');
    await visitor.fill('input[name="email"]', 'daria@fedorova.example');
    await visitor.fill('input[name="phone"]', '+7 (912) 345-67-89');
    await visitor.fill('textarea[name="message"]', 'Хотим автоматизировать продажи');
    await visitor.check('input[name="consent"]');
    await Promise.all([visitor.waitForURL(`${stack.url}/thank-you.html`), visitor.click('button[type="submit"]')]);
    expect(await visitor.textContent('body')).toMatch(/Спасибо|Thank you/);

    const app = await browser.newPage();
    await app.goto(stack.url);
    await app.getByTestId('signin-email').fill(stack.admin.email);
    await app.getByTestId('signin-password').fill(stack.admin.password);
    await app.getByTestId('signin-submit').click();
    await app.getByTestId('leads-page').getByTestId('records-table').waitFor();
    const row = app.getByTestId('record-row').filter({ hasText: 'Фёдорова' });
    await row.waitFor();
    await row.click();
    await expect.poll(() => app.getByTestId('lead-title').textContent()).toContain('Фёдорова Дарья Игоревна');
    await app.getByTestId('timeline-entry').first().waitFor();
    expect(await app.getByTestId('timeline').textContent()).toMatch(/форм|form/i);
    expect(await app.textContent('body')).toContain('yandex');

    await expect
      .poll(
        async () => {
          const store = (await (await fetch(stack.mailStoreUrl)).json()) as { emails: { subject: string; destination?: { to?: string[] } }[] };
          return store.emails.map((mail) => mail.subject);
        },
        { timeout: 30_000, interval: 250 },
      )
      .toContain('Новый лид с сайта: Фёдорова Дарья Игоревна');
  });
});
