import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/local-stack';
import { launchBrowser } from '../support/browser';
import { apiCaller, givePassword, type LocalStack } from '../support/e2e-session';

/**
 * The client portal in a real browser (ACC-3, SRV-5): a portal user of one account, invited by an
 * admin with that account, signs in and sees that account's deal — not
 * the other account's, and none of the staff's navigation. They open a case, find it in their
 * list, read the staff's reply (never an internal note), answer, rate the resolved case, see a
 * closed case take no more replies, and another account's case is "not found" to them; the
 * list comes newest first, a page at a time.
 */
let stack: LocalStack;
let browser: Browser;
let api: ReturnType<typeof apiCaller>;
let client: { email: string; password: string };
/** The one page of the portal user: closing a page can end the single-process browser, so it goes with it in afterAll. */
let page: Page;
let accountX = '';
let otherCaseId = '';
let caseId = '';
const subject = 'Не пришли закрывающие документы за март';
const staffReply = 'Здравствуйте! Документы отправлены курьером, трек-номер 123.';
const internalNote = 'Внутреннее: бухгалтерия клиента теряет почту';
const clientReply = 'Получили, спасибо!';
/** Pages read the API as they open: give them time. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

beforeAll(async () => {
  stack = await startLocalStack({ inMemory: true, fixedPorts: false, quiet: true });
  browser = await launchBrowser();
  api = apiCaller(stack, (await stack.signIn(stack.admin.email, stack.admin.password)).idToken);
  const x = await api<{ id: string }>('/api/accounts', { method: 'POST', body: { name: 'ООО «Икс»' } });
  const y = await api<{ id: string }>('/api/accounts', { method: 'POST', body: { name: 'ООО «Игрек»' } });
  accountX = x.id;
  await api('/api/deals', { method: 'POST', body: { title: 'Поставка для Икс', accountId: x.id } });
  await api('/api/deals', { method: 'POST', body: { title: 'Поставка для Игрек', accountId: y.id } });
  otherCaseId = (await api<{ id: string }>('/api/cases', { method: 'POST', body: { subject: 'Обращение Игрека', accountId: y.id } })).id;
  // As an admin makes a portal user: invited with the account, which the directory keeps (ADR 0013).
  await api('/api/users/invitations', { method: 'POST', body: { email: 'buyer@x.example', roles: ['portal-user'], accountId: x.id } });
  client = await givePassword(stack, 'buyer@x.example');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The staff's side, through the API as the admin: the case as it stands, then a change of its status. */
async function setStatus(status: string): Promise<void> {
  const current = await api<{ version: number }>(`/api/cases/${caseId}`);
  await api(`/api/cases/${caseId}`, { method: 'PATCH', body: { version: current.version, status } });
}

