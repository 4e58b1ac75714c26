import { AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { startLocalStack } from '../../infra/local/local-stack';
import type { Role } from '../../shared/auth/roles';
import { strongPassword } from '../../shared/auth/strong-password';

/** What end-to-end tests do on a running local stack besides clicking: call its API, sign in the browser. */
export type LocalStack = Awaited<ReturnType<typeof startLocalStack>>;

/** A signed-in API caller that fails the test on any answer but a success. */
export function apiCaller(stack: LocalStack, token: string) {
  return async <T = any>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const res = await fetch(`${stack.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    expect(res.status, `${init.method ?? 'GET'} ${path}`).toBeLessThan(300);
    return (await res.json()) as T;
  };
}

/** Signs the page in as the stack's admin, through the sign-in form. */
export async function signInAsAdmin(page: Page, stack: LocalStack): Promise<void> {
  await page.goto(stack.url);
  await page.getByTestId('signin-email').fill(stack.admin.email);
  await page.getByTestId('signin-password').fill(stack.admin.password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('nav-leads').waitFor();
}

/**
 * Someone an admin invited through the API gets a permanent password (made up here and returned)
 * instead of the mailed temporary one, to sign in without the first-sign-in challenge.
 */
export async function givePassword(stack: LocalStack, email: string): Promise<{ email: string; password: string }> {
  const password = strongPassword();
  const cognito = new CognitoIdentityProviderClient({ endpoint: stack.cognito.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: stack.cognito.userPoolId, Username: email, Password: password, Permanent: true }));
  } finally {
    cognito.destroy();
  }
  return { email, password };
}

/**
 * A user of the stack's local Cognito pool with a verified email, a permanent password (made up
 * here and returned) and one role, plus further attributes (`name`, `custom:accountId`). They are
 * in the CRM's directory only after their first `POST /api/session`.
 */
export async function createPoolUser(stack: LocalStack, user: { email: string; role: Role; attributes?: Record<string, string> }): Promise<{ email: string; password: string }> {
  const password = strongPassword();
  const cognito = new CognitoIdentityProviderClient({ endpoint: stack.cognito.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const pool = { UserPoolId: stack.cognito.userPoolId, Username: user.email };
  const attributes = { email: user.email, email_verified: 'true', ...user.attributes };
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        ...pool,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: strongPassword(),
        UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
    await cognito.send(new AdminSetUserPasswordCommand({ ...pool, Password: password, Permanent: true }));
    await cognito.send(new AdminAddUserToGroupCommand({ ...pool, GroupName: user.role }));
  } finally {
    cognito.destroy();
  }
  return { email: user.email, password };
}
