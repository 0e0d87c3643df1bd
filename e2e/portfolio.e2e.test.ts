import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/suite.ts';
import { presetSource } from '@kehu/domain';
import { choose, offsetTimeZone, openPage, pickOption, screenshot, signIn } from './support/browser.ts';

/**
 * Issue 6, "done when": a manager walks the today page, a visit, a complaint and a transfer
 * request; a supervisor approves it and reads the compliance view; a survey link answered in
 * the browser changes the manager's rating.
 */
const row = (page: Page, testIdPrefix: string, text: string) => page.locator(`[data-testid^="${testIdPrefix}"]`, { hasText: text });

browserSuite('customer portfolios and field work', ({ browser, baseUrl }) => {
  it('the today page fits a phone', async () => {
    const context = await browser().newContext({ baseURL: baseUrl, viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: offsetTimeZone(), reducedMotion: 'reduce', isMobile: true, hasTouch: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await page.goto('/sign-in');
      await page.getByTestId('login').fill('bank.manager');
      await page.getByTestId('password').fill('kehu2026');
      await page.getByTestId('sign-in-submit').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
      await page.goto('/today');
      await page.getByTestId('today-overdue').waitFor();
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);
      await screenshot(page, 'portfolio-today-phone');
    } finally {
      await context.close();
    }
  });

  it('the customers list fits a phone: names on one line, the table scrolls inside itself', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, 'bank.supervisor');
      await page.goto('/customers');
      const table = page.getByTestId('customer-table');
      await table.locator('.ant-table-row').first().waitFor();
      await expect.poll(() => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      // The longest seeded name keeps one line (it wrapped to one character per line before).
      const name = table.getByTestId('customer-link-C0003');
      await name.waitFor();
      const box = await name.boundingBox();
      expect(box && box.height).toBeLessThan(30);
      expect(box && box.width).toBeGreaterThan(100);
      // Secondary columns wait for a wider screen; the ones left scroll inside the table.
      expect(await table.locator('th', { hasText: '证件号' }).count()).toBe(0);
      await screenshot(page, 'portfolio-customers-phone', { fullPage: false });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a manager: today page → visit → complaint → transfer request', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.manager');
      await page.getByTestId('menu-today').click();
      await page.getByTestId('today-overdue').waitFor();
      expect(await page.getByTestId('today-overdue').textContent()).toContain('王大山');
      expect(await page.getByTestId('today-complaints').textContent()).toContain('办理贷款展期等候时间过长');
      await screenshot(page, 'portfolio-today');

      // Quick visit entry from the overdue list.
      await row(page, 'due-', '王大山').getByRole('button').click();
      await page.getByTestId('visit-purpose').fill('贷后检查');
      await page.getByTestId('visit-findings').fill('经营正常，生猪存栏 80 头');
      await screenshot(page, 'portfolio-visit-form', { fullPage: false });
      await page.getByTestId('visit-submit').click();
      await page.locator('.ant-message-success').waitFor();
      await expect.poll(async () => page.getByTestId('today-overdue').textContent()).not.toContain('王大山');

      // A complaint about a customer, recorded from the customer's page.
      await page.getByTestId('menu-customers').click();
      await page.getByTestId('customer-link-C0003').click();
      await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('青山农机专业合作社');
      await page.getByTestId('customer-complaint').click();
      await page.getByTestId('complaint-description').fill('贷款审批材料要求反复变化');
      await page.getByTestId('complaint-submit').click();
      await page.locator('.ant-message-success').first().waitFor();

      // …and a transfer request to a colleague.
      await page.getByTestId('customer-transfer').click();
      await pickOption(page, 'toStaffId', '刘洋');
      await page.getByTestId('transfer-reason').fill('客户迁至刘洋管片');
      await screenshot(page, 'portfolio-transfer-request', { fullPage: false });
      await page.getByTestId('transfer-submit').click();
      await page.locator('.ant-message-success', { hasText: '申请已提交' }).waitFor();

      await page.getByTestId('menu-requests').click();
      await page.locator('.ant-table-row', { hasText: '青山农机专业合作社' }).first().waitFor();
      await screenshot(page, 'portfolio-my-requests');
      expect(await page.getByTestId('requests-table').textContent()).toContain('待审批');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a supervisor: approves the transfer and reads the compliance view', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.supervisor');
      await page.getByTestId('menu-requests').click();
      const req = page.locator('.ant-table-row', { hasText: '青山农机专业合作社' });
      await req.waitFor();
      await screenshot(page, 'portfolio-approvals');
      await req.locator('[data-testid^="approve-"]').click();
      await page.locator('.ant-message-success').waitFor();
      await page.getByTestId('requests-pending-only').click();
      await expect.poll(() => page.locator('.ant-table-row', { hasText: '青山农机专业合作社' }).first().textContent()).toContain('已批准');

      await page.getByTestId('menu-compliance').click();
      const managers = page.getByTestId('compliance-managers');
      await managers.locator('.ant-table-row', { hasText: '李娜' }).waitFor();
      expect(await page.getByTestId('compliance-units').textContent()).toContain('人民路支行');
      await expect.poll(() => page.getByTestId('staffing-table').textContent()).toContain('李娜');
      await page.getByTestId('retention-table').locator('.ant-table-row', { hasText: '李娜' }).waitFor();
      await page.getByTestId('big-customers').locator('.ant-table-row', { hasText: '青山水泥厂' }).waitFor();
      await screenshot(page, 'portfolio-compliance');

      // The customer now belongs to 刘洋, with 李娜's assignment ended the day before.
      await page.getByTestId('menu-customers').click();
      await page.getByTestId('customer-search').locator('input').fill('C0003');
      await page.getByTestId('customer-search').locator('input').press('Enter');
      await page.getByTestId('customer-link-C0003').click();
      await expect.poll(() => page.getByTestId('assignment-history').textContent()).toContain('刘洋');
      await screenshot(page, 'portfolio-customer-detail');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a supervisor: territories, filtering customers by one, handling a complaint, a bad import file', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.supervisor');
      await page.getByTestId('menu-territories').click();
      await page.getByTestId('territory-table').locator('.ant-table-row', { hasText: 'CQ01-A' }).waitFor();
      await page.getByTestId('territory-new').click();
      await pickOption(page, 'orgUnitId', '人民路支行');
      await page.getByTestId('territory-code').fill('CQ01-C');
      await page.getByTestId('territory-name').fill('青山南片');
      await screenshot(page, 'portfolio-territory-new', { fullPage: false });
      await page.getByTestId('territory-submit').click();
      await page.getByTestId('territory-table').locator('.ant-table-row', { hasText: '青山南片' }).waitFor();
      await screenshot(page, 'portfolio-territories');

      // Two customers into the new territory from the list, then the list filtered by it.
      await page.getByTestId('menu-customers').click();
      const table = page.getByTestId('customer-table');
      for (const no of ['C0005', 'C0007']) await table.locator('.ant-table-row', { hasText: no }).locator('.ant-checkbox-input').check();
      await page.getByTestId('to-territory').click();
      await choose(page, page.getByTestId('to-territory-select'), '青山南片');
      await page.getByTestId('to-territory-submit').click();
      await page.locator('.ant-message-success', { hasText: '已划入管片' }).waitFor();
      await choose(page, page.getByTestId('territory-filter'), '青山南片');
      await expect.poll(async () => table.locator('.ant-table-row').count()).toBe(2);
      expect(await table.textContent()).toContain('青山南片');
      await screenshot(page, 'portfolio-customers-by-territory');
      // One of them taken out again: the filtered list keeps the other.
      await table.locator('.ant-table-row', { hasText: 'C0005' }).locator('.ant-checkbox-input').check();
      await page.getByTestId('from-territory').click();
      await page.getByTestId('from-territory-ok').click();
      await page.locator('.ant-message-success', { hasText: '已移出管片' }).waitFor();
      await expect.poll(async () => table.locator('.ant-table-row').count()).toBe(1);
      expect(await table.textContent()).toContain('C0007');

      // A bad workbook: nothing imported, the reason shown in Chinese.
      await page.getByTestId('customer-import').click();
      await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '客户.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('not a workbook') });
      await page.getByTestId('customer-import-start').click();
      await page.getByTestId('customer-import-failed').waitFor();
      await screenshot(page, 'portfolio-customer-import-failed', { fullPage: false });
      await page.getByTestId('customer-import-close').click();

      // Complaint handling: assign a handler and a deadline, then resolve; counts per manager for a period.
      await page.getByTestId('menu-complaints').click();
      const open = page.getByTestId('complaints-table').locator('.ant-table-row', { hasText: '贷款审批材料要求反复变化' });
      await open.waitFor();
      await open.locator('[data-testid^="handle-"]').click();
      await pickOption(page, 'handlerStaffId', '王建国');
      await screenshot(page, 'portfolio-complaint-handle', { fullPage: false });
      await page.getByTestId('handle-submit').click();
      await expect.poll(() => open.textContent()).toContain('处理中');
      expect(await open.textContent()).toContain('王建国');
      await open.locator('[data-testid^="resolve-"]').click();
      await page.getByTestId('resolve-outcome').fill('已向客户说明材料清单并一次性告知');
      await page.getByTestId('resolve-submit').click();
      await expect.poll(() => page.getByTestId('complaints-table').textContent()).not.toContain('贷款审批材料要求反复变化');
      expect(await page.getByTestId('complaint-stats').textContent()).toContain('李娜');
      await screenshot(page, 'portfolio-complaints');

      // A big customer's contact log with the next regular contact the policy asks for.
      await page.getByTestId('menu-customers').click();
      await page.getByTestId('customer-link-C0007').click();
      await page.getByTestId('contact-record').click();
      await page.getByTestId('contact-person').fill('张厂长');
      await page.getByTestId('contact-content').fill('了解二期扩产用电需求');
      await page.getByTestId('contact-follow-up').fill('下月报送供电方案');
      await page.getByTestId('contact-submit').click();
      await page.getByTestId('contact-log').locator('.ant-table-row', { hasText: '张厂长' }).waitFor();
      expect(await page.getByTestId('contact-next').textContent()).toContain('每 1 个月');
      await screenshot(page, 'portfolio-big-customer-contacts');
      // Its author corrects the entry; the form opens with what was recorded.
      const entry = page.getByTestId('contact-log').locator('.ant-table-row', { hasText: '张厂长' });
      await entry.locator('[data-testid^="contact-correct-"]').click();
      expect(await page.getByTestId('contact-person').inputValue()).toBe('张厂长');
      await page.getByTestId('contact-follow-up').fill('周五前报送供电方案');
      await screenshot(page, 'portfolio-contact-correct', { fullPage: false });
      await page.getByTestId('contact-submit').click();
      await page.locator('.ant-message-success', { hasText: '联系记录已更正' }).waitFor();
      await expect.poll(() => entry.textContent()).toContain('周五前报送供电方案');

      // The territory is deleted after confirming its one customer; the customer is left without one.
      await page.getByTestId('menu-territories').click();
      await page.getByTestId('territory-delete-CQ01-C').click();
      expect(await page.locator('.ant-popover:visible').textContent()).toContain('其中 1 户客户将不再属于任何管片');
      await screenshot(page, 'portfolio-territory-delete', { fullPage: false });
      await page.getByTestId('territory-delete-ok-CQ01-C').click();
      await page.locator('.ant-message-success', { hasText: '管片已删除' }).waitFor();
      await expect.poll(() => page.getByTestId('territory-table').textContent()).not.toContain('青山南片');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the half-yearly research reports show who owes one', async () => {
    const { context, page } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.supervisor');
      await page.getByTestId('menu-research').click();
      await page.getByTestId('research-table').locator('.ant-table-row', { hasText: '张伟' }).waitFor();
      expect(await page.getByTestId('research-table').textContent()).toContain('待审阅');
      await screenshot(page, 'portfolio-research');
    } finally {
      await context.close();
    }
  });

  it('a survey link answered in the browser changes the manager’s rating', async () => {
    const { context, page } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.manager');
      await page.getByTestId('menu-surveys').click();
      const rating = page.getByTestId('ratings-table').getByTestId('rating-value');
      await expect.poll(() => rating.textContent()).toBe('4.50');

      await page.goto('/customers');
      await page.getByTestId('customer-link-C0001').click();
      await page.getByTestId('customer-survey').click();
      await choose(page, page.getByTestId('survey-choose'), '客户满意度调查');
      await page.getByTestId('survey-issue').click();
      await page.getByTestId('survey-qr').waitFor();
      await screenshot(page, 'portfolio-survey-qr', { fullPage: false });
      const url = (await page.getByTestId('survey-url').textContent())!.trim();
      expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{20,}$/);

      // The customer: no session, a phone, one star for everything.
      const customer = await browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: offsetTimeZone(), reducedMotion: 'reduce', isMobile: true, hasTouch: true });
      const cp = await customer.newPage();
      await cp.goto(url);
      await cp.getByTestId('public-survey').waitFor();
      expect(await cp.getByTestId('public-survey').textContent()).not.toContain('王大山');
      for (const key of ['attitude', 'expertise', 'timeliness', 'overall']) {
        await cp.locator('.ant-form-item', { has: cp.getByTestId(`rate-${key}`) }).locator('.ant-rate-star').first().click();
      }
      await screenshot(cp, 'portfolio-public-survey');
      await cp.getByTestId('public-submit').click();
      await cp.getByTestId('survey-done').waitFor();
      await screenshot(cp, 'portfolio-public-survey-done');
      // Answerable once: opening the link again says so.
      await cp.reload();
      await cp.getByTestId('survey-done').waitFor();
      await customer.close();

      await page.goto('/surveys');
      await expect.poll(() => page.getByTestId('ratings-table').getByTestId('rating-value').textContent()).toBe('2.75');
      await screenshot(page, 'portfolio-ratings');
    } finally {
      await context.close();
    }
  });

  // Last: it changes the rules everyone runs on.
  it('HR puts the power-supply portfolio policy in force and the rules shown change', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.hr');
      await page.getByTestId('menu-compliance').click();
      const card = page.getByTestId('portfolio-policy');
      await expect.poll(() => card.textContent()).toContain('零售 1000 户');
      await choose(page, page.getByTestId('portfolio-preset'), '供电局');
      await page.getByTestId('portfolio-apply').click();
      await page.locator('.ant-message-success', { hasText: '管户制度已更新' }).waitFor();
      await expect.poll(() => card.textContent()).toContain('power-big-customers@1');
      expect(await card.textContent()).toContain('零售 — 户');
      await screenshot(page, 'portfolio-policy-hr');

      // A custom document: linted in Chinese before saving; an error keeps it from being put in force.
      const source = presetSource('rural-credit');
      await page.getByTestId('portfolio-mode').getByText('自定义制度文档').click();
      await page.getByTestId('portfolio-document').fill(source.replace('field: loanAmount, op: gte, value: 300000', 'field: loanAmt, op: gte, value: 300000'));
      await expect.poll(() => page.getByTestId('policy-findings').textContent()).toContain('未声明的事实“loanAmt”');
      expect(await page.getByTestId('portfolio-blocked').textContent()).toContain('有错误，不能启用');
      expect(await page.getByTestId('portfolio-apply').isDisabled()).toBe(true);
      await screenshot(page, 'portfolio-policy-custom-blocked');
      await page.getByTestId('portfolio-document').fill(source.replace('value: 300000 }, everyMonths: 1 }', 'value: 300000 }, everyMonths: 2 }'));
      // The preset's own notes stay (提示), but no error: the button is enabled.
      await expect.poll(() => page.getByTestId('portfolio-apply').isDisabled()).toBe(false);
      expect(await page.getByTestId('policy-findings').textContent()).not.toContain('错误');
      expect(await page.getByTestId('portfolio-document').inputValue()).toContain('everyMonths: 2 }');
      await page.getByTestId('portfolio-apply').click();
      await expect.poll(() => card.textContent()).toContain('large：每 2 个月');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
