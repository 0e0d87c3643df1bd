import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';

/**
 * A describe block that runs only when Chromium is available (global setup prints a loud
 * notice otherwise), with one browser shared by its tests.
 */
export function browserSuite(name: string, body: (ctx: { browser: () => Browser; baseUrl: string }) => void): void {
  const available = inject('browserAvailable');
  const baseUrl = inject('baseUrl');
  describe.skipIf(!available)(name, () => {
    let browser: Browser | undefined;
    beforeAll(async () => { browser = await launchBrowser(); });
    afterAll(async () => { await browser?.close(); });
    body({
      browser: () => {
        if (!browser) throw new Error('browser not launched');
        return browser;
      },
      baseUrl,
    });
  });
}
