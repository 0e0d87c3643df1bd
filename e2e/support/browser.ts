import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { onTestFailed } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { businessDate } from '@kehu/domain/business-date';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
export const DEMO_PASSWORD = 'kehu2026';

/**
 * Launches the system Chromium. Playwright gives every launch a fresh temporary profile
 * directory of its own (it refuses an explicit --user-data-dir with launch()).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS], headless: true });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors seen in the page; a test may assert there were none. */
  errors: string[];
}

/**
 * A time zone whose calendar date differs from the business date (China, UTC+8) at this moment:
 * Pago Pago (UTC−11) except between 11:00 and 16:00 UTC, when Kiritimati (UTC+14) is a day ahead.
 * Browsers run in it, so a page that takes the browser's own date where the server's is meant
 * fails at any hour, not only in the minutes around midnight in China.
 */
export function offsetTimeZone(now = new Date()): string {
  const dateIn = (timeZone: string) => now.toLocaleDateString('sv-SE', { timeZone });
  return dateIn('Pacific/Pago_Pago') !== businessDate(now) ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
}

/**
 * A signed-out page in a fresh context: Chinese, a time zone a day off China's, and reduced motion
 * (the app then turns antd's animations off, so no click lands on a dialog or dropdown still
 * moving into place).
 */
export async function openPage(browser: Browser, baseUrl: string): Promise<Session> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 820 }, locale: 'zh-CN', timezoneId: offsetTimeZone(), reducedMotion: 'reduce', acceptDownloads: true });
  context.setDefaultTimeout(20_000);
  // Start in Chinese unless the test itself chose a language on this "device": without it a new
  // context would adopt the account's saved language, which another test may be switching.
  await context.addInitScript("if (!localStorage.getItem('kehu.locale')) localStorage.setItem('kehu.locale', 'zh-CN');");
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Refused API calls, printed if the test fails: a wait that times out then says what the server answered.
  const refused: string[] = [];
  page.on('response', (r) => {
    if (r.status() < 400 || !r.url().includes('/api/')) return;
    void r.text().then((body) => refused.push(`${r.request().method()} ${r.url()} → ${r.status()} ${body.slice(0, 500)}`), () => undefined);
  });
  onTestFailed(() => { if (refused.length) console.error(`API calls refused during the failed test:\n${refused.join('\n')}`); });
  return { context, page, errors };
}

export async function signIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByTestId('login').fill(login);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  // Attached, not visible: on a phone the menu starts folded away.
  await page.getByTestId('side-menu').waitFor({ state: 'attached' });
}

/**
 * Signs in through the API (the context's cookie jar keeps the session) and opens `path`;
 * for tests whose subject is not the sign-in page, it saves loading that page and the home page.
 */
export async function signInTo(page: Page, login: string, path: string, password = DEMO_PASSWORD): Promise<void> {
  const res = await page.context().request.post('/api/v1/auth/sign-in', { data: { login, password } });
  if (!res.ok()) throw new Error(`sign-in as ${login} failed: ${res.status()} ${await res.text()}`);
  await page.goto(path);
  // Attached, not visible: on a phone the menu starts folded away.
  await page.getByTestId('side-menu').waitFor({ state: 'attached' });
}

export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  // Let fonts and antd's motion settle so the picture shows what a user sees.
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.waitForTimeout(300);
  await page.screenshot({ path, fullPage: opts.fullPage ?? true });
  return path;
}

/** The antd form item that holds the control with this id (Form.Item gives controls the field name as id). */
export function formItem(page: Page, fieldId: string): Locator {
  return page.locator('.ant-form-item', { has: page.locator(`#${fieldId}`) });
}

/** The error text antd shows under a form field. */
export function fieldError(page: Page, fieldId: string): Locator {
  return formItem(page, fieldId).locator('.ant-form-item-explain-error');
}

/** Picks an option of an antd Select by its visible label. */
export async function pickOption(page: Page, fieldId: string, label: string): Promise<void> {
  await choose(page, page.locator('.ant-select', { has: page.locator(`#${fieldId}`) }), label);
}

/**
 * Picks the option of an antd Select whose text contains `label` (or matches it, a RegExp) and waits until the select shows
 * it. On a loaded machine a click can land while the dropdown is still moving into place and
 * select nothing, or the dropdown can close under it; then it tries again (three times in all).
 */
export async function choose(page: Page, select: Locator, label: string | RegExp): Promise<void> {
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first();
  for (let attempt = 1; ; attempt++) {
    // Open the dropdown unless an earlier attempt left it open.
    if (!(await option.isVisible())) await select.click();
    try {
      await option.click({ timeout: 5_000 });
      await select.filter({ hasText: label }).first().waitFor({ timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** Picks a unit in an antd TreeSelect by typing part of its name. */
export async function pickTreeNode(page: Page, fieldId: string, name: string): Promise<void> {
  await page.locator('.ant-select', { has: page.locator(`#${fieldId}`) }).click();
  await page.locator(`#${fieldId}`).fill(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: name }).first().click();
}

/** Types a date into an antd DatePicker; leaving the field commits it (Enter would submit the form). */
export async function fillDate(page: Page, fieldId: string, isoDate: string): Promise<void> {
  const input = page.locator(`#${fieldId}`);
  await input.click();
  await input.fill(isoDate);
  await input.press('Tab');
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
  const value = await input.inputValue();
  if (value !== isoDate) throw new Error(`date field ${fieldId} shows "${value}", expected ${isoDate}`);
}

/** A JSON call from the signed-in page, with the session's CSRF token. */
export async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(async ({ method, url, body }) => {
    const me = await (await fetch('/api/v1/auth/me')).json() as { csrfToken: string };
    const headers: Record<string, string> = { 'x-csrf-token': me.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
    const r = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, json: await r.json() as T };
  }, { method, url, body });
}

/** The staff id of a customer manager who manages loans in the signed-in user's ledger, by name. */
export async function loanManagerStaffId(page: Page, name: string): Promise<number> {
  return page.evaluate(async (who) => {
    const r = await fetch('/api/v1/loans');
    const body = (await r.json()) as { items: { managerName: string; managerStaffId: number }[] };
    return body.items.find((x) => x.managerName === who)!.managerStaffId;
  }, name);
}
