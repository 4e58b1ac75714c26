import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/local-stack';
import { launchBrowser } from '../support/browser';
import { apiCaller, createPoolUser, signInAsAdmin, type LocalStack } from '../support/e2e-session';

/**
 * Sharing of record types in the browser (ACC-2): an admin opens accounts to everyone for viewing
 * on Settings → Record sharing and saves; a sales rep, who saw none of the admin's accounts, then
 * reads the admin's account but still may not change it, and the leads stay private.
 */
let stack: LocalStack;
let browser: Browser;
let admin: ReturnType<typeof apiCaller>;
let rep: ReturnType<typeof apiCaller>;
let account: { id: string; version: number };
let lead: { id: string };

const status = async (caller: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  (
    await fetch(`${stack.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${caller}`, 'content-type': 'application/json' },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    })
  ).status;

let repToken: string;

beforeAll(async () => {
  stack = await startLocalStack({ inMemory: true, fixedPorts: false, quiet: true });
  browser = await launchBrowser();
  admin = apiCaller(stack, (await stack.signIn(stack.admin.email, stack.admin.password)).idToken);
  account = await admin<{ id: string; version: number }>('/api/accounts', { method: 'POST', body: { name: 'ООО «Открытая»' } });
  lead = await admin<{ id: string }>('/api/leads', { method: 'POST', body: { lastName: 'Закрытов', email: 'closed@share.example' } });
  const login = await createPoolUser(stack, { email: 'rep@share.example', role: 'sales-rep' });
  repToken = (await stack.signIn(login.email, login.password)).idToken;
  rep = apiCaller(stack, repToken);
  await rep('/api/session', { method: 'POST' });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('sharing of record types, in the browser', () => {
  it('opens accounts for viewing: the rep reads the admin’s account but may not edit it; leads stay private', async () => {
    expect(await status(repToken, `/api/accounts/${account.id}`)).toBe(404);

    const page = await browser.newPage({ locale: 'ru-RU' });
    await signInAsAdmin(page, stack);
    await page.goto(`${stack.url}/settings/sharing`);
    const row = page.getByTestId('sharing-accounts');
    await expect.poll(() => row.getByRole('radio', { name: 'Компании: По роли' }).isChecked()).toBe(true);
    await row.getByRole('radio', { name: 'Компании: Все видят', exact: true }).check();
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.getByText('Изменения сохранены.').count()).toBe(1);
    await page.screenshot({ path: '.test-results/sharing-page.png', fullPage: true });

    expect(await admin<{ types: Record<string, string> }>('/api/sharing')).toMatchObject({ types: { accounts: 'read', leads: 'private' }, version: 1 });
    // The function container's settings cache is the one that saved: the change holds at once.
    expect(await rep<{ id: string; ownerId: string }>(`/api/accounts/${account.id}`)).toMatchObject({ id: account.id });
    expect(await status(repToken, `/api/accounts/${account.id}`, { method: 'PATCH', body: { version: account.version, industry: 'Чужая правка' } })).toBe(404);
    expect(await status(repToken, `/api/leads/${lead.id}`)).toBe(404);
  });
});
