import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/local-stack';
import { launchBrowser } from '../support/browser';
import { apiCaller, createPoolUser, signInAsAdmin, type LocalStack } from '../support/e2e-session';

/**
 * Bulk transfer of ownership in the browser (ACC-2): an admin chooses two of their leads in the
 * list, gives them to a sales rep (created in the local Cognito pool, in the directory after their
 * first session), reads the outcome, and the API then has the rep as the owner of both, each with
 * the change of owner on its timeline; the lead not chosen stays the admin's.
 */
let stack: LocalStack;
let browser: Browser;
let api: ReturnType<typeof apiCaller>;
let admin: { id: string };
let rep: { id: string; email: string; name?: string };
const leads: Record<string, string> = {};

beforeAll(async () => {
  stack = await startLocalStack({ inMemory: true, fixedPorts: false, quiet: true });
  browser = await launchBrowser();
  api = apiCaller(stack, (await stack.signIn(stack.admin.email, stack.admin.password)).idToken);
  admin = await api<{ id: string }>('/api/session', { method: 'POST' });
  for (const [lastName, email] of [
    ['Первов', 'pervov@client.example'],
    ['Вторина', 'vtorina@client.example'],
    ['Третьяков', 'tretyakov@client.example'],
  ] as const) {
    leads[lastName] = (await api<{ id: string }>('/api/leads', { method: 'POST', body: { lastName, email } })).id;
  }

  const repLogin = await createPoolUser(stack, { email: 'rep@transfer.example', role: 'sales-rep', attributes: { name: 'Ольга Приёмкина' } });
  const repApi = apiCaller(stack, (await stack.signIn(repLogin.email, repLogin.password)).idToken);
  rep = await repApi<{ id: string; email: string; name?: string }>('/api/session', { method: 'POST' });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('bulk transfer of ownership, in the browser', () => {
  it('gives two chosen leads to a rep, says what came of it, and each has the new owner and the change on its timeline', async () => {
    const repName = rep.name ?? rep.email;
    const page = await browser.newPage({ locale: 'ru-RU' });
    await signInAsAdmin(page, stack);
    await page.getByTestId('nav-leads').click();
    const list = page.getByTestId('leads-page');
    await expect.poll(() => list.getByTestId('record-row').count()).toBe(3);
    const row = (name: string) => list.getByTestId('record-row').filter({ hasText: name });

    // The whole page is chosen and unchosen; the bar comes and goes with it.
    await list.getByRole('checkbox', { name: 'Выбрать все на странице', exact: true }).check();
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('Выбрано: 3 записи');
    await page.getByRole('button', { name: 'Снять выделение', exact: true }).click();
    expect(await page.getByTestId('selection-bar').count()).toBe(0);

    // Two leads, one by one.
    await row('Первов').getByRole('checkbox', { name: 'Выбрать', exact: true }).check();
    await row('Третьяков').getByRole('checkbox', { name: 'Выбрать', exact: true }).check();
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('Выбрано: 2 записи');
    await page.getByRole('button', { name: 'Передать', exact: true }).click();

    const dialog = page.getByTestId('transfer-dialog');
    await dialog.getByRole('button', { name: 'Передать записи', exact: true }).click();
    await expect.poll(() => dialog.locator('#transfer-owner-error').textContent()).toBe('Выберите, кому передать записи.');
    await dialog.getByRole('combobox', { name: 'Новый ответственный', exact: true }).selectOption({ label: repName });
    await dialog.getByRole('button', { name: 'Передать записи', exact: true }).click();

    await expect.poll(() => dialog.getByTestId('transfer-summary').textContent()).toBe('Передано 2 из 2 записей.');
    expect(await dialog.getByTestId('transfer-count-moved').locator('dd').textContent()).toBe('2');
    expect(await dialog.getByTestId('transfer-count-not_found').locator('dd').textContent()).toBe('0');
    expect(await dialog.getByTestId('transfer-count-conflict').locator('dd').textContent()).toBe('0');
    await dialog.getByRole('button', { name: 'Закрыть', exact: true }).click();

    // The list is read again with the new owner, and nothing is chosen any more.
    expect(await page.getByTestId('selection-bar').count()).toBe(0);
    await expect.poll(() => row('Первов').textContent()).toContain(repName);
    expect(await row('Третьяков').textContent()).toContain(repName);
    expect(await row('Вторина').textContent()).not.toContain(repName);
    expect(await list.getByRole('checkbox', { name: 'Выбрать', exact: true, checked: true }).count()).toBe(0);

    for (const name of ['Первов', 'Третьяков']) {
      expect((await api<{ ownerId: string }>(`/api/leads/${leads[name]}`)).ownerId).toBe(rep.id);
      const timeline = await api<{ items: { changes?: { field: string; from?: unknown; to?: unknown }[] }[] }>(`/api/leads/${leads[name]}/timeline`);
      expect(timeline.items.flatMap((entry) => entry.changes ?? [])).toContainEqual({ field: 'ownerId', from: admin.id, to: rep.id });
    }
    expect((await api<{ ownerId: string }>(`/api/leads/${leads['Вторина']}`)).ownerId).toBe(admin.id);

    // The card's history says it in words.
    await row('Первов').getByTestId('lead-link').click();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toMatch(new RegExp(`Ответственный:.*→\\s*${repName}`));
    await page.close();
  });
});
