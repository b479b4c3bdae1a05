import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (apt-get install chromium); CHROMIUM_PATH points elsewhere. Nothing is downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots for people to look at; ignored by git (docs/screenshots holds the chosen ones). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../screenshots');

export interface BrowserHarness {
  browser: Browser;
  /** Every URL any page asked for, in order. */
  requests: string[];
  open(url: string, options?: { token?: string }): Promise<{ page: Page; context: BrowserContext; pageErrors: string[] }>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startBrowser(): Promise<BrowserHarness> {
  // --no-sandbox: chromium's sandbox refuses to run as root, as CI does.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const requests: string[] = [];
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    requests,
    async open(url, options = {}) {
      const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
      if (options.token) await context.addInitScript((token) => localStorage.setItem('returnee-graph.token', token), options.token);
      const page = await context.newPage();
      page.setDefaultTimeout(120_000); // a loaded CI machine answers a province's scorecards slowly; speed is the benchmark's business
      const pageErrors: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
      await page.goto(url);
      return { page, context, pageErrors };
    },
    async screenshot(page, name) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: () => browser.close(),
  };
}

/** Hosts of the http(s) requests that went anywhere but the loopback address (data: and blob: URLs stay in the page). */
export function offHostRequests(requests: string[]): string[] {
  return requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return hostname !== '127.0.0.1';
  });
}
