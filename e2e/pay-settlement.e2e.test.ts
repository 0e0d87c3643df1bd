import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/suite.ts';
import { api, openPage, screenshot, signIn } from './support/browser.ts';

// December 2026: a month no seed touches, so the run shows exactly the facts imported here.
const PERIOD = '2026-12';

async function staffIdOf(page: Page, name: string): Promise<number> {
  const list = await page.evaluate(async () => (await fetch('/api/v1/staff?pageSize=100')).json() as Promise<{ items: { id: number; name: string }[] }>);
  return list.items.find((s) => s.name === name)!.id;
}

/** The rule book's worked example: 40 cards of 5,000, 100 qualifying bookings against a target of 100, and two that do not count. */
function exampleCsv(staffId: number): string {
  const rows = ['员工编号,类型,日期,数量,金额,卡面额,消费额,赠饮,来源单号', `${staffId},订房基数,2026-12-01,100,,,,,`];
  for (let i = 0; i < 40; i++) rows.push(`${staffId},办卡,2026-12-${String(1 + (i % 28)).padStart(2, '0')},,5000,,,否,E2E-C${i}`);
  for (let i = 0; i < 100; i++) rows.push(`${staffId},订房,2026-12-${String(1 + (i % 30)).padStart(2, '0')},,,1000,350,,E2E-B${i}`);
  rows.push(`${staffId},订房,2026-12-20,,,1000,280,,E2E-X1`, `${staffId},订房,2026-12-21,,,300,500,,E2E-X2`, `${staffId},请假,2027-01-04,,,,,,E2E-L1`);
  return rows.join('\n') + '\n';
}

