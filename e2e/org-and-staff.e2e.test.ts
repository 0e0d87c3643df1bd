import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/suite.ts';
import { choose, fieldError, fillDate, openPage, pickOption, pickTreeNode, screenshot, signIn, signInTo } from './support/browser.ts';
import { makeIdCard, withWrongCheck } from './support/id-card.ts';

// One run's unique names, so the test also passes against a database that already has data.
const RUN = String(Date.now()).slice(-6);
const UNIT = { code: `E2E${RUN}`, name: `测试支行${RUN}` };
const PERSON = { name: `测试员工${RUN.slice(-3)}`, birth: '1991-04-12', gender: 'female' as const };
const ID_CARD = makeIdCard(PERSON.birth, Number(RUN), PERSON.gender);
let staffId = 0;

browserSuite('org units and staff', ({ browser, baseUrl }) => {
  it('a system admin creates an org unit and finds it in the tree', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.admin');
      await page.getByTestId('menu-org-units').click();
      await page.getByTestId('org-tree').waitFor();
      await screenshot(page, 'org-units-tree');
      await page.getByTestId('org-new').click();
      await page.locator('#code').fill(UNIT.code);
      await page.locator('#name').fill(UNIT.name);
      await pickOption(page, 'kind', '支行/网点');
      await screenshot(page, 'org-unit-form');
      await page.getByTestId('org-form-submit').click();
      await expect.poll(() => page.getByTestId('org-detail-name').textContent()).toBe(UNIT.name);
      await page.getByTestId(`org-node-${UNIT.code}`).waitFor();
      await screenshot(page, 'org-unit-created');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a system admin adds a child unit and deletes it; a unit with staff cannot be deleted', async () => {
    const { context, page } = await openPage(browser(), baseUrl);
    try {
      await signInTo(page, 'bank.admin', '/org-units');
      await page.getByTestId(`org-node-${UNIT.code}`).click();
      await page.getByTestId('org-add-child').click();
      await page.locator('#code').fill(`${UNIT.code}X`);
      await page.locator('#name').fill(`${UNIT.name}临时`);
      await page.getByTestId('org-form-submit').click();
      await expect.poll(() => page.getByTestId('org-detail-name').textContent()).toBe(`${UNIT.name}临时`);
      await page.getByTestId('org-delete').click();
      await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
      await page.waitForURL(/\/org-units$/);
      await page.getByTestId(`org-node-${UNIT.code}X`).waitFor({ state: 'detached' });

      // 人民路支行 has staff: the server refuses with 409 and the message says why.
      await page.getByTestId('org-tree').getByText('人民路支行').click();
      await page.getByTestId('org-delete').click();
      await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
      await page.locator('.ant-message-error').waitFor();
      await screenshot(page, 'org-unit-delete-refused', { fullPage: false });
    } finally {
      await context.close();
    }
  });

  it('HR gets a field error in Chinese for a wrong ID check digit, and keeps the input', async () => {
    const { context, page } = await openPage(browser(), baseUrl);
    try {
      await signInTo(page, 'bank.hr', '/staff/new');
      const bad = withWrongCheck(ID_CARD);
      await page.locator('#name').fill('校验测试');
      await page.locator('#idCardNo').fill(bad);
      await page.locator('#phone').fill('12345');
      await page.getByTestId('staff-submit').click();
      await expect.poll(() => fieldError(page, 'idCardNo').textContent()).toBe('身份证号校验码不正确');
      expect(await fieldError(page, 'phone').textContent()).toBe('请输入11位手机号码');
      expect(await page.locator('#idCardNo').inputValue()).toBe(bad);
      expect(await page.locator('#name').inputValue()).toBe('校验测试');
      await screenshot(page, 'staff-form-field-errors');
    } finally {
      await context.close();
    }
  });

  it('HR creates a staff member in the new unit and finds them in the list; a duplicate ID is refused on the field', async () => {
    const { context, page, errors } = await openPage(browser(), baseUrl);
    try {
      await signIn(page, 'bank.hr');
      await page.getByTestId('menu-staff').click();
      await page.getByTestId('staff-table').waitFor();
      await screenshot(page, 'staff-list');
      await page.getByTestId('staff-new').click();
      await page.locator('#name').fill(PERSON.name);
      await page.locator('#idCardNo').fill(ID_CARD);
      await page.locator('#phone').fill(`139${RUN}01`);
      await pickOption(page, 'education', '本科');
      await pickTreeNode(page, 'orgUnitId', UNIT.name);
      await fillDate(page, 'hireDate', '2020-05-01');
      await pickOption(page, 'position', '客户经理');
      await pickOption(page, 'category', '市场经理');
      // Birth date and gender come from the ID number when left empty.
      await fillDate(page, 'birthDate', PERSON.birth);
      await formRadio(page, '女');
      await page.getByTestId('staff-submit').click();
      await page.waitForURL(/\/staff\/\d+$/);
      staffId = Number(new URL(page.url()).pathname.split('/').pop());
      await expect.poll(() => page.getByTestId('staff-detail-name').textContent()).toBe(PERSON.name);
      await page.getByTestId('staff-history').waitFor();
      await screenshot(page, 'staff-detail');

      await page.goto(`/staff?q=${encodeURIComponent(PERSON.name)}`);
      await page.getByTestId(`staff-link-${staffId}`).waitFor();
      expect(await page.getByTestId('staff-table').textContent()).toContain(UNIT.name);
      await screenshot(page, 'staff-list-search');

      // The same ID number again: the server answers 409 naming idCardNo; the form shows it there.
      await page.goto('/staff/new');
      await page.locator('#name').fill(`${PERSON.name}二`);
      await page.locator('#idCardNo').fill(ID_CARD);
      await page.locator('#phone').fill(`138${RUN}02`);
      await pickOption(page, 'education', '大专');
      await pickTreeNode(page, 'orgUnitId', UNIT.name);
      await fillDate(page, 'birthDate', PERSON.birth);
      await formRadio(page, '女');
      await fillDate(page, 'hireDate', '2021-06-01');
      await pickOption(page, 'position', '座席员');
      await pickOption(page, 'category', '服务类');
      await page.getByTestId('staff-submit').click();
      await fieldError(page, 'idCardNo').waitFor();
      expect(await page.locator('#idCardNo').inputValue()).toBe(ID_CARD);
      await screenshot(page, 'staff-form-duplicate-id');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('HR filters the list by status and by unit, and the filters live in the address', async () => {
    const { context, page } = await openPage(browser(), baseUrl);
    try {
      await signInTo(page, 'bank.hr', '/staff');
      await page.getByTestId('staff-table').locator('tbody tr.ant-table-row').first().waitFor();
      await choose(page, page.getByTestId('staff-filter-status'), '离职');
      await page.waitForURL(/status=left/);
      await expect.poll(async () => {
        const tags = await page.getByTestId('staff-table').locator('tbody tr.ant-table-row .ant-tag').allTextContents();
        return tags.length > 0 && tags.every((t) => t === '离职');
      }).toBe(true);

      await page.goto('/staff');
      await page.getByTestId('staff-filter-unit').click();
      await page.getByTestId('staff-filter-unit').locator('input').fill(UNIT.name);
      await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: UNIT.name }).first().click();
      await page.waitForURL(/orgUnitId=\d+/);
      await expect.poll(() => page.getByTestId('staff-table').locator('tbody tr.ant-table-row').count()).toBe(1);
      expect(await page.getByTestId('staff-table').textContent()).toContain(PERSON.name);
      await screenshot(page, 'staff-list-filtered-by-unit');
    } finally {
      await context.close();
    }
  });

  it('a deep link to /staff/<id> works after a reload', async () => {
    expect(staffId).toBeGreaterThan(0);
    const { context, page } = await openPage(browser(), baseUrl);
    try {
      await signInTo(page, 'bank.hr', `/staff/${staffId}`);
      await page.reload();
      await expect.poll(() => page.getByTestId('staff-detail-name').textContent()).toBe(PERSON.name);
      // Signed out, the same link goes through sign-in and lands back on the record.
      const fresh = await openPage(browser(), baseUrl);
      try {
        await fresh.page.goto(`/staff/${staffId}`);
        await fresh.page.waitForURL(/\/sign-in\?next=/);
        await fresh.page.getByTestId('login').fill('bank.hr');
        await fresh.page.getByTestId('password').fill('kehu2026');
        await fresh.page.getByTestId('sign-in-submit').click();
        await fresh.page.waitForURL(new RegExp(`/staff/${staffId}$`));
        await expect.poll(() => fresh.page.getByTestId('staff-detail-name').textContent()).toBe(PERSON.name);
      } finally {
        await fresh.context.close();
      }
    } finally {
      await context.close();
    }
  });

  it('HR edits the record; a second, stale edit is refused with the input kept; history shows the change', async () => {
    expect(staffId).toBeGreaterThan(0);
    const first = await openPage(browser(), baseUrl);
    const second = await openPage(browser(), baseUrl);
    try {
      // Both open the same version of the record.
      await signInTo(first.page, 'bank.hr', `/staff/${staffId}/edit`);
      await signInTo(second.page, 'bank.hr', `/staff/${staffId}/edit`);
      await first.page.locator('#phone').waitFor();
      await second.page.locator('#phone').waitFor();

      await pickOption(first.page, 'position', '大客户经理');
      await first.page.getByTestId('staff-submit').click();
      await first.page.waitForURL(new RegExp(`/staff/${staffId}$`));
      await first.page.getByTestId('staff-history').getByText('大客户经理').first().waitFor();
      await screenshot(first.page, 'staff-detail-history');

      await second.page.locator('#phone').fill('13912345678');
      await second.page.getByTestId('staff-submit').click();
      await expect.poll(() => second.page.getByTestId('staff-form-error').textContent()).toContain('已被他人修改');
      expect(await second.page.locator('#phone').inputValue()).toBe('13912345678');
      await screenshot(second.page, 'staff-form-stale-version');
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });
});

async function formRadio(page: Page, label: string): Promise<void> {
  await page.locator('#gender').getByText(label, { exact: true }).click();
}
