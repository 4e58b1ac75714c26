import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/local-stack';
import { launchBrowser } from '../support/browser';
import { apiCaller, signInAsAdmin, type LocalStack } from '../support/e2e-session';

/**
 * Custom fields on leads (REC-9) in the browser: an admin's definitions show in the lead form
 * (checked before the API is asked), on the card and its history, as a list column and a list
 * filter, and the list filtered by one travels in the URL.
 */
let stack: LocalStack;
let browser: Browser;
let api: ReturnType<typeof apiCaller>;

beforeAll(async () => {
  stack = await startLocalStack({ inMemory: true, fixedPorts: false, quiet: true });
  browser = await launchBrowser();
  api = apiCaller(stack, (await stack.signIn(stack.admin.email, stack.admin.password)).idToken);
  await api('/api/custom-fields/lead', {
    method: 'PUT',
    body: {
      version: 0,
      fields: [
        {
          key: 'segment',
          label: 'Сегмент',
          type: 'select',
          inList: true,
          options: [
            { value: 'smb', label: 'Малый бизнес' },
            { value: 'ent', label: 'Корпорация' },
          ],
        },
        { key: 'seats', label: 'Рабочих мест', type: 'number', required: true },
      ],
    },
  });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('custom fields on leads, in the browser', () => {
  it('are filled in, checked, shown on the card and its history, listed as a column and filtered on', async () => {
    const page = await browser.newPage({ locale: 'ru-RU' });
    await signInAsAdmin(page, stack);

    await page.goto(`${stack.url}/leads/new`);
    await page.getByTestId('lead-form-lastName').fill('Кастомова');
    await page.getByTestId('lead-form-email').fill('kastomova@custom.example');
    await page.getByTestId('custom-seats').fill('много');
    await page.getByTestId('lead-form-submit').click();
    await expect.poll(() => page.locator('#lead-custom-seats-error').textContent()).toBe('Введите число.');
    await page.getByTestId('custom-seats').fill('');
    await page.getByTestId('lead-form-submit').click();
    await expect.poll(() => page.locator('#lead-custom-seats-error').textContent()).toBe('Обязательное поле.');
    expect(await api('/api/leads?limit=10')).toMatchObject({ items: [] });

    await page.getByTestId('custom-seats').fill('25');
    await page.getByTestId('custom-segment').selectOption('ent');
    await page.getByTestId('lead-form-submit').click();
    await expect.poll(() => page.getByTestId('lead-title').textContent()).toContain('Кастомова');
    const details = page.getByTestId('lead-details');
    await expect.poll(() => details.textContent()).toContain('Корпорация');
    expect(await details.textContent()).toMatch(/Рабочих мест\s*25/);
    const leadId = new URL(page.url()).pathname.split('/').pop()!;
    expect((await api(`/api/leads/${leadId}`)).custom).toEqual({ segment: 'ent', seats: 25 });

    // Edit: one value changes, the other is kept; the history names the field and its options.
    await page.goto(`${stack.url}/leads/${leadId}/edit`);
    expect(await page.getByTestId('custom-seats').inputValue()).toBe('25');
    await page.getByTestId('custom-segment').selectOption('smb');
    await page.getByTestId('lead-form-submit').click();
    await expect.poll(() => details.textContent()).toContain('Малый бизнес');
    await expect.poll(() => page.getByTestId('timeline').textContent()).toMatch(/Сегмент:\s*Корпорация\s*→\s*Малый бизнес/);
    expect((await api(`/api/leads/${leadId}`)).custom).toEqual({ segment: 'smb', seats: 25 });

    // Another lead in the other segment, then the list: the column, and the filter in the URL.
    await api('/api/leads', { method: 'POST', body: { lastName: 'Корпоратова', email: 'korp@custom.example', custom: { segment: 'ent', seats: 500 } } });
    await page.getByTestId('nav-leads').click();
    const list = page.getByTestId('leads-page');
    await list.getByTestId('record-row').nth(1).waitFor();
    expect(await list.getByTestId('records-table').locator('thead').textContent()).toContain('Сегмент');
    await page.getByTestId('filter-custom-segment').selectOption('smb');
    await page.waitForURL(/custom\.segment=smb/);
    await expect.poll(() => list.getByTestId('record-row').count()).toBe(1);
    expect(await list.getByTestId('record-row').textContent()).toContain('Кастомова');
    expect(await list.getByTestId('record-row').textContent()).toContain('Малый бизнес');

    // The channel filter is the list's too: neither lead came from a web form.
    await page.getByTestId('filter-channel').selectOption('website');
    await expect.poll(() => page.getByTestId('records-table').count()).toBe(0);
    await page.close();
  });
});
