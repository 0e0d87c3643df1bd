import { expect, it } from 'vitest';
import { browserSuite } from './support/suite.ts';
import { openPage, screenshot, signIn } from './support/browser.ts';

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const plusYears = (d: string, n: number) => {
  const y = `${Number(d.slice(0, 4)) + n}${d.slice(4)}`;
  return y.endsWith('-02-29') ? y.replace(/-02-29$/, '-02-28') : y;
};

browserSuite('credit ledger', ({ browser, baseUrl }) => {
  it('a manager sees the deadline alerts, prints a demand notice, records the signature and the period restarts', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.manager');
      await page.getByTestId('menu-loans').click();
      await page.getByTestId('loans-table').waitFor();
      await page.getByTestId('tab-deadlines').click();
      const alerts = page.getByTestId('deadline-alerts');
      await alerts.getByText('诉讼时效 李记杂货店').waitFor();
      const row = alerts.locator('tr', { hasText: '诉讼时效 李记杂货店' });
      expect(await row.textContent()).toContain('30天');
      expect(await alerts.textContent()).toContain('7天');
      await screenshot(page, 'credit-deadline-alerts');

      await row.getByRole('link').click();
      await page.getByTestId('limitation-register').waitFor();
      expect(await page.getByTestId('limitation-status').textContent()).toBe('时效内');
      await page.getByTestId('issue-notice').click();
      await page.getByTestId('demand-notice').waitFor();
      const text = await page.getByTestId('demand-notice').textContent();
      expect(text).toContain('贷款催收通知书');
      expect(text).toContain('李记杂货店');
      expect(text).toContain('捌万贰仟捌佰捌拾元整');
      await screenshot(page, 'credit-demand-notice');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
      await screenshot(page, 'credit-demand-notice-print');
      await page.emulateMedia({ media: 'screen' });

      await page.getByTestId('notice-sign').click();
      await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.getByTestId('notice-signed').waitFor();
      await page.getByRole('link', { name: /返回贷款/ }).click();
      await page.getByTestId('limitation-register').waitFor();
      await expect.poll(() => page.getByTestId('limitation-expiry').textContent()).toBe(plusYears(chinaToday(), 3));
      expect(await page.getByTestId('limitation-trace').textContent()).toContain('催收通知送达签收');
      await screenshot(page, 'credit-register-after-signature');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a supervisor reads the unit risk board', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.supervisor');
      await page.getByTestId('menu-risk-board').click();
      await page.getByTestId('figures-by-manager').getByText('李娜').waitFor();
      for (const id of ['npl-trend', 'recovery-chart', 'deadline-calendar']) await page.getByTestId(id).locator('canvas').waitFor();
      await screenshot(page, 'credit-risk-board');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
