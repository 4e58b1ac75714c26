import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { startLocalStack } from '../../infra/local/local-stack';

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