describe('the client portal', () => {
  it('shows a portal user their own account’s deal and nothing of the staff’s', async () => {
    page = await browser.newPage({ locale: 'ru-RU' });
    await page.goto(stack.url);
    await page.getByTestId('signin-email').fill(client.email);
    await page.getByTestId('signin-password').fill(client.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('portal-page').waitFor();
    await poll(() => page.getByTestId('portal-deal-title').allTextContents()).toEqual(['Поставка для Икс']);
    expect(await page.getByTestId('nav-leads').count()).toBe(0);
    expect(await page.getByTestId('nav-portal').count()).toBe(1);
  });

  it('opens a case from the portal and finds it in the account’s cases', async () => {
    await page.getByTestId('portal-tab-cases').click();
    await poll(() => page.getByTestId('portal-page').textContent()).toContain('Обращений пока нет.');
    await page.getByTestId('portal-first-case').click();

    // Checked in the browser before anything is sent.
    await page.getByTestId('portal-new-case-submit').click();
    await poll(() => page.getByTestId('portal-new-case-subject').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('portal-new-case-description').getAttribute('aria-invalid')).toBe('true');

    await page.getByTestId('portal-new-case-kind-request').check();
    await page.getByTestId('portal-new-case-subject').fill(subject);
    await page.getByTestId('portal-new-case-description').fill('Ждём акт и счёт-фактуру за март.');
    await page.getByTestId('portal-new-case-submit').click();

    await page.getByTestId('portal-case-page').waitFor();
    caseId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect(caseId).toMatch(/^[0-9A-Z]{26}$/);
    expect(await page.getByTestId('portal-case-subject').textContent()).toBe(subject);
    expect(await page.getByTestId('portal-case-status').textContent()).toBe('Новое');
    expect(await page.getByTestId('portal-conversation').textContent()).toContain('Ответов пока нет.');
    // Not resolved yet: nothing to rate.
    expect(await page.getByTestId('portal-rating').count()).toBe(0);

    await page.getByTestId('portal-case-page').getByRole('link', { name: 'Все обращения' }).click();
    await poll(() => page.getByTestId('portal-case-link').allTextContents()).toEqual([subject]);
    expect(await page.getByTestId('portal-case-row-status').allTextContents()).toEqual(['Новое']);
    // The API has it: the account's, opened in the portal.
    const opened = await api<{ accountName: string; channel: string; kind: string }>(`/api/cases/${caseId}`);
    expect(opened).toMatchObject({ accountName: 'ООО «Икс»', channel: 'portal', kind: 'request' });
  });

  it('shows the staff’s reply but never their internal note; the client answers and rates the resolved case', async () => {
    await api(`/api/cases/${caseId}/comments`, { method: 'POST', body: { text: staffReply } });
    await api(`/api/cases/${caseId}/notes`, { method: 'POST', body: { text: internalNote } });
    await setStatus('resolved');

    await page.getByTestId('portal-case-link').click();
    await page.getByTestId('portal-case-page').waitFor();
    await poll(() => page.getByTestId('portal-case-status').textContent()).toBe('Решено');
    const conversation = page.getByTestId('portal-conversation');
    await poll(() => conversation.getByTestId('portal-comment-text').allTextContents()).toEqual([staffReply]);
    expect(await conversation.getByTestId('portal-comment').getAttribute('data-from')).toBe('staff');
    expect(await page.getByTestId('portal-case-page').textContent()).not.toContain(internalNote);

    await page.getByTestId('portal-reply-text').fill(clientReply);
    await page.getByTestId('portal-reply-submit').click();
    await poll(() => conversation.getByTestId('portal-comment-text').allTextContents()).toEqual([staffReply, clientReply]);
    expect(await conversation.getByTestId('portal-comment').nth(1).getAttribute('data-from')).toBe('client');
    expect(await conversation.getByTestId('portal-comment').nth(0).textContent()).toContain('Наш сотрудник');
    expect(await conversation.getByTestId('portal-comment').nth(1).textContent()).toContain('Ваша компания');
    expect(await page.getByTestId('portal-reply-text').inputValue()).toBe('');

    // Rated once resolved: five stars and a word of thanks.
    await page.getByTestId('portal-rating-submit').click();
    await poll(() => page.getByTestId('portal-rating').textContent()).toContain('Выберите оценку от 1 до 5.');
    await page.getByTestId('portal-rate-5').click();
    await page.getByTestId('portal-rating-comment-input').fill('Быстро и вежливо');
    await page.getByTestId('portal-rating-submit').click();
    await poll(() => page.getByTestId('portal-rating-score').count()).toBe(1);
    expect(await page.getByTestId('portal-rating-score').textContent()).toBe('5 из 5');
    expect(await page.getByTestId('portal-rating-comment').textContent()).toBe('Быстро и вежливо');
    expect(await page.getByTestId('portal-rating-form').count()).toBe(0);

    // The staff see what the client wrote and gave.
    const timeline = await api<{ items: { kind: string; data?: { text?: string; from?: string } }[] }>(`/api/cases/${caseId}/timeline`);
    expect(timeline.items.filter((e) => e.kind === 'comment').map((e) => e.data?.from)).toEqual(expect.arrayContaining(['staff', 'client']));
    expect(await api<{ rating: { score: number } }>(`/api/cases/${caseId}`)).toMatchObject({ rating: { score: 5 } });

    // The list shows the rating too.
    await page.getByTestId('portal-case-page').getByRole('link', { name: 'Все обращения' }).click();
    await poll(() => page.getByTestId('portal-case-row-rating').allTextContents()).toEqual(['★★★★★']);
    expect(await page.getByTestId('portal-case-row-status').allTextContents()).toEqual(['Решено']);
  });

  it('takes no more replies once the case is closed', async () => {
    await setStatus('closed');
    await page.goto(`${stack.url}/portal/cases`);
    await page.getByTestId('portal-case-link').click();
    await poll(() => page.getByTestId('portal-case-status').textContent()).toBe('Закрыто');
    expect(await page.getByTestId('portal-reply-text').isDisabled()).toBe(true);
    expect(await page.getByTestId('portal-reply-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('portal-reply-closed').textContent()).toContain('Обращение закрыто');
  });

  it('says "not found" for another account’s case opened by its address', async () => {
    await page.goto(`${stack.url}/portal/cases/${otherCaseId}`);
    await poll(() => page.getByTestId('portal-case-state').textContent()).toContain('Такого обращения нет.');
    expect(await page.getByTestId('portal-case-page').count()).toBe(0);
    expect(await page.getByTestId('portal-case-state').textContent()).not.toContain('Обращение Игрека');
  });

  it('lists the account’s cases newest first, a page at a time', async () => {
    for (let n = 1; n <= 20; n++) await api('/api/cases', { method: 'POST', body: { subject: `Обращение по телефону ${n}`, accountId: accountX } });
    await page.goto(`${stack.url}/portal/cases`);
    await poll(() => page.getByTestId('portal-case-row').count()).toBe(20);
    expect(await page.getByTestId('portal-case-link').first().textContent()).toBe('Обращение по телефону 20');
    await page.getByTestId('portal-cases-more').click();
    await poll(() => page.getByTestId('portal-case-row').count()).toBe(21);
    expect(await page.getByTestId('portal-case-link').last().textContent()).toBe(subject);
    expect(await page.getByTestId('portal-cases-more').count()).toBe(0);
    expect(await page.getByTestId('portal-case-link').allTextContents()).not.toContain('Обращение Игрека');
  });
});
