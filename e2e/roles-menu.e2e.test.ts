import { expect, it } from 'vitest';
import { ROLE_LABELS, tenantPermissions } from '@kehu/domain';
import type { Role } from '@kehu/domain';
import { menuFor } from '../apps/web/src/app/menu-items.ts';
import { browserSuite } from './support/suite.ts';
import { openPage, screenshot, signIn } from './support/browser.ts';

const key = (path: string) => (path === '/' ? 'home' : path.slice(1));

// Each role's menu is the web's menu table filtered by the role's permissions in its kind of
// tenant (@kehu/domain: a spa chain keeps no loan ledger); on top of that, entries are pinned per role.
const BANK = 'rural_commercial_bank';
const SPA = 'spa_chain';
const CASES: { login: string; role: Role; tenant: string; kind: string; has: string[]; hasNot: string[] }[] = [
  { login: 'bank.admin', role: 'sysadmin', tenant: '青山农村商业银行', kind: BANK, has: ['home', 'org-units', 'staff', 'audit', 'users'], hasNot: [] },
  { login: 'bank.hr', role: 'hr', tenant: '青山农村商业银行', kind: BANK, has: ['home', 'org-units', 'staff', 'audit'], hasNot: ['users'] },
  { login: 'bank.supervisor', role: 'supervisor', tenant: '青山农村商业银行', kind: BANK, has: ['home', 'org-units', 'staff', 'loans', 'risk-board'], hasNot: ['audit', 'users'] },
  { login: 'bank.manager', role: 'manager', tenant: '青山农村商业银行', kind: BANK, has: ['home', 'org-units', 'staff', 'loans', 'risk-board'], hasNot: ['audit', 'users'] },
  { login: 'bank.agent', role: 'agent', tenant: '青山农村商业银行', kind: BANK, has: ['home', 'staff'], hasNot: ['org-units', 'audit', 'users'] },
  { login: 'spa.admin', role: 'sysadmin', tenant: '悦庭足浴养生', kind: SPA, has: ['home', 'org-units', 'staff', 'audit', 'users'], hasNot: [] },
  { login: 'spa.supervisor', role: 'supervisor', tenant: '悦庭足浴养生', kind: SPA, has: ['home', 'customers', 'pay'], hasNot: ['loans', 'risk-board'] },
];

browserSuite('each role signs in and sees its own menu', ({ browser, baseUrl }) => {
  for (const c of CASES) {
    it(`${c.login} (${c.role}) sees ${c.has.join(', ')}${c.hasNot.length ? ` and not ${c.hasNot.join(', ')}` : ''}`, async () => {
      const { context, page, errors } = await openPage(browser(), baseUrl);
      try {
        await signIn(page, c.login);
        const links = await page.getByTestId('side-menu').locator('a[data-testid^="menu-"]').all();
        const items = await Promise.all(links.map(async (a) => ((await a.getAttribute('data-testid')) ?? '').replace(/^menu-/, '')));
        expect(items).toEqual(menuFor(tenantPermissions(c.role, c.kind)).map((m) => key(m.path)));
        expect(items).toEqual(expect.arrayContaining(c.has));
        for (const k of c.hasNot) expect(items).not.toContain(k);
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
