import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { browserSuite } from './support/suite.ts';
import { loanManagerStaffId, openPage, screenshot, signIn } from './support/browser.ts';

const LOAN_HEAD = ['借据号', '客户号', '贷款品种', '金额', '年利率', '发放日', '到期日', '担保方式', '管户经理编号'];
async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

browserSuite('loan import workbook', ({ browser, baseUrl }) => {
  it('a workbook with guarantors and instalments: a bad guarantor row is named by sheet and nothing loads; fixed, all three sheets load', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.supervisor');
      await page.getByTestId('menu-loans').click();
      await page.getByTestId('loans-table').waitFor();
      const staffId = await loanManagerStaffId(page, '李娜');
      const sheets = (guarantorKind: string) => ({
        贷款: [LOAN_HEAD, ['WB-001', 'C0001', '联保贷款', 30000, '0.065', '2026-01-05', '2027-01-05', '保证', staffId]],
        保证人: [['借据号', '保证人', '证件号码', '保证方式'], ['WB-001', '王保证', '110101198001010011', guarantorKind]],
        还款计划: [['借据号', '期次', '应还日', '应还本金'], ['WB-001', 1, '2026-07-05', 15000], ['WB-001', 2, '2027-01-05', 15000]],
      });
      await page.getByTestId('loan-import').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('input[type=file]').setInputFiles({ name: 'loans-bad.xlsx', mimeType: XLSX, buffer: await workbook(sheets('很强')) });
      const errs = page.getByTestId('loan-import-errors');
      await errs.waitFor();
      const errText = await errs.textContent();
      expect(errText).toContain('工作表');
      expect(errText).toContain('保证人');
      expect(errText).toContain('未知保证方式“很强”');
      expect(await page.getByTestId('loan-import-report').textContent()).toContain('未写入任何数据');
      await screenshot(page, 'credit-loan-import-workbook-errors');
      await dialog.locator('input[type=file]').setInputFiles({ name: 'loans-good.xlsx', mimeType: XLSX, buffer: await workbook(sheets('连带')) });
      await expect.poll(() => page.getByTestId('loan-import-report').textContent()).toContain('保证人新增 1 条，还款计划新增 2 期');
      await screenshot(page, 'credit-loan-import-workbook-ok');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
