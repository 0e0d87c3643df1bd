import { expect, it } from 'vitest';
import { browserSuite } from './support/suite.ts';
import { api, openPage, screenshot, signIn, signInTo } from './support/browser.ts';

browserSuite('language, sign-in errors and 404', ({ browser, baseUrl }) => {
  it('a wrong password shows a clear message in Chinese', async () => {
    const { context, page } = await openPage(browser(), baseUrl);
    try {
      await page.goto('/sign-in');
      await page.getByTestId('login').fill('bank.manager');
      await page.getByTestId('password').fill('wrong-password');
      await page.getByTestId('sign-in-submit').click();
      await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('用户名或密码错误');
      expect(await page.getByTestId('login').inputValue()).toBe('bank.manager');
      await screenshot(page, 'sign-in-error');
    } finally {
      await context.close();
    }
  });

  it('after five wrong passwords the account is locked and the message says when to retry', async () => {
    // An account of its own, so that locking it harms no other test.
    const admin = await openPage(browser(), baseUrl);
    try {
      await signIn(admin.page, 'spa.admin');
      const made = await api(admin.page, 'POST', '/api/v1/users', { login: 'spa.lockprobe', displayName: '锁定测试', role: 'agent', orgUnitId: null, staffId: null, password: 'kehu2026probe' });
      expect(made.status, JSON.stringify(made.json)).toBe(201);
    } finally {
      await admin.context.close();
    }
    const { context, page } = await openPage(browser(), baseUrl);
    try {
      await page.goto('/sign-in');
      await page.getByTestId('login').fill('spa.lockprobe');
      for (let i = 0; i < 5; i++) {
        await page.getByTestId('password').fill(`wrong-${i}`);
        await page.getByTestId('sign-in-submit').click();
        await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('用户名或密码错误');
        await page.getByTestId('sign-in-submit').and(page.locator(':not(.ant-btn-loading)')).waitFor();
      }
      await page.getByTestId('password').fill('kehu2026probe');
      await page.getByTestId('sign-in-submit').click();
      await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toMatch(/登录失败次数过多，请在 \d+ 分钟后再试/);
      await screenshot(page, 'sign-in-locked');
    } finally {
      await context.close();
    }
  });

  it('switching to English persists across a reload', async () => {
    const { context, page } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.supervisor');
      expect(await page.getByTestId('menu-staff').textContent()).toBe('人员管理');
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/locale') && r.ok()),
        page.getByTestId('language-switch').click(),
      ]);
      await expect.poll(() => page.getByTestId('menu-staff').textContent()).toBe('Staff');
      await page.getByTestId('menu-staff').click();
      await page.getByTestId('staff-table').waitFor();
      await page.reload();
      await page.getByTestId('staff-table').waitFor();
      expect(await page.getByTestId('menu-staff').textContent()).toBe('Staff');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await screenshot(page, 'staff-list-english');
      // The home page's labels take the language's colon: "Role:" in English, never the full-width "：".
      await page.getByTestId('menu-home').click();
      await expect.poll(() => page.getByTestId('home-whoami').textContent()).toContain('Role:');
      expect(await page.getByTestId('home-whoami').textContent()).not.toContain('：');
      await screenshot(page, 'home-english');
      // Wait for the account copy of the choice too, so later tests signing in as this user start in Chinese.
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/locale') && r.ok()),
        page.getByTestId('language-switch').click(),
      ]);
      await expect.poll(() => page.getByTestId('menu-staff').textContent()).toBe('人员管理');
    } finally {
      await context.close();
    }
  });

  it('when the session is gone, the next request leads to sign-in with a notice, and back after', async () => {
    const { context, page } = await openPage(browser(), baseUrl);
    try {
      await signInTo(page, 'bank.manager', '/');
      await page.getByTestId('home-whoami').waitFor();
      await context.clearCookies();
      await page.getByTestId('menu-staff').click();
      await page.waitForURL(/\/sign-in\?next=%2Fstaff/);
      await expect.poll(() => page.getByTestId('session-expired').textContent()).toContain('登录已过期');
      await screenshot(page, 'sign-in-session-expired');
      await page.getByTestId('login').fill('bank.manager');
      await page.getByTestId('password').fill('kehu2026');
      await page.getByTestId('sign-in-submit').click();
      await page.waitForURL(/\/staff$/);
      await page.getByTestId('staff-table').waitFor();
    } finally {
      await context.close();
    }
  });

  it('an unknown address shows the 404 page', async () => {
    const { context, page } = await openPage(browser(), baseUrl);
    try {
      await signInTo(page, 'bank.manager', '/no-such-page/at-all');
      await expect.poll(() => page.getByTestId('not-found-title').textContent()).toBe('页面不存在');
      await screenshot(page, 'not-found');
      await page.goto('/staff/99999999');
      await page.locator('.ant-result-404').waitFor();
    } finally {
      await context.close();
    }
  });
});
