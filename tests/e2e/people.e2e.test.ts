import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/local-stack';
import { strongPassword } from '../../shared/auth/strong-password';
import { launchBrowser } from '../support/browser';
import { apiCaller, signInAsAdmin, type LocalStack } from '../support/e2e-session';
import { valueAfter, waitForMail } from '../support/mail-store';

/**
 * People and keys in a real browser (ACC-1, ACC-5): an admin invites a sales rep, who follows the
 * mailed link, signs in with the temporary password, chooses their own and sees only their own
 * leads and none of the admin's settings; the rep then resets a forgotten password with the code
 * the local Cognito mails through the local SES; an admin creates an integration API key, which
 * reads the leads through the local server's integration API until the admin revokes it.
 */
let stack: LocalStack;
let browser: Browser;
let api: ReturnType<typeof apiCaller>;
const adminLeads = [
  { lastName: 'Админов', firstName: 'Пётр', email: 'adminov@client.example' },
  { lastName: 'Начальникова', firstName: 'Вера', email: 'nachalnikova@client.example' },
];
const adminLeadIds: string[] = [];
const rep = { email: 'irina.novikova@people.example', name: 'Ирина Новикова' };
/** The rep's password once chosen at the first sign-in (test 1), for the forgotten-password test. */
let repPassword: string | undefined;

beforeAll(async () => {
  stack = await startLocalStack({ inMemory: true, fixedPorts: false, quiet: true });
  browser = await launchBrowser();
  api = apiCaller(stack, (await stack.signIn(stack.admin.email, stack.admin.password)).idToken);
  await api('/api/session', { method: 'POST' });
  for (const lead of adminLeads) adminLeadIds.push((await api<{ id: string }>('/api/leads', { method: 'POST', body: lead })).id);
});

// Each page is a browser context of its own (a fresh profile per person), left open: the headless
// Chromium runs as a single process, and closing any one context ends the whole browser.
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A settings section of the signed-in app, through the main navigation and the settings' own. */
async function openSettings(page: Page, section: string): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`settings-nav-${section}`).click();
}

