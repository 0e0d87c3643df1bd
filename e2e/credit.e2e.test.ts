import { expect, it } from 'vitest';
import { businessDate } from '@kehu/domain/business-date';
import { browserSuite } from './support/suite.ts';
import { loanManagerStaffId, openPage, screenshot, signIn } from './support/browser.ts';

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
      // The context asks for reduced motion: the dialog is there at once, with no zoom running.
      await page.getByRole('dialog').waitFor();
      expect(await page.locator('.ant-modal [class*="ant-zoom"], .ant-modal[class*="ant-zoom"]').count()).toBe(0);
      await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.getByTestId('notice-signed').waitFor();
      await page.getByRole('link', { name: /返回贷款/ }).click();
      await page.getByTestId('limitation-register').waitFor();
      await expect.poll(() => page.getByTestId('limitation-expiry').textContent()).toBe(plusYears(businessDate(), 3));
      expect(await page.getByTestId('limitation-trace').textContent()).toContain('催收通知送达签收');
      await screenshot(page, 'credit-register-after-signature');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a phone the loan ledger scrolls inside itself with one-line cells, and the bell badge clears the menu button', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, 'bank.manager');
      await page.goto('/loans');
      const table = page.getByTestId('loans-table');
      await table.locator('.ant-table-row').first().waitFor();
      const fits = () => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
      await expect.poll(fits).toBe(true);
      // Cells keep one line (a loan number or borrower wrapped per character was the bug) ...
      const loanNo = await table.getByRole('link').first().boundingBox();
      expect(loanNo && loanNo.height).toBeLessThan(30);
      // (a one-line row is 48 px high; a borrower wrapped to two lines makes it about 70)
      const borrower = await table.locator('td', { hasText: '青山农机专业合作社' }).boundingBox();
      expect(borrower && borrower.height).toBeLessThan(60);
      // ... and the columns after the balance are reached by scrolling the table, not cut off.
      const body = '[data-testid=loans-table] .ant-table-content';
      expect(await page.evaluate<boolean>(`(b => b.scrollWidth > b.clientWidth)(document.querySelector('${body}'))`)).toBe(true);
      await page.evaluate(`(b => { b.scrollLeft = b.scrollWidth; })(document.querySelector('${body}'))`);
      const lim = await table.locator('th', { hasText: '时效' }).last().boundingBox();
      expect(lim && lim.x >= 0 && lim.x + lim.width <= 390).toBe(true);
      await page.evaluate(`(b => { b.scrollLeft = 0; })(document.querySelector('${body}'))`);
      // The unread badge is apart from the side-menu button and from the language switch.
      const badge = page.locator('.ant-badge', { has: page.getByTestId('notification-bell') }).locator('.ant-scroll-number').first();
      await badge.waitFor({ timeout: 30_000 });
      const overlaps = async (other: string) => {
        const a = await badge.boundingBox();
        const c = await page.locator(other).boundingBox();
        if (!a || !c) throw new Error(`no box for the badge or ${other}`);
        return a.x < c.x + c.width && c.x < a.x + a.width && a.y < c.y + c.height && c.y < a.y + a.height;
      };
      expect(await overlaps('.ant-layout-sider-zero-width-trigger')).toBe(false);
      expect(await overlaps('[data-testid=language-switch]')).toBe(false);
      await screenshot(page, 'credit-loans-phone', { fullPage: false });
      // The side menu opened on a phone lies over the page: the header items stay where they were, and picking a page folds it.
      const switchX = async () => (await page.getByTestId('language-switch').boundingBox())?.x;
      const before = await switchX();
      await page.locator('.ant-layout-sider-zero-width-trigger').click();
      await page.getByTestId('menu-home').waitFor();
      expect(await switchX()).toBe(before);
      // The menu button rides on the sliding menu: judge where it comes to rest, not mid-slide.
      await expect.poll(() => overlaps('.ant-layout-sider-zero-width-trigger')).toBe(false);
      await screenshot(page, 'credit-menu-open-phone', { fullPage: false });
      await page.getByTestId('menu-home').click();
      await page.getByTestId('home-whoami').waitFor();
      await expect.poll(() => page.locator('.ant-layout-sider-collapsed').count()).toBe(1);
      // A tap beside the open menu folds it too.
      await page.locator('.ant-layout-sider-zero-width-trigger').click();
      await page.getByTestId('side-menu-mask').click({ position: { x: 300, y: 600 } });
      await expect.poll(() => page.locator('.ant-layout-sider-collapsed').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the bell shows the stored 7-day deadline alert; opening it goes to the loan and marks it read', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.manager');
      const bell = page.getByTestId('notification-bell');
      // The alert run starts with the server: wait until the bell has a count.
      await expect.poll(async () => Number((await page.locator('.ant-badge', { has: bell }).locator('.ant-scroll-number').first().getAttribute('title').catch(() => '0')) ?? 0), { timeout: 30_000 }).toBeGreaterThan(0);
      await bell.click();
      const list = page.getByTestId('notification-list');
      const seven = list.locator('.ant-list-item', { hasText: 'L2023011' }).filter({ hasText: '【7天预警】诉讼时效' });
      await seven.first().waitFor();
      await seven.first().scrollIntoViewIfNeeded();
      await screenshot(page, 'credit-alert-bell');
      await seven.first().click();
      await page.getByTestId('limitation-register').waitFor();
      expect(page.url()).toMatch(/\/loans\/\d+$/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a supervisor imports loans (a bad row named, then the fixed file), and enters a high-risk item', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.supervisor');
      await page.getByTestId('menu-loans').click();
      await page.getByTestId('loans-table').waitFor();
      const staffId = await loanManagerStaffId(page, '李娜');
      const head = '借据号,客户号,贷款品种,金额,年利率,发放日,到期日,担保方式,五级分类,管户经理编号,村';
      const bad = `${head}\nE2E-001,C0001,小额信用贷款,50000.00,0.0585,2026-01-10,2027-01-10,信用,正常,${staffId},青山村\nE2E-002,C0002,飞机贷,12.345,0.06,2026-02-30,2027-01-10,信用,正常,${staffId},\n`;
      await page.getByTestId('loan-import').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('input[type=file]').setInputFiles({ name: 'loans-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      const errs = page.getByTestId('loan-import-errors');
      await errs.waitFor();
      const errText = await errs.textContent();
      expect(errText).toContain('贷款品种');
      expect(errText).toContain('“12.345”不是金额');
      expect(errText).toContain('发放日');
      expect(await page.getByTestId('loan-import-report').textContent()).toContain('未写入任何数据');
      await screenshot(page, 'credit-loan-import-errors');
      const good = bad.replace('飞机贷,12.345,0.06,2026-02-30', '联保贷款,12000,5.85%,2026-02-28');
      await dialog.locator('input[type=file]').setInputFiles({ name: 'loans-good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
      await expect.poll(() => page.getByTestId('loan-import-report').textContent()).toContain('新增 2 笔');
      await screenshot(page, 'credit-loan-import-ok');
      await dialog.getByRole('button', { name: /Close|关闭/ }).click();
      await page.getByTestId('loans-table').getByText('E2E-002').waitFor();

      await page.getByTestId('tab-risk').click();
      await page.getByTestId('risk-add').click();
      const form = page.getByTestId('risk-form');
      await form.locator('#loanId').fill('E2E-001');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'E2E-001' }).click();
      await form.locator('#kind').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '关联担保' }).click();
      await page.getByTestId('risk-description').fill('借款人与保证人为同一实际控制人，关联担保');
      await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
      const ledger = page.getByTestId('risk-ledger');
      const row = ledger.locator('tr', { hasText: 'E2E-001' });
      await row.waitFor();
      expect(await row.textContent()).toContain('关联担保');
      await row.getByRole('button', { name: '登记措施' }).click();
      await page.getByTestId('risk-action-text').fill('约谈借款人，追加房产抵押');
      await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
      await row.getByText('约谈借款人，追加房产抵押').waitFor();
      await screenshot(page, 'credit-high-risk-ledger');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a supervisor rates a credit household by the credit-line table; villages rated and removed are listed', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.supervisor');
      await page.getByTestId('menu-loans').click();
      await page.getByTestId('tab-villages').click();
      const villages = page.getByTestId('credit-villages');
      await villages.getByText('白沙村').waitFor();
      expect(await villages.textContent()).toContain('已取消');
      await page.getByTestId('household-rate').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('#customerNo').fill('C0003');
      await dialog.locator('#score').fill('76');
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      const row = page.getByTestId('credit-households').locator('tr', { hasText: 'C0003' });
      await row.waitFor();
      // C0003's loan is an NPL in proceedings: the household fails whatever the score.
      expect(await row.textContent()).toContain('未达标');
      await screenshot(page, 'credit-villages-households');
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
