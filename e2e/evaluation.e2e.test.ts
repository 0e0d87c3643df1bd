import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/suite.ts';
import { choose, fillDate, openPage, pickOption, screenshot, signInTo } from './support/browser.ts';

/** Fills an antd InputNumber whichever element carries the test id (wrapper or input). */
async function fillNumber(page: Page, testId: string, value: string): Promise<void> {
  const el = page.getByTestId(testId);
  const inner = el.locator('input');
  await ((await inner.count()) ? inner.fill(value) : el.fill(value));
}

/** Rows of the progress board: name → result id. */
async function boardRows(page: Page): Promise<Map<string, number>> {
  const links = await page.getByTestId('progress-table').locator('a[data-testid^="result-link-"]').all();
  const out = new Map<string, number>();
  for (const a of links) {
    const name = ((await a.getAttribute('data-testid')) ?? '').replace('result-link-', '');
    out.set(name, Number(/\/eval\/results\/(\d+)/.exec((await a.getAttribute('href')) ?? '')?.[1]));
  }
  return out;
}

browserSuite('evaluation: a quarterly tobacco cycle from set-up to publish, one appeal, one promotion', ({ browser, baseUrl }) => {
  it('HR sets up, raters rate, the supervisor scores, HR reviews, calibrates and publishes; the manager appeals; HR promotes', async () => {
    const name = `第四季度考核 E2E ${Date.now() % 100000}`;
    const hr = await openPage(browser(), baseUrl);
    const mgr = await openPage(browser(), baseUrl);
    const sup = await openPage(browser(), baseUrl);
    try {
      // 1. HR sets up the cycle for 城区分行 (eight people: the A band's 20 % allows one, rounded down).
      await signInTo(hr.page, 'bank.hr', '/eval');
      await hr.page.getByTestId('cycle-new').click();
      await hr.page.getByTestId('cycle-name').fill(name);
      await fillDate(hr.page, 'startsOn', '2026-10-01');
      await fillDate(hr.page, 'endsOn', '2026-12-31');
      await pickOption(hr.page, 'orgUnitId', '城区分行');
      await hr.page.locator('.ant-modal .ant-btn-primary').click();
      await hr.page.getByTestId('cycle-table').getByText(name).click();
      await hr.page.getByTestId('progress-table').waitFor();
      const rows = await boardRows(hr.page);
      expect([...rows.keys()]).toEqual(expect.arrayContaining(['李娜', '张伟', '刘洋', '周敏']));
      const cycleUrl = hr.page.url();
      await screenshot(hr.page, 'eval-progress-board');

      // 2. The manager rates herself and her peers (anonymous to them).
      await signInTo(mgr.page, 'bank.manager', '/eval/mine');
      const tasks = mgr.page.getByTestId('rating-tasks');
      await tasks.locator('tbody tr.ant-table-row').first().waitFor();
      const taskIds: string[] = [];
      for (const b of await tasks.locator('button[data-testid^="rate-submit-"]').all()) taskIds.push(((await b.getAttribute('data-testid')) ?? '').replace('rate-submit-', ''));
      expect(taskIds.length).toBeGreaterThanOrEqual(3);
      for (const id of taskIds) {
        const btn = mgr.page.getByTestId(`rate-submit-${id}`);
        for (const item of ['communication', 'teamwork', 'learning']) await fillNumber(mgr.page, `rate-${id}-${item}`, '85');
        await btn.click();
        await expect.poll(() => mgr.page.getByTestId(`rate-submit-${id}`).count()).toBe(0);
      }
      await screenshot(mgr.page, 'eval-my-rating-tasks');

      // 3. The supervisor scores each person: Kehu's figures fill themselves (with their source); targets and
      //    figures Kehu lacks are entered with evidence; the superior's 360 scores; the policy engine scores.
      await signInTo(sup.page, 'bank.supervisor', '/eval');
      for (const [person, id] of rows) {
        await sup.page.goto(`/eval/results/${id}`);
        await sup.page.getByTestId('inputs-table').waitFor();
        if (person === '李娜') {
          expect(await sup.page.getByTestId('source-complaints').textContent()).toContain('投诉登记');
          expect(await sup.page.getByTestId('auto-complaints').textContent()).toContain('自动取数');
        }
        for (const input of await sup.page.locator('.ant-input-number[data-testid^="enter-"], input[data-testid^="enter-"]').all()) {
          const key = ((await input.getAttribute('data-testid')) ?? '').replace('enter-', '');
          await fillNumber(sup.page, `enter-${key}`, key.endsWith('Target') ? '4' : key.endsWith('TargetYuan') ? '100' : key === 'surveyRating' ? '4' : '90');
          await sup.page.getByTestId(`evidence-${key}`).fill('季度台账');
        }
        for (const item of ['communication', 'teamwork', 'learning']) await fillNumber(sup.page, `superior-${item}`, '80');
        await sup.page.getByTestId('save-draft').click();
        await expect.poll(() => sup.page.getByTestId('result-status').textContent()).toContain('已评分');
        if (person === '李娜') {
          await sup.page.getByTestId('trace-sales').waitFor();
          expect(await sup.page.getByTestId('trace-sales').textContent()).toContain('tobacco-evaluation 第2.1条');
          await screenshot(sup.page, 'eval-supervisor-form');
        }
      }

      // 4. HR reviews, sets 李娜 to A with a reason, checks the distribution, publishes.
      await hr.page.goto(cycleUrl);
      for (const person of rows.keys()) {
        await hr.page.getByTestId(`review-${person}`).click();
        await expect.poll(() => hr.page.getByTestId(`status-${person}`).textContent()).toContain('已审核');
      }
      // The option that reads exactly A (not one that merely contains the letter).
      await choose(hr.page, hr.page.getByTestId('cal-band-李娜'), /^A$/);
      await hr.page.getByTestId('cal-reason-李娜').fill('季度营销竞赛第一名');
      await hr.page.getByTestId('calibrate').click();
      await expect.poll(() => hr.page.getByTestId('status-李娜').textContent()).toContain('已校准');
      // The board's band is the calibrated one (the engine's, if different, struck through after it).
      expect(await hr.page.getByTestId('band-李娜').textContent()).toMatch(/^A/);
      await screenshot(hr.page, 'eval-calibration');
      await hr.page.getByTestId('publish').click();
      await expect.poll(() => hr.page.getByTestId('status-李娜').textContent()).toContain('已发布');

      // 5. The manager sees her scorecard with each figure's source and appeals.
      await mgr.page.goto(`/eval/results/${rows.get('李娜')}`);
      await expect.poll(() => mgr.page.getByTestId('result-band').textContent()).toContain('A');
      expect(await mgr.page.getByTestId('raters-table').textContent()).toContain('人数不足');
      // Customers are a rater group of their own, with the survey they answered.
      expect(await mgr.page.getByTestId('raters-table').textContent()).toContain('满意度调查');
      // Every score traced to its inputs: Kehu's complaints figure with its register, the entered target with its evidence.
      expect(await mgr.page.getByTestId('line-inputs-complaints').textContent()).toContain('投诉登记');
      expect(await mgr.page.getByTestId('line-inputs-sales').textContent()).toContain('考核人录入（依据：季度台账）');
      await screenshot(mgr.page, 'eval-my-scorecard');
      await mgr.page.getByTestId('appeal').click();
      await mgr.page.getByTestId('appeal-reason').fill('新增客户数漏计两户，请复核');
      await mgr.page.getByTestId('appeal-submit').click();
      await expect.poll(() => mgr.page.getByTestId('result-status').textContent()).toContain('申诉中');

      // 6. HR (not the first evaluator) re-reviews: rejected with a reason, the band stays.
      await hr.page.goto('/eval/appeals');
      await hr.page.getByTestId('answer-李娜').first().click();
      await hr.page.getByText('驳回').click();
      await hr.page.getByTestId('answer-text').fill('新增客户已按档案计入，维持原结果');
      await hr.page.getByTestId('answer-submit').click();
      await expect.poll(() => hr.page.getByTestId('appeals-table').textContent()).toContain('维持原结果');
      await screenshot(hr.page, 'eval-appeals');

      // 7. The band proposes a promotion; HR approves it with a reason; the manager's grade history shows it.
      await hr.page.goto('/grades/proposals');
      await hr.page.getByTestId('decide-李娜').first().click();
      await hr.page.getByTestId('decide-reason').fill('第四季度考核优秀，晋升一档');
      await hr.page.getByTestId('decide-submit').click();
      await expect.poll(() => hr.page.getByTestId('proposals-table').textContent()).toContain('晋升一档');
      // Grades by name, never by code.
      expect(await hr.page.getByTestId('proposals-table').textContent()).toMatch(/客户经理\d档/);
      expect(await hr.page.getByTestId('proposals-table').textContent()).not.toMatch(/manager-\d/);
      await screenshot(hr.page, 'eval-grade-proposals');
      await mgr.page.goto('/eval/mine');
      await expect.poll(() => mgr.page.getByTestId('grade-history').textContent()).toContain('晋升一档');
      await screenshot(mgr.page, 'eval-my-grade');

      // 8. The seeded rural-credit cycle: the supervisor opens 李娜's result; the loan and deposit figures
      //    fill themselves from the credit module, each with its source (issue 7).
      const cycles = await (await sup.page.context().request.get('/api/v1/eval/cycles')).json() as { items: { id: number; scorecardId: string; status: string }[] };
      const credit = cycles.items.find((c) => c.scorecardId === 'rural-credit-evaluation' && c.status === 'open')!;
      await sup.page.goto(`/eval/cycles/${credit.id}`);
      await sup.page.getByTestId('result-link-李娜').click();
      await sup.page.getByTestId('inputs-table').waitFor();
      expect(await sup.page.getByTestId('source-nplRatio').textContent()).toContain('信贷台账');
      expect(await sup.page.getByTestId('source-avgDailyLoanYuan').textContent()).toContain('贷款积数');
      expect(await sup.page.getByTestId('source-avgDailyDepositYuan').textContent()).toContain('存款积数');
      await screenshot(sup.page, 'eval-credit-figures');
      expect([...hr.errors, ...mgr.errors, ...sup.errors]).toEqual([]);
    } finally {
      await Promise.all([hr.context.close(), mgr.context.close(), sup.context.close()]);
    }
  }, 180_000);
});
