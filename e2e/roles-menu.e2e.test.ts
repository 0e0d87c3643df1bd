import { expect, it } from 'vitest';
import { ROLE_LABELS } from '@kehu/domain';
import type { Role } from '@kehu/domain';
import { browserSuite } from './support/suite.ts';
import { openPage, screenshot, signIn } from './support/browser.ts';

// Which menu entries each role sees: the permission table of @kehu/domain, as a user meets it.
const CASES: { login: string; role: Role; tenant: string; menu: string[] }[] = [
  { login: 'bank.admin', role: 'sysadmin', tenant: '青山农村商业银行', menu: ['home', 'org-units', 'staff', 'audit', 'users'] },
  { login: 'bank.hr', role: 'hr', tenant: '青山农村商业银行', menu: ['home', 'org-units', 'staff', 'audit'] },
  { login: 'bank.supervisor', role: 'supervisor', tenant: '青山农村商业银行', menu: ['home', 'org-units', 'staff'] },
  { login: 'bank.manager', role: 'manager', tenant: '青山农村商业银行', menu: ['home', 'org-units', 'staff'] },
  { login: 'bank.agent', role: 'agent', tenant: '青山农村商业银行', menu: ['home', 'staff'] },
  { login: 'spa.admin', role: 'sysadmin', tenant: '悦庭足浴养生', menu: ['home', 'org-units', 'staff', 'audit', 'users'] },
];

browserSuite('each role signs in and sees its own menu', ({ browser, baseUrl }) => {
  for (const c of CASES) {
    it(`${c.login} (${c.role}) sees ${c.menu.join(', ')}`, async () => {
      const { context, page, errors } = await openPage(browser(), baseUrl);
      try {
        await signIn(page, c.login);
        const links = await page.getByTestId('side-menu').locator('a[data-testid^="menu-"]').all();
        const items = await Promise.all(links.map(async (a) => ((await a.getAttribute('data-testid')) ?? '').replace(/^menu-/, '')));
        expect(items).toEqual(c.menu);
        await expect.poll(() => page.getByTestId('user-role').textContent()).toContain(ROLE_LABELS[c.role].zh);
        expect(await page.getByTestId('user-role').textContent()).toContain(c.tenant);
        await page.getByTestId('home-whoami').waitFor();
        await screenshot(page, `role-${c.login}-home`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('a role without the permission gets 403 on a page it has no menu for, and sign-out works', async () => {
    const { context, page } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.agent');
      await page.goto('/audit');
      await page.locator('.ant-result-403').waitFor();
      await page.getByTestId('user-menu').click();
      await page.getByTestId('sign-out').click();
      await page.waitForURL('**/sign-in');
      await page.goto('/staff');
      await page.waitForURL(/\/sign-in\?next=%2Fstaff/);
    } finally {
      await context.close();
    }
  });
});
