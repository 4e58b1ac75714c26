import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * A real headless Chromium from the npm registry (@sparticuz/chromium), driven by playwright-core.
 * Its Lambda-oriented defaults that would weaken the browser's security model are dropped, so
 * origins and CORS behave as on a visitor's machine.
 */
const weakening = new Set(['--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials']);

export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    headless: true,
    args: [
      ...chromium.args.filter((arg) => !weakening.has(arg)),
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