describe('people and keys, in the browser', () => {
  it('invites a sales rep who signs in from the mailed link, chooses a password and sees only their own leads and no admin settings', async () => {
    // The admin invites the rep.
    const admin = await browser.newPage({ locale: 'ru-RU' });
    await signInAsAdmin(admin, stack);
    await openSettings(admin, 'users');
    const users = admin.getByTestId('users-page');
    await users.getByTestId('user-invite-open').click();
    const invite = admin.getByTestId('user-invite');
    await invite.getByTestId('user-invite-email').fill(rep.email);
    await invite.getByTestId('user-invite-name').fill(rep.name);
    await invite.getByTestId('user-invite-roles-sales-rep').check();
    await invite.getByTestId('user-invite-submit').click();
    await expect
      .poll(() => users.getByTestId('users-status').textContent())
      .toBe(`Приглашение отправлено на ${rep.email}: в письме ссылка на CRM и временный пароль.`);
    expect(await invite.isVisible()).toBe(false);
    const repRow = users.getByTestId('user-row').filter({ hasText: rep.email });
    await expect.poll(() => repRow.count()).toBe(1);
    expect(await repRow.textContent()).toContain(rep.name);
    expect(await repRow.textContent()).toContain('Менеджер по продажам');
    expect(await repRow.getByTestId('user-status').textContent()).toContain('Приглашён');
    expect(await repRow.getByTestId('user-last-sign-in').textContent()).toBe('Не входил');

    // The invitation in the mail store: the login, a temporary password and the link to sign in.
    const mail = await waitForMail(stack.mailStoreUrl, rep.email, /^Приглашение в CRM /);
    expect(valueAfter(mail, 'Логин')).toBe(rep.email);
    expect(valueAfter(mail, 'Роли')).toBe('Менеджер по продажам');
    const temporaryPassword = valueAfter(mail, 'Временный пароль');
    const link = valueAfter(mail, 'Войти в CRM');
    expect(link).toBe(`${stack.url}/signin?email=${encodeURIComponent(rep.email)}`);

    // The rep, in a browser of their own: the link fills in the address.
    const page = await browser.newPage({ locale: 'ru-RU' });
    await page.goto(link);
    await page.getByTestId('signin-password').waitFor();
    expect(await page.getByTestId('signin-email').inputValue()).toBe(rep.email);
    await page.getByTestId('signin-password').fill(temporaryPassword);
    await page.getByTestId('signin-submit').click();

    // Cognito asks for a permanent password; the form checks that both fields match.
    await page.getByTestId('signin-new-password').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Задайте новый пароль');
    const chosen = strongPassword();
    await page.getByTestId('signin-new-password').fill(chosen);
    await page.getByTestId('signin-confirm-password').fill(`${chosen}x`);
    await page.getByTestId('signin-set-password').click();
    await expect.poll(() => page.locator('#signin-confirm-password-error').textContent()).toBe('Пароли не совпадают.');
    await page.getByTestId('signin-confirm-password').fill(chosen);
    await page.getByTestId('signin-set-password').click();
    await page.getByTestId('nav-leads').waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/leads');
    repPassword = chosen;

    // Signed in, the rep has none of the admin's two leads.
    const list = page.getByTestId('leads-page');
    await list.locator('.state-empty').waitFor();
    expect(await list.getByTestId('record-row').count()).toBe(0);

    // A lead of the rep's own, through the API with the rep's password; the list shows it alone.
    const repToken = (await stack.signIn(rep.email, chosen)).idToken;
    const repApi = apiCaller(stack, repToken);
    const repLead = await repApi<{ id: string; ownerId: string }>('/api/leads', { method: 'POST', body: { lastName: 'Своя', firstName: 'Анна', email: 'svoya@client.example' } });
    await page.reload();
    await expect.poll(() => list.getByTestId('lead-link').allTextContents()).toEqual([expect.stringContaining('Своя')]);
    // Its owner is named once the directory has loaded.
    await expect.poll(() => list.getByTestId('record-row').textContent()).toContain(rep.name);
    for (const lead of adminLeads) expect(await list.textContent()).not.toContain(lead.lastName);
    // The API agrees: the rep's list is the rep's lead, and an admin's lead is "not found".
    expect((await repApi<{ items: { id: string }[] }>('/api/leads')).items.map((lead) => lead.id)).toEqual([repLead.id]);
    const other = await fetch(`${stack.url}/api/leads/${adminLeadIds[0]}`, { headers: { authorization: `Bearer ${repToken}` } });
    expect(other.status).toBe(404);

    // No admin settings for the rep: no teams, sharing, access requests, API keys or audit trail in the
    // settings' navigation; the users list (staff may read it) offers nothing to manage.
    await openSettings(page, 'fields');
    await page.getByTestId('settings-nav-pipelines').waitFor();
    for (const section of ['teams', 'sharing', 'access-requests', 'api-keys', 'audit']) expect(await page.getByTestId(`settings-nav-${section}`).count(), section).toBe(0);
    await page.getByTestId('settings-nav-users').click();
    const repUsers = page.getByTestId('users-page');
    await expect.poll(() => repUsers.getByTestId('user-row').count()).toBe(2);
    // Neither the invitation nor a row's roles, teams, resend or disable buttons.
    expect(await repUsers.locator('button[data-testid^="user-"]').count()).toBe(0);
    // Typed into the address bar, the API keys page says it is not theirs and lists nothing.
    await page.goto(`${stack.url}/settings/api-keys`);
    await expect.poll(() => page.getByTestId('api-keys-forbidden').textContent()).toBe('API-ключами управляет администратор.');
    expect(await page.getByTestId('api-key-add').count()).toBe(0);
    expect(await page.getByTestId('api-key-row').count()).toBe(0);

    // The admin's list now has the rep as active, signed in.
    await admin.reload();
    await expect.poll(() => repRow.getByTestId('user-status').textContent()).toBe('Активен');
    expect(await repRow.getByTestId('user-last-sign-in').textContent()).not.toContain('Не входил');
  });

  it('resets a forgotten password with the mailed code, then signs in with the new password only', async () => {
    expect(repPassword, 'the rep chose a password in the invitation test').toBeDefined();
    const page = await browser.newPage({ locale: 'ru-RU' });
    await page.goto(stack.url);
    await page.getByTestId('signin-email').fill(rep.email);
    await page.getByTestId('signin-forgot').click();

    // The address typed so far comes along; the code goes to it.
    const reset = page.getByTestId('password-reset');
    await expect.poll(() => reset.getByRole('heading', { level: 1 }).textContent()).toBe('Восстановление пароля');
    expect(await reset.getByTestId('reset-email').inputValue()).toBe(rep.email);
    await reset.getByTestId('reset-send-code').click();
    await expect.poll(() => reset.getByRole('heading', { level: 1 }).textContent()).toBe('Новый пароль');
    expect(await reset.textContent()).toContain(`Если адрес ${rep.email} зарегистрирован, мы отправили на него письмо с кодом.`);
    const mail = await waitForMail(stack.mailStoreUrl, rep.email, /^Код для смены пароля в CRM /);
    const code = valueAfter(mail, 'Ваш код для смены пароля');
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code is refused and said so; the mailed one changes the password.
    const newPassword = strongPassword();
    await reset.getByTestId('reset-code').fill(code === '000000' ? '111111' : '000000');
    await reset.getByTestId('reset-new-password').fill(newPassword);
    await reset.getByTestId('reset-confirm-password').fill(newPassword);
    await reset.getByTestId('reset-submit').click();
    await expect.poll(() => reset.getByRole('alert').textContent()).toBe('Код не подходит. Проверьте его в последнем письме и введите снова.');
    await reset.getByTestId('reset-code').fill(code);
    await reset.getByTestId('reset-submit').click();

    // Back at sign-in with the notice and the address filled in.
    await page.getByTestId('signin-password').waitFor();
    expect(await page.getByTestId('password-reset').count()).toBe(0);
    expect(await page.locator('.notice-info').textContent()).toBe('Пароль изменён. Войдите с новым паролем.');
    expect(await page.getByTestId('signin-email').inputValue()).toBe(rep.email);

    // The old password no longer works, the new one does.
    await page.getByTestId('signin-password').fill(repPassword!);
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Неверная эл. почта или пароль.');
    await page.getByTestId('signin-password').fill(newPassword);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('nav-leads').waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/leads');
    await expect.poll(() => page.getByTestId('leads-page').getByTestId('lead-link').allTextContents()).toEqual([expect.stringContaining('Своя')]);
  });

  it('creates an API key whose secret, shown once, reads the leads through the integration API until the key is revoked', async () => {
    const page = await browser.newPage({ locale: 'ru-RU' });
    await signInAsAdmin(page, stack);
    await openSettings(page, 'api-keys');
    const keys = page.getByTestId('api-keys-page');
    await keys.getByTestId('api-key-add').click();
    const form = page.getByTestId('api-key-create');
    await form.getByTestId('api-key-name').fill('Телефония');
    await form.getByTestId('api-key-role').selectOption({ label: 'Руководитель компании' });
    await form.getByTestId('api-key-create-submit').click();

    // The secret, once, with a first request to try it with.
    const shown = page.getByTestId('api-key-secret');
    await shown.getByTestId('api-key-secret-value').waitFor();
    const secret = await shown.getByTestId('api-key-secret-value').inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(20);
    expect(await shown.getByTestId('api-key-usage').textContent()).toBe(`curl -H "X-Api-Key: ${secret}" ${stack.url}/api/leads`);
    await shown.getByTestId('api-key-secret-done').click();
    const row = keys.getByTestId('api-key-row').filter({ hasText: 'Телефония' });
    await expect.poll(() => row.getByTestId('api-key-status').textContent()).toBe('Активен');
    expect(await row.textContent()).toContain('Руководитель компании');
    expect(await page.getByTestId('api-key-secret-value').count()).toBe(0);
    expect(await keys.textContent()).not.toContain(secret);

    // With the key and no Authorization: the leads, as a signed-in admin sees them.
    const withKey = (path: string, init: { method?: string; body?: unknown } = {}) =>
      fetch(`${stack.url}${path}`, {
        method: init.method ?? 'GET',
        headers: { 'x-api-key': secret, ...(init.body ? { 'content-type': 'application/json' } : {}) },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      });
    const expected = (await api<{ items: { id: string }[] }>('/api/leads')).items.map((lead) => lead.id).sort();
    expect(expected).toEqual(expect.arrayContaining(adminLeadIds));
    const listed = await withKey('/api/leads');
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { items: { id: string }[] }).items.map((lead) => lead.id).sort()).toEqual(expected);

    // Keys are no route of the integration API.
    const keyMaking = await withKey('/api/api-keys', { method: 'POST', body: { name: 'Ещё один', role: 'admin' } });
    expect(keyMaking.status).toBe(404);
    expect((await api<{ items: { name: string }[] }>('/api/api-keys')).items.map((key) => key.name)).toEqual(['Телефония']);

    // Revoked in the settings, asked first.
    await row.getByTestId('api-key-revoke').click();
    const confirm = page.getByTestId('api-key-revoke-confirm');
    expect(await confirm.textContent()).toContain('Ключ «Телефония» перестанет работать сразу');
    await confirm.getByTestId('api-key-revoke-confirm-confirm').click();
    await expect.poll(() => keys.getByTestId('api-keys-status').textContent()).toBe('Ключ «Телефония» отозван.');
    await expect.poll(() => row.getByTestId('api-key-status').textContent()).toContain('Отозван');
    expect(await row.getByTestId('api-key-revoke').count()).toBe(0);

    // The same request is refused and carries no lead.
    const refused = await withKey('/api/leads');
    expect(refused.status).toBe(403);
    const body = await refused.text();
    expect(body).not.toContain('items');
    for (const id of expected) expect(body).not.toContain(id);
    for (const lead of adminLeads) expect(body).not.toContain(lead.lastName);
  });
});
