import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/local-stack';
import { launchBrowser } from '../support/browser';
import { apiCaller, createPoolUser, signInAsAdmin, type LocalStack } from '../support/e2e-session';

/**
 * Service cases in the staff's browser (SRV-1, SRV-2): an admin opens a case from an account's
 * card (the account preset, one of its contacts chosen), finds it in the cases list and on the
 * card, writes an internal note and a reply to the client, told apart on the page and in the
 * timeline, and resolves it; the API then has the note and the staff's comment on its timeline.
 * A sales rep reads the case but is offered no way to change or write on it.
 */
let stack: LocalStack;
let browser: Browser;
let api: ReturnType<typeof apiCaller>;
let account: { id: string };
const subject = 'Не приходят счета на почту';
const noteText = 'Проверить настройки рассылки у бухгалтерии клиента';
const replyText = 'Здравствуйте! Мы переотправили счета, проверьте, пожалуйста, папку «Спам».';
let caseId = '';
/** Pages read the API as they open: give them time. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

beforeAll(async () => {
  stack = await startLocalStack({ inMemory: true, fixedPorts: false, quiet: true });
  browser = await launchBrowser();
  api = apiCaller(stack, (await stack.signIn(stack.admin.email, stack.admin.password)).idToken);
  account = await api<{ id: string }>('/api/accounts', { method: 'POST', body: { name: 'ООО «Ромашка»' } });
  await api('/api/contacts', { method: 'POST', body: { lastName: 'Клиентов', firstName: 'Пётр', accountId: account.id } });
});

afterAll(async () => {
  // Closing a page can end the single-process browser: pages go with it, at the end.
  await browser?.close();
  await stack?.stop();
});

describe('service cases, in the browser', () => {
  it('an admin opens a case from the account card, writes a note and a reply, and resolves it', async () => {
    const page = await browser.newPage({ locale: 'ru-RU' });
    await signInAsAdmin(page, stack);
    await page.goto(`${stack.url}/accounts/${account.id}`);
    const related = page.getByTestId('account-cases');
    await poll(() => related.textContent()).toContain('Обращений пока нет.');
    await related.getByTestId('account-cases-new').click();

    // The account comes preset; the form asks for a subject before anything is sent.
    const form = page.getByTestId('case-form');
    await poll(() => form.getByTestId('case-form-account-value').textContent()).toBe('ООО «Ромашка»');
    await form.getByTestId('record-form-submit').click();
    await poll(() => page.locator('#case-subject-error').textContent()).toBe('Обязательное поле.');

    await form.getByTestId('record-form-subject').fill(subject);
    await form.getByTestId('record-form-description').fill('Клиент не получает счета с понедельника.');
    await form.getByTestId('record-form-contactId').selectOption({ label: 'Клиентов Пётр' });
    await form.getByTestId('record-form-kind').selectOption({ label: 'Проблема' });
    await form.getByTestId('record-form-priority').selectOption({ label: 'Высокий' });
    await form.getByTestId('record-form-channel').selectOption({ label: 'Эл. почта' });
    await form.getByTestId('record-form-submit').click();

    const card = page.getByTestId('case-page');
    await poll(() => card.getByTestId('case-title').textContent()).toBe(subject);
    caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(caseId).toMatch(/^[0-9A-Z]{26}$/);
    expect(await card.getByTestId('case-status').first().textContent()).toBe('Новое');
    expect(await card.getByTestId('case-channel').textContent()).toBe('Эл. почта');
    await poll(() => card.getByTestId('case-details').textContent()).toContain('Клиентов Пётр');

    // In the list, with its account, kind, priority, status and channel.
    await page.getByTestId('nav-cases').click();
    const row = page.getByTestId('cases-page').getByTestId('record-row').filter({ hasText: subject });
    await poll(() => row.count()).toBe(1);
    const rowText = await row.textContent();
    for (const text of ['ООО «Ромашка»', 'Проблема', 'Высокий', 'Новое', 'Эл. почта']) expect(rowText).toContain(text);

    // On the account's card.
    await page.goto(`${stack.url}/accounts/${account.id}`);
    await poll(() => page.getByTestId('account-cases-item').allTextContents()).toEqual([expect.stringContaining(subject)]);
    await page.getByTestId('account-cases-item').getByRole('link', { name: subject }).click();

    // Two ways to write, told apart.
    const reply = card.getByTestId('case-reply');
    const note = card.getByTestId('case-note');
    expect(await reply.textContent()).toContain('Ответ клиенту');
    expect(await reply.textContent()).toContain('Клиент увидит его в портале.');
    expect(await note.textContent()).toContain('Внутренняя заметка');
    expect(await note.textContent()).toContain('клиент её не увидит');

    await note.getByTestId('note-text').fill(noteText);
    await note.getByTestId('note-submit').click();
    const timeline = card.getByTestId('timeline');
    const written = (kind: string) => timeline.locator(`[data-testid="timeline-entry"][data-kind="${kind}"]`);
    await poll(() => written('note').textContent()).toContain(noteText);
    expect(await written('note').textContent()).toContain('Внутренняя заметка');

    await reply.getByTestId('reply-submit').click();
    await poll(() => reply.locator('.field-error').textContent()).toBe('Напишите текст ответа.');
    await reply.getByTestId('reply-text').fill(replyText);
    await reply.getByTestId('reply-submit').click();
    await poll(() => reply.getByTestId('reply-status').textContent()).toBe('Ответ отправлен — клиент увидит его в портале.');
    await poll(() => written('reply').textContent()).toContain(replyText);
    expect(await written('reply').textContent()).toContain('Ответ клиенту');
    expect(await reply.getByTestId('reply-text').inputValue()).toBe('');

    // Resolved through the edit form; the channel stays as it came.
    await card.getByTestId('record-edit').click();
    expect(await form.getByTestId('record-form-channel').textContent()).toBe('Эл. почта');
    await form.getByTestId('record-form-status').selectOption({ label: 'Решено' });
    await form.getByTestId('record-form-submit').click();
    await poll(() => card.getByTestId('case-status').first().textContent()).toBe('Решено');
    await poll(() => timeline.textContent()).toMatch(/Статус:\s*Новое\s*→\s*Решено/);

    // The list filters by status, in its URL.
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('filter-status').selectOption({ label: 'Решено' });
    await poll(() => new URL(page.url()).searchParams.get('status')).toBe('resolved');
    await poll(() => row.count()).toBe(1);
    await page.getByTestId('filter-status').selectOption({ label: 'Новое' });
    await poll(() => page.getByTestId('cases-page').textContent()).toContain('По этим фильтрам ничего не нашлось');

    // The API has it all: resolved, the note (internal) and the reply (the client's to read).
    const stored = await api<{ status: string; contactId?: string; channel: string }>(`/api/cases/${caseId}`);
    expect(stored).toMatchObject({ status: 'resolved', channel: 'email' });
    expect(stored.contactId).toBeTruthy();
    const history = await api<{ items: { kind: string; note?: string; data?: Record<string, unknown> }[] }>(`/api/cases/${caseId}/timeline`);
    expect(history.items).toContainEqual(expect.objectContaining({ kind: 'note', note: noteText }));
    expect(history.items).toContainEqual(expect.objectContaining({ kind: 'comment', data: expect.objectContaining({ text: replyText, from: 'staff' }) }));
  });

  it('a sales rep reads the case and its replies, with no way to change it or write on it', async () => {
    expect(caseId).not.toBe('');
    const login = await createPoolUser(stack, { email: 'rep@cases.example', role: 'sales-rep', attributes: { name: 'Олег Продажин' } });
    const page = await browser.newPage({ locale: 'ru-RU' });
    await page.goto(stack.url);
    await page.getByTestId('signin-email').fill(login.email);
    await page.getByTestId('signin-password').fill(login.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('nav-cases').click();
    const list = page.getByTestId('cases-page');
    await poll(() => list.getByTestId('record-row').count()).toBe(1);
    expect(await list.getByTestId('record-new').count()).toBe(0);

    await list.getByRole('link', { name: subject }).click();
    const card = page.getByTestId('case-page');
    await poll(() => card.getByTestId('timeline').textContent()).toContain(replyText);
    expect(await card.getByTestId('record-edit').count()).toBe(0);
    expect(await card.getByTestId('reply-form').count()).toBe(0);
    expect(await card.getByTestId('note-form').count()).toBe(0);
  });
});
