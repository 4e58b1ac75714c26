import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/local-stack';
import { launchBrowser } from '../support/browser';
import { apiCaller, signInAsAdmin, type LocalStack } from '../support/e2e-session';

/**
 * The export dialog in the browser (REC-11): XLSX is offered first and recommended; choosing CSV
 * shows why its text gets an apostrophe and offers its variants; a Windows-1251 file is downloaded
 * in that code page, and the page names what it could not hold (₸, Kazakh letters).
 */
let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startLocalStack({ inMemory: true, fixedPorts: false, quiet: true });
  browser = await launchBrowser();
  const admin = apiCaller(stack, (await stack.signIn(stack.admin.email, stack.admin.password)).idToken);
  await admin('/api/contacts', { method: 'POST', body: { lastName: 'Қасымова', firstName: 'Әлия', jobTitle: '-2+3', bio: 'Бюджет 5 000 ₸', phones: [{ kind: 'mobile', number: '+7 701 234-56-78' }] } });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the export dialog, in the browser', () => {
  it('recommends XLSX, explains CSV neutralisation, and reports what Windows-1251 lost', async () => {
    const page = await browser.newPage({ locale: 'ru-RU', acceptDownloads: true });
    await signInAsAdmin(page, stack);
    await page.getByTestId('nav-contacts').click();
    await page.getByText('Қасымова').first().waitFor();

    await page.getByTestId('export-button').click();
    const dialog = page.getByTestId('export-dialog');
    await expect.poll(() => dialog.getByRole('radio', { name: /Excel \(XLSX\)/ }).isChecked()).toBe(true);
    expect(await dialog.getByTestId('export-csv-notice').count()).toBe(0);

    await dialog.getByRole('radio', { name: /^CSV/ }).check();
    await expect.poll(() => dialog.getByTestId('export-csv-notice').textContent()).toContain('апостроф');
    expect(await dialog.getByRole('radio', { name: /UTF-8, запятая/ }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: /Windows-1251/ }).check();
    await page.screenshot({ path: '.test-results/export-dialog.png', fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-dialog-submit').click()]);
    const text = iconv.decode(await readFile((await download.path())!), 'win1251');
    expect(text).toContain('?асымова;?лия');
    expect(text).toContain("'-2+3");
    await expect.poll(() => page.getByTestId('export-loss').textContent()).toBe('Windows-1251 не вмещает некоторые символы, в файле они заменены на «?»: Қ — в 1 ячейке, Ә — в 1 ячейке, ₸ — в 1 ячейке.');
    expect(await page.getByTestId('export-dialog').count()).toBe(0);
  });
});