async function upload(page: Page, name: string, text: string) {
  await page.locator('[data-testid=fact-import] input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByTestId('fact-upload').click();
}

browserSuite('monthly pay settlement', ({ browser, baseUrl }) => {
  it('HR imports facts, runs, reviews, approves and locks; the rule book example pays 6,000.00; a manager reads the slip and disputes a line', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'spa.hr');
      await page.getByTestId('menu-pay').click();
      await page.getByTestId('periods-table').waitFor();
      await page.getByTestId('period-picker').click();
      await page.keyboard.type(PERIOD);
      await page.keyboard.press('Enter');
      await page.getByTestId('period-create').click();
      await page.getByTestId('periods-table').getByText(PERIOD).waitFor();
      await page.getByTestId('fact-import').waitFor();
      const staffId = await staffIdOf(page, '黄小燕');

      // A bad file: nothing is loaded, and the report names the row, the column and why.
      await upload(page, 'bad.csv', `员工编号,类型,日期,金额\n${staffId},办卡,2026-12-02,5000\n${staffId},办卡,2026-12-32,5000\n${staffId},飞行,2026-12-03,10\n`);
      await page.getByTestId('fact-import-errors').waitFor();
      expect(await page.getByTestId('fact-import-errors').textContent()).toContain('日期 (date)');
      // The bar follows the server's job: it ends failed, nothing loaded.
      expect(await page.getByTestId('fact-progress').getAttribute('data-phase')).toBe('failed');
      await screenshot(page, 'pay-import-errors');

      await upload(page, 'december.csv', exampleCsv(staffId));
      await expect.poll(() => page.getByTestId('fact-import-result').textContent()).toContain('144');
      // The progress bar went through reading/checking and writing to done, with the rows the server read.
      expect(await page.getByTestId('fact-progress').getAttribute('data-phase')).toBe('done');
      expect(await page.getByTestId('fact-progress-text').textContent()).toContain('144');
      await screenshot(page, 'pay-import-done');

      // One fact by hand: an attendance deduction for another manager (黄小燕's example stays as it is).
      const entry = page.getByTestId('fact-entry');
      await entry.locator('#staffId').click();
      await page.keyboard.type('覃海波');
      await page.keyboard.press('Enter');
      await entry.locator('#kind').click();
      await page.locator('.ant-select-dropdown:visible').getByText('扣款', { exact: true }).click();
      await entry.locator('#date').click();
      await page.keyboard.type('2026-12-20');
      await page.keyboard.press('Enter');
      await entry.locator('#amount').fill('50');
      await entry.locator('#subKind').click();
      await page.locator('.ant-select-dropdown:visible').getByText('差勤 / attendance').click();
      await page.getByTestId('fact-entry-submit').click();
      await page.locator('.ant-message-success').waitFor();
      await expect.poll(() => page.getByTestId('fact-summary').textContent()).toContain('扣款');
      await screenshot(page, 'pay-fact-entered');

      await page.getByTestId('run-start').click();
      await page.getByTestId('run-status-draft').waitFor();
      await page.getByTestId('runs-table').getByRole('link', { name: '查看' }).first().click();
      await expect.poll(() => page.getByTestId('slip-total-黄小燕').textContent()).toBe('6,000.00');
      await screenshot(page, 'pay-run-slips');
      await page.goBack();

      await page.getByTestId('run-review').click();
      await page.getByTestId('run-status-reviewed').waitFor();
      await page.getByTestId('run-approve').click();
      await page.getByTestId('run-status-approved').waitFor();
      await page.getByTestId('run-lock').click();
      await page.getByTestId('run-lock-confirm').click();
      await page.getByTestId('run-status-locked').waitFor();
      await screenshot(page, 'pay-run-locked');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    const m = await openPage(browser(), baseUrl);
    try {
      await signIn(m.page, 'spa.manager');
      await m.page.getByTestId('menu-pay/my-slips').click();
      await m.page.getByTestId(`my-slip-${PERIOD}`).click();
      await expect.poll(() => m.page.getByTestId('slip-total').textContent()).toBe('6,000.00');
      // Payday: 15 January, one day later for the leave day on the 4th.
      expect(await m.page.getByTestId('slip-payday').textContent()).toBe('2027-01-16');
      expect(await m.page.getByTestId('line-amount-cardCommission').textContent()).toBe('5,000.00');
      expect(await m.page.getByTestId('line-amount-bookingCommission').textContent()).toBe('1,000.00');
      // The spa chain publishes no evaluation: the slip says what the plan read.
      expect(await m.page.getByTestId('slip-evaluation').textContent()).toContain('无已发布的考核结果');
      const bookingRow = m.page.getByTestId('slip-lines').locator('tr', { has: m.page.getByTestId('line-bookingCommission') });
      await bookingRow.locator('.ant-table-row-expand-icon').click();
      await m.page.getByTestId('line-excluded-bookingCommission').waitFor();
      expect(await m.page.getByTestId('line-excluded-bookingCommission').textContent()).toContain('不足');
      // The line's inputs by name, not the engine's keys.
      expect(await m.page.getByTestId('line-explain-bookingCommission').textContent()).toContain('计量：100');
      // Her 40 cards of 5,000 are one row with their total; the multiplier reads by its Chinese name.
      const cardRow = m.page.getByTestId('slip-lines').locator('tr', { has: m.page.getByTestId('line-cardCommission') });
      await cardRow.locator('.ant-table-row-expand-icon').click();
      const cardExplain = m.page.getByTestId('line-explain-cardCommission');
      await cardExplain.waitFor();
      expect(await cardExplain.textContent()).toContain('办卡 40 张，合计 200000 元；5000及以上、10000以下（不含）：200000 × 2.5% = 5000');
      expect(await cardExplain.textContent()).toContain('× 订房完成率：1');
      // The formula in numbers, the multiplier's expression in the plan's words.
      expect(await m.page.getByTestId('line-formula-cardCommission').textContent()).toBe('(200000 × 2.5%) × 1');
      expect(await cardExplain.textContent()).toContain('订房提成（计量） ÷ 订房基数：1');
      await screenshot(m.page, 'pay-slip-explained');
      await m.page.getByTestId('line-facts-bookingCommission').click();
      await m.page.getByTestId('slip-facts').getByText('未计入').first().waitFor();
      await screenshot(m.page, 'pay-slip-facts');
      await m.page.keyboard.press('Escape');
      await m.page.getByTestId('line-dispute-bookingCommission').click();
      await m.page.getByTestId('dispute-comment').fill('12月20日那间客人消费了300元，应计入');
      await m.page.getByTestId('dispute-submit').click();
      await m.page.getByTestId('slip-disputes').getByText('待处理').waitFor();
      await screenshot(m.page, 'pay-slip-disputed');
      await m.page.emulateMedia({ media: 'print' });
      await screenshot(m.page, 'pay-slip-print');
      await m.page.emulateMedia({ media: 'screen' });
      // On a phone the slip and the manager's pay pages fit the screen: tables scroll inside themselves, the page never sideways.
      await m.page.setViewportSize({ width: 390, height: 844 });
      const fits = () => m.page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
      // (antd's responsive layout follows the resize a moment later)
      await expect.poll(fits).toBe(true);
      await screenshot(m.page, 'pay-slip-phone');
      for (const path of ['/pay/my-slips', '/pay/disputes']) {
        await m.page.goto(path);
        await m.page.locator('.ant-table-row').first().waitFor();
        await expect.poll(fits, { message: path }).toBe(true);
      }
      expect(m.errors).toEqual([]);
    } finally {
      await m.context.close();
    }
  });

  it('HR simulates a changed plan on the settled month: the what-if starts from the tenant\'s own plan and shows each person\'s difference', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'spa.hr');
      await page.goto('/pay/what-if');
      const doc = page.getByTestId('whatif-doc');
      // The spa's own plan (the one its managers are assigned), not an empty box or another tenant's rule book.
      await expect.poll(() => doc.inputValue(), { timeout: 10_000 }).toContain('id: spa-pay');
      const original = await doc.inputValue();
      const tier = '{ min: { value: 80, inclusive: true }, price: 10 }';
      expect(original).toContain(tier);
      // Rooms from the 80th of a month up pay 20 yuan instead of 10: the example's 100 rooms earn 1,000.00 more.
      await doc.fill(original.replace(tier, '{ min: { value: 80, inclusive: true }, price: 20 }'));
      // The latest period that was paid is picked already.
      await expect.poll(() => page.getByTestId('whatif-period').textContent()).toContain(PERIOD);
      await page.getByTestId('whatif-run').click();
      await page.getByTestId('whatif-table-total').waitFor();
      expect(await page.getByTestId('whatif-table-total').textContent()).toBe('1,000.00');
      await page.getByTestId('whatif-chart').waitFor();
      await screenshot(page, 'pay-what-if');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('HR edits and ends a plan assignment; an end before the start is refused with the reason on the page', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'spa.hr');
      await page.goto('/pay/plans');
      await page.getByTestId('assignments-table').waitFor();
      const end = page.locator('[data-testid^=assignment-end-]').first();
      await end.click();
      await page.getByTestId('assignment-valid-to').click();
      await page.keyboard.type('2000-01-31');
      await page.keyboard.press('Enter');
      await page.getByTestId('assignment-error').waitFor();
      expect(await page.getByTestId('assignment-error').textContent()).toContain('早于开始日期');
      await screenshot(page, 'pay-assignment-end-refused');
      // A proper last day is saved and shown in the table.
      await page.getByTestId('assignment-valid-to').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('2099-12-31');
      // Enter picks the date and submits the form.
      await page.keyboard.press('Enter');
      await page.getByTestId('assignments-table').getByText('2099-12-31').waitFor();
      await screenshot(page, 'pay-assignment-ended');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a card of a customer shared 60/40 is credited by share; the manager\'s slip shows customer, share and amount credited', async () => {
    const sup = await openPage(browser(), baseUrl);
    const hr = await openPage(browser(), baseUrl);
    const m = await openPage(browser(), baseUrl);
    try {
      await signIn(sup.page, 'spa.supervisor');
      const unit = (await api<{ orgUnitId: number }>(sup.page, 'GET', '/api/v1/auth/me')).json.orgUnitId;
      const huang = await staffIdOf(sup.page, '黄小燕');
      const qin = await staffIdOf(sup.page, '覃海波');
      const c = await api<{ id: number }>(sup.page, 'POST', '/api/v1/customers', { orgUnitId: unit, customerNo: 'E2E-SHARED', name: '共管客户（测试）', kind: 'resident', segment: 'retail', idNo: '430102199001011234' });
      expect(c.status, JSON.stringify(c.json)).toBe(201);
      const set = await api(sup.page, 'PUT', `/api/v1/customers/${c.json.id}/assignments`, { effectiveDate: '2027-01-01', items: [{ staffId: huang, role: 'manage', share: '60' }, { staffId: qin, role: 'develop', share: '40' }] });
      expect(set.status, JSON.stringify(set.json)).toBe(200);
      // A second customer shared with the store supervisor, whom no pay plan covers (no slip): their 40 % stays with the seller.
      const wei = await staffIdOf(sup.page, '韦志刚');
      const c2 = await api<{ id: number }>(sup.page, 'POST', '/api/v1/customers', { orgUnitId: unit, customerNo: 'E2E-SHARED-2', name: '共管客户（无方案）', kind: 'resident', segment: 'retail', idNo: '430102199001011235' });
      expect(c2.status, JSON.stringify(c2.json)).toBe(201);
      const set2 = await api(sup.page, 'PUT', `/api/v1/customers/${c2.json.id}/assignments`, { effectiveDate: '2027-01-01', items: [{ staffId: huang, role: 'manage', share: '60' }, { staffId: wei, role: 'develop', share: '40' }] });
      expect(set2.status, JSON.stringify(set2.json)).toBe(200);

      await signIn(hr.page, 'spa.hr');
      const jan = await api<{ id: number }>(hr.page, 'POST', '/api/v1/pay/periods', { period: '2027-01' });
      expect((await api(hr.page, 'POST', `/api/v1/pay/periods/${jan.json.id}/facts`, { facts: [
        { staffId: huang, kind: 'card', date: '2027-01-05', amount: '1000.01', customerId: c.json.id },
        { staffId: huang, kind: 'card', date: '2027-01-06', amount: '1000.01', customerId: c2.json.id },
      ] })).status).toBe(200);
      const run = await api(hr.page, 'POST', `/api/v1/pay/periods/${jan.json.id}/runs`);
      expect(run.status, JSON.stringify(run.json)).toBe(201);

      await signIn(m.page, 'spa.manager');
      await m.page.getByTestId('menu-pay/my-slips').click();
      await m.page.getByTestId('my-slip-2027-01').click();
      await m.page.getByTestId('slip-credits').waitFor();
      const credits = await m.page.getByTestId('slip-credits').textContent();
      expect(credits).toContain('共管客户（测试）');
      expect(credits).toContain('60%');
      expect(credits).toContain('600.01');
      // The supervisor's 40 % of the second card is kept by the seller, saying whose and why.
      const kept = await m.page.getByTestId('slip-credit-kept').textContent();
      expect(kept).toContain('40%');
      expect(kept).toContain('韦志刚 本期无薪酬方案');
      expect(credits).toContain('400.00');
      // The band of the whole 1,000.01-yuan card (1.25 %) on the 600.01 + 600.01 + 400.00 credited: 20.00.
      expect(await m.page.getByTestId('line-amount-cardCommission').textContent()).toBe('20.00');
      await screenshot(m.page, 'pay-slip-shared-customer');
      expect([...sup.errors, ...hr.errors, ...m.errors]).toEqual([]);
    } finally {
      await Promise.all([sup.context.close(), hr.context.close(), m.context.close()]);
    }
  });

  it('HR finds a wrongly entered fact of the locked month, voids it with a reason, and the correction pays the difference next month', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'spa.hr');
      await page.getByTestId('menu-pay').click();
      await page.getByTestId('periods-table').getByText(PERIOD).click();
      await page.getByTestId('fact-ledger-open').click();
      // The files of the month: the imported one and the hand-entered deduction, both counting.
      const files = page.getByTestId('fact-files');
      await files.getByText('december.csv').waitFor();
      expect(await files.textContent()).toContain('有效');
      await page.getByTestId('fact-ledger').getByRole('tab', { name: '事实明细' }).click();
      await page.getByTestId('ledger-staff').click();
      await page.keyboard.type('覃海波');
      await page.keyboard.press('Enter');
      const facts = page.getByTestId('period-facts');
      await expect.poll(() => facts.locator('.ant-table-row').count()).toBe(1);
      expect(await facts.textContent()).toContain('50.00');
      expect(await facts.textContent()).toContain('扣款 · 差勤');
      await facts.locator('[data-testid^=fact-void-]').click();
      // No void without a reason.
      expect(await page.getByTestId('void-confirm').isDisabled()).toBe(true);
      await page.getByTestId('void-reason').fill('差勤扣款录错，应扣覃海波 30 元');
      await screenshot(page, 'pay-fact-void-dialog');
      await page.getByTestId('void-confirm').click();
      // The month is locked: the page says the correction is what pays it.
      await page.locator('.ant-message-success').getByText('本期已锁定').waitFor();
      await facts.getByText('已作废').waitFor();
      expect(await facts.textContent()).toContain('差勤扣款录错');
      await screenshot(page, 'pay-fact-voided');
      await page.keyboard.press('Escape');
      // The locked run is unchanged; the correction books +50.00 to 覃海波 in the next open month.
      await page.getByTestId('period-correct').click();
      await page.locator('.ant-message-success').getByText('生成 1 条调整').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
