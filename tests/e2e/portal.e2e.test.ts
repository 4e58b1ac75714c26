import { AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/local-stack';
import { strongPassword } from '../../shared/auth/strong-password';
import { launchBrowser } from '../support/browser';
import { apiCaller, type LocalStack } from '../support/e2e-session';

/**
 * The client portal in a real browser (ACC-3): a portal user of one account, created in the local
 * Cognito pool with the account an admin set, signs in and sees that account's deal — not the
 * other account's, and none of the staff's navigation.
 */
let stack: LocalStack;
let browser: Browser;
let api: ReturnType<typeof apiCaller>;
const client = { email: 'buyer@x.example', password: strongPassword() };

beforeAll(async () => {
  stack = await startLocalStack({ inMemory: true, fixedPorts: false, quiet: true });
  browser = await launchBrowser();
  api = apiCaller(stack, (await stack.signIn(stack.admin.email, stack.admin.password)).idToken);
  const x = await api<{ id: string }>('/api/accounts', { method: 'POST', body: { name: 'ООО «Икс»' } });
  const y = await api<{ id: string }>('/api/accounts', { method: 'POST', body: { name: 'ООО «Игрек»' } });
  await api('/api/deals', { method: 'POST', body: { title: 'Поставка для Икс', accountId: x.id } });
  await api('/api/deals', { method: 'POST', body: { title: 'Поставка для Игрек', accountId: y.id } });

  const cognito = new CognitoIdentityProviderClient({ endpoint: stack.cognito.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const pool = { UserPoolId: stack.cognito.userPoolId, Username: client.email };
  await cognito.send(
    new AdminCreateUserCommand({
      ...pool,
      MessageAction: 'SUPPRESS',
      TemporaryPassword: strongPassword(),
      UserAttributes: [
        { Name: 'email', Value: client.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:accountId', Value: x.id },
      ],
    }),
  );
  await cognito.send(new AdminSetUserPasswordCommand({ ...pool, Password: client.password, Permanent: true }));
  await cognito.send(new AdminAddUserToGroupCommand({ ...pool, GroupName: 'portal-user' }));
  cognito.destroy();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the client portal', () => {
  it('shows a portal user their own account’s deal and nothing of the staff’s', async () => {
    const page = await browser.newPage({ locale: 'ru-RU' });
    await page.goto(stack.url);
    await page.getByTestId('signin-email').fill(client.email);
    await page.getByTestId('signin-password').fill(client.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('portal-page').waitFor();
    await expect.poll(() => page.getByTestId('portal-deal-title').allTextContents()).toEqual(['Поставка для Икс']);
    expect(await page.getByTestId('nav-leads').count()).toBe(0);
    expect(await page.getByTestId('nav-portal').count()).toBe(1);
    await page.close();
  });
});
