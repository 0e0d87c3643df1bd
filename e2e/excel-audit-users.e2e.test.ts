import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { browserSuite } from './support/suite.ts';
import { fieldError, openPage, screenshot, signIn, signInTo } from './support/browser.ts';

const DOWNLOADS = resolve(import.meta.dirname, '../test-results/downloads');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

browserSuite('Excel export and import, audit log, users', ({ browser, baseUrl }) => {
  it('HR exports the staff list, imports it back unchanged, and sees a report for a broken file', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signInTo(page, 'bank.hr', '/staff');
      await page.getByTestId('staff-table').waitFor();
      // Only a seeded unit's staff, so that records other test files create or edit meanwhile
      // are not in the sheet (importing it back must change nothing).
      await page.getByTestId('staff-filter-unit').click();
      await page.getByTestId('staff-filter-unit').locator('input').fill('人民路支行');
      await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: '人民路支行' }).first().click();
      await page.waitForURL(/orgUnitId=\d+/);
      await expect.poll(() => page.getByTestId('staff-table').locator('tbody tr.ant-table-row').count()).toBeLessThan(10);
      const shown = Number(/\d+/.exec((await page.getByTestId('staff-total').textContent()) ?? '')?.[0]);
      expect(shown).toBeGreaterThan(0);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('staff-export').click()]);
      mkdirSync(DOWNLOADS, { recursive: true });
      const file = join(DOWNLOADS, 'staff-export.xlsx');
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

      await page.getByTestId('staff-import').click();
      const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
      expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
      const input = page.locator('.ant-modal input[type=file]');
      await input.setInputFiles(file);
      await page.getByTestId('import-start').click();
      await page.getByTestId('import-success').waitFor();
      expect(await page.getByTestId('import-success').textContent()).toContain(`新增 0 人，更新 0 人，未变化 ${shown} 人`);
      await screenshot(page, 'staff-import-success', { fullPage: false });

      await input.setInputFiles({ name: 'broken.xlsx', mimeType: XLSX, buffer: Buffer.from('this is not a workbook') });
      await page.getByTestId('import-start').click();
      await page.getByTestId('import-failed').waitFor();
      await page.getByTestId('import-report').waitFor();
      expect(await page.getByTestId('import-report').textContent()).toContain('文件不是有效的 Excel');
      await screenshot(page, 'staff-import-report', { fullPage: false });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a system admin browses the audit log with its before/after view, and the users page', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.admin');
      await page.getByTestId('menu-audit').click();
      const table = page.getByTestId('audit-table');
      await table.locator('tbody tr.ant-table-row').first().waitFor();
      // Narrow to staff records created (by the seed or another test), then open the first one's
      // before/after view. Other specs write grade changes and hand-overs on staff meanwhile.
      await page.getByTestId('audit-filter-entity').locator('input').fill('staff');
      await page.getByTestId('audit-filter-action').locator('input').fill('create');
      await page.getByTestId('audit-search').click();
      await expect.poll(() => table.locator('tbody tr.ant-table-row').first().textContent()).toContain('人员');
      await table.locator('tbody tr.ant-table-row').first().locator('.ant-table-row-expand-icon').click();
      await page.getByTestId('audit-diff').first().waitFor();
      expect(await page.getByTestId('audit-diff').first().textContent()).toContain('姓名');
      await screenshot(page, 'audit-log');

      await page.getByTestId('menu-users').click();
      await page.getByTestId('users-table').getByText('bank.hr', { exact: true }).waitFor();
      await screenshot(page, 'users');

      // A new login: the password rule is checked on the field, then the user appears in the list.
      const login = `e2e.user${String(Date.now()).slice(-5)}`;
      await page.getByTestId('user-new').click();
      await page.locator('#login').fill(login);
      await page.locator('#displayName').fill('测试用户');
      await page.locator('#password').fill('short');
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await expect.poll(() => fieldError(page, 'password').textContent()).toBe('密码至少8位，需包含字母和数字');
      await screenshot(page, 'user-form-password-error', { fullPage: false });
      await page.locator('#password').fill('Kehu2026pass');
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await page.getByTestId('users-table').getByText(login, { exact: true }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
