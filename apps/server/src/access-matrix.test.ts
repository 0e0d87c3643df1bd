import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { presetSource, type Role } from '@kehu/domain';
import { call, createHarness, newStaff, signIn, type Harness, type Session } from './testing/test-app.ts';
import { businessDate as today } from '@kehu/domain/business-date';

/**
 * Every route × every role. The first test fails when a route is added without a row here,
 * so no endpoint ships without its access rule being written down and checked.
 */
const LOGINS: Record<Role, string> = { sysadmin: 'bank.admin', hr: 'bank.hr', supervisor: 'bank.supervisor', manager: 'bank.manager', agent: 'bank.agent' };
const ROLES = Object.keys(LOGINS) as Role[];

interface Ctx { h: Harness; s: Session; role: Role; ids: Record<string, number>; seq: () => number }
type Expect = Record<Role, number>;
const all = (n: number): Expect => ({ sysadmin: n, hr: n, supervisor: n, manager: n, agent: n });
const only = (allowed: Role[], ok: number, other = 403): Expect => Object.fromEntries(ROLES.map((r) => [r, allowed.includes(r) ? ok : other])) as Expect;

const ROUTES: Record<string, { expect: Expect; run: (c: Ctx) => Promise<number> }> = {
  // Credit ledger (issue 7): managers and supervisors work the loans in scope; HR reads only the figures.
  'GET /api/v1/loans': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/loans')).statusCode },
  'GET /api/v1/loans/:id': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/loans/${ids.ownLoan}`)).statusCode },
  'POST /api/v1/loans/:id/claim-events': { expect: only(['supervisor', 'manager'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/loans/${ids.ownLoan}/claim-events`, { kind: 'acknowledgement', eventDate: today(), evidence: '测试' })).statusCode },
  'POST /api/v1/guarantors/:id/actions': { expect: only(['supervisor', 'manager'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/guarantors/${ids.ownGuarantor}/actions`, { kind: 'demand_to_debtor', actionDate: today() })).statusCode },
  'POST /api/v1/loans/:id/demand-notices': { expect: only(['supervisor', 'manager'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/loans/${ids.ownLoan}/demand-notices`, {})).statusCode },
  'GET /api/v1/demand-notices/:id': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/demand-notices/${ids.ownNotice}`)).statusCode },
  'POST /api/v1/demand-notices/:id/sign': {
    expect: only(['supervisor', 'manager'], 200),
    run: async ({ h, s, ids }) => {
      const n = (await call(h.app, await signIn(h.app, 'bank.manager'), 'POST', `/api/v1/loans/${ids.ownLoan}/demand-notices`, {})).json<{ id: number }>();
      return (await call(h.app, s, 'POST', `/api/v1/demand-notices/${n.id}/sign`, { signedOn: today(), signedBy: '王大山' })).statusCode;
    },
  },
  'PUT /api/v1/loans/:id/npl-plan': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'PUT', `/api/v1/loans/${ids.nplLoan}/npl-plan`, { method: 'cash', targetFen: 8_000_000, targetDate: today() })).statusCode },
  'POST /api/v1/npl-plans/:id/actions': { expect: only(['supervisor', 'manager'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/npl-plans/${ids.nplPlan}/actions`, { actionDate: today(), action: '电话催收' })).statusCode },
  'GET /api/v1/credit/deadlines': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/credit/deadlines')).statusCode },
  'GET /api/v1/credit/warnings': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/credit/warnings')).statusCode },
  'POST /api/v1/credit/balances/import': { expect: only(['supervisor'], 200), run: async ({ h, s }) => (await call(h.app, s, 'POST', '/api/v1/credit/balances/import', '账户类型,账号,日期,余额\n贷款,L2026001,2026-01-01,100\n', { 'content-type': 'text/csv' })).statusCode },
  'GET /api/v1/credit/balances/average': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/credit/balances/average?loanNo=L2026001&from=2026-01-01&to=2026-01-31')).statusCode },
  'GET /api/v1/credit/villages': { expect: only(['supervisor'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/credit/villages')).statusCode },
  'POST /api/v1/credit/villages/rate': { expect: only(['supervisor'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', '/api/v1/credit/villages/rate', { orgUnitId: ids.CQ01, name: '青山村', households: 100, creditHouseholds: 80 })).statusCode },
  'POST /api/v1/credit/villages/:id/remove': {
    expect: only(['supervisor'], 200),
    run: async ({ h, s, ids, seq }) => {
      const v = (await call(h.app, await signIn(h.app, 'bank.supervisor'), 'POST', '/api/v1/credit/villages/rate', { orgUnitId: ids.CQ01, name: `测试村${seq()}`, households: 10, creditHouseholds: 8 })).json<{ id: number }>();
      return (await call(h.app, s, 'POST', `/api/v1/credit/villages/${v.id}/remove`, { reason: '年检不合格' })).statusCode;
    },
  },
  'GET /api/v1/foreclosed-assets': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/foreclosed-assets')).statusCode },
  'POST /api/v1/loans/:id/foreclosed-assets': { expect: only(['supervisor', 'manager'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/loans/${ids.nplLoan}/foreclosed-assets`, { description: '存货', receivedOn: today(), valuationFen: 100, disposalDeadline: today() })).statusCode },
  'POST /api/v1/foreclosed-assets/:id/dispose': {
    expect: only(['supervisor', 'manager'], 200),
    run: async ({ h, s, ids }) => {
      const a = (await call(h.app, await signIn(h.app, 'bank.manager'), 'POST', `/api/v1/loans/${ids.nplLoan}/foreclosed-assets`, { description: '存货', receivedOn: today(), valuationFen: 100, disposalDeadline: today() })).json<{ id: number }>();
      return (await call(h.app, s, 'POST', `/api/v1/foreclosed-assets/${a.id}/dispose`, { disposedOn: today(), proceedsFen: 90 })).statusCode;
    },
  },
  'GET /api/v1/credit/figures': { expect: only(['hr', 'supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/credit/figures')).statusCode },
  // Credit households: rated, re-checked and removed by the supervisor (credit.rate).
  'GET /api/v1/credit/households': { expect: only(['supervisor'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/credit/households')).statusCode },
  'POST /api/v1/credit/households/rate': { expect: only(['supervisor'], 200), run: async ({ h, s }) => (await call(h.app, s, 'POST', '/api/v1/credit/households/rate', { customerNo: 'C0001', score: 80 })).statusCode },
  'POST /api/v1/credit/households/:id/remove': {
    expect: only(['supervisor'], 200),
    run: async ({ h, s }) => {
      const hh = (await call(h.app, await signIn(h.app, 'bank.supervisor'), 'POST', '/api/v1/credit/households/rate', { customerNo: 'C0001', score: 80 })).json<{ id: number }>();
      return (await call(h.app, s, 'POST', `/api/v1/credit/households/${hh.id}/remove`, { reason: '复评不合格' })).statusCode;
    },
  },
  // Notifications: everyone has a bell; HR (and the admin) may run the alert generation on demand.
  'POST /api/v1/credit/alerts/generate': { expect: only(['sysadmin', 'hr'], 200), run: async ({ h, s }) => (await call(h.app, s, 'POST', '/api/v1/credit/alerts/generate')).statusCode },
  'GET /api/v1/notifications': { expect: all(200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/notifications')).statusCode },
  'POST /api/v1/notifications/:id/read': {
    expect: { ...all(404), supervisor: 200, manager: 200 },
    run: async ({ h, s }) => {
      await call(h.app, await signIn(h.app, 'bank.hr'), 'POST', '/api/v1/credit/alerts/generate');
      const mine = (await call(h.app, s, 'GET', '/api/v1/notifications')).json<{ items: { id: number }[] }>().items;
      return (await call(h.app, s, 'POST', `/api/v1/notifications/${mine[0]?.id ?? 999_999}/read`)).statusCode;
    },
  },
  'POST /api/v1/notifications/read-all': { expect: all(200), run: async ({ h, s }) => (await call(h.app, s, 'POST', '/api/v1/notifications/read-all')).statusCode },
  // Loans from a file or a form: the supervisor loads them; the same file twice is still a 200 (nothing added).
  'POST /api/v1/credit/loans/import': {
    expect: only(['supervisor'], 200),
    run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', '/api/v1/credit/loans/import', `借据号,客户号,贷款品种,金额,年利率,发放日,到期日,担保方式,管户经理编号\nACC-IMP-1,C0001,micro,1000,0.06,2026-01-01,2027-01-01,credit,${ids.own_manager}\n`, { 'content-type': 'text/csv' })).statusCode,
  },
  'POST /api/v1/loans': {
    expect: only(['supervisor'], 201),
    run: async ({ h, s, ids, seq }) => (await call(h.app, s, 'POST', '/api/v1/loans', { loanNo: `ACC-L${seq()}`, customerNo: 'C0001', product: 'micro', amount: '1000', annualRate: '0.06', startDate: '2026-01-01', maturityDate: '2027-01-01', guaranteeType: 'credit', managerStaffId: String(ids.own_manager) })).statusCode,
  },
  // High-risk ledger: managers and supervisors enter loans and record actions; only a supervisor closes an item.
  'GET /api/v1/credit/risk-items': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/credit/risk-items')).statusCode },
  'POST /api/v1/credit/risk-items': { expect: only(['supervisor', 'manager'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', '/api/v1/credit/risk-items', { loanId: ids.ownLoan, kind: 'concentration', description: '同一借款人贷款集中' })).statusCode },
  'POST /api/v1/credit/risk-items/:id/actions': {
    expect: only(['supervisor', 'manager'], 201),
    run: async ({ h, s, ids }) => {
      const r = (await call(h.app, await signIn(h.app, 'bank.manager'), 'POST', '/api/v1/credit/risk-items', { loanId: ids.ownLoan, kind: 'violation', description: '贷款用途与合同不符' })).json<{ id: number }>();
      return (await call(h.app, s, 'POST', `/api/v1/credit/risk-items/${r.id}/actions`, { actionDate: today(), action: '约谈借款人' })).statusCode;
    },
  },
  'POST /api/v1/credit/risk-items/:id/close': {
    expect: only(['supervisor'], 200),
    run: async ({ h, s, ids }) => {
      const m = await signIn(h.app, 'bank.manager');
      const r = (await call(h.app, m, 'POST', '/api/v1/credit/risk-items', { loanId: ids.ownLoan, kind: 'related_guarantee', description: '关联企业互保' })).json<{ id: number }>();
      await call(h.app, m, 'POST', `/api/v1/credit/risk-items/${r.id}/actions`, { actionDate: today(), action: '追加抵押' });
      return (await call(h.app, s, 'POST', `/api/v1/credit/risk-items/${r.id}/close`, { note: '已追加抵押，风险缓释' })).statusCode;
    },
  },
  'GET /api/v1/auth/me': { expect: all(200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/auth/me')).statusCode },
  'POST /api/v1/auth/sign-in': { expect: all(200), run: async ({ h, role }) => { await signIn(h.app, LOGINS[role]); return 200; } },
  'POST /api/v1/auth/sign-out': { expect: all(200), run: async ({ h, role }) => (await call(h.app, await signIn(h.app, LOGINS[role]), 'POST', '/api/v1/auth/sign-out', {})).statusCode },
  'PUT /api/v1/auth/locale': { expect: all(200), run: async ({ h, s }) => (await call(h.app, s, 'PUT', '/api/v1/auth/locale', { locale: 'zh-CN' })).statusCode },
  'GET /api/v1/org-units': { expect: only(['sysadmin', 'hr', 'supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/org-units')).statusCode },
  'GET /api/v1/org-units/:id': { expect: only(['sysadmin', 'hr', 'supervisor', 'manager'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/org-units/${ids.CQ01}`)).statusCode },
  'POST /api/v1/org-units': { expect: only(['sysadmin'], 201), run: async ({ h, s, ids, seq }) => (await call(h.app, s, 'POST', '/api/v1/org-units', { parentId: ids.CQ, code: `T${seq()}`, name: '测试网点', kind: 'sub_branch' })).statusCode },
  'PATCH /api/v1/org-units/:id': { expect: only(['sysadmin'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'PATCH', `/api/v1/org-units/${ids.CQ02}`, { name: '解放路支行' })).statusCode },
  'DELETE /api/v1/org-units/:id': {
    expect: only(['sysadmin'], 200),
    run: async ({ h, ids, seq, s }) => {
      const admin = await signIn(h.app, 'bank.admin');
      const u = (await call(h.app, admin, 'POST', '/api/v1/org-units', { parentId: ids.CQ, code: `D${seq()}`, name: '待删除', kind: 'sub_branch' })).json<{ id: number }>();
      return (await call(h.app, s, 'DELETE', `/api/v1/org-units/${u.id}`)).statusCode;
    },
  },
  'GET /api/v1/staff': { expect: all(200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/staff')).statusCode },
  'GET /api/v1/staff/export.xlsx': { expect: only(['hr', 'supervisor'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/staff/export.xlsx')).statusCode },
  'GET /api/v1/staff/import-template.xlsx': { expect: only(['hr'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/staff/import-template.xlsx')).statusCode },
  'POST /api/v1/staff/import': {
    // A file that is not a workbook: HR gets the import report (422), others are refused first.
    expect: only(['hr'], 422),
    run: async ({ h, s }) => (await call(h.app, s, 'POST', '/api/v1/staff/import', Buffer.from('not a workbook'), { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).statusCode,
  },
  'GET /api/v1/staff/:id': { expect: all(200), run: async ({ h, s, ids, role }) => (await call(h.app, s, 'GET', `/api/v1/staff/${ids[`own_${role}`] ?? ids.own_manager}`)).statusCode },
  'GET /api/v1/staff/:id/history': { expect: all(200), run: async ({ h, s, ids, role }) => (await call(h.app, s, 'GET', `/api/v1/staff/${ids[`own_${role}`] ?? ids.own_manager}/history`)).statusCode },
  'POST /api/v1/staff': { expect: only(['hr'], 201), run: async ({ h, s, ids, seq }) => (await call(h.app, s, 'POST', '/api/v1/staff', newStaff(ids.CQ01!, 100 + seq()))).statusCode },
  'PATCH /api/v1/staff/:id': {
    expect: only(['hr'], 200),
    run: async ({ h, s, ids }) => {
      const hr = await signIn(h.app, 'bank.hr');
      const cur = (await call(h.app, hr, 'GET', `/api/v1/staff/${ids.own_manager}`)).json<{ version: number }>();
      return (await call(h.app, s, 'PATCH', `/api/v1/staff/${ids.own_manager}`, { version: cur.version, education: 'bachelor' })).statusCode;
    },
  },
  'GET /api/v1/audit': { expect: only(['sysadmin', 'hr'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/audit')).statusCode },
  'GET /api/v1/users': { expect: only(['sysadmin'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/users')).statusCode },
  'POST /api/v1/users': { expect: only(['sysadmin'], 201), run: async ({ h, s, seq }) => (await call(h.app, s, 'POST', '/api/v1/users', { login: `u${seq()}.test`, displayName: '测试', role: 'manager', orgUnitId: null, staffId: null, password: 'abcd1234' })).statusCode },
  'PATCH /api/v1/users/:id': { expect: only(['sysadmin'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'PATCH', `/api/v1/users/${ids.user_agent}`, { displayName: '赵小军' })).statusCode },
  // Customer portfolios and field work (issue 6).
  'GET /api/v1/customers': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/customers')).statusCode },
  'GET /api/v1/customers/export.xlsx': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/customers/export.xlsx')).statusCode },
  'GET /api/v1/customers/import-template.xlsx': { expect: only(['supervisor'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/customers/import-template.xlsx')).statusCode },
  'POST /api/v1/customers/import': {
    expect: only(['supervisor'], 422),
    run: async ({ h, s }) => (await call(h.app, s, 'POST', '/api/v1/customers/import', Buffer.from('not a workbook'), { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).statusCode,
  },
  'GET /api/v1/customers/:id': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/customers/${ids.C0001}`)).statusCode },
  'GET /api/v1/customers/:id/history': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/customers/${ids.C0001}/history`)).statusCode },
  'GET /api/v1/customers/:id/assignments': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/customers/${ids.C0001}/assignments`)).statusCode },
  'PUT /api/v1/customers/:id/assignments': {
    expect: only(['supervisor'], 200),
    run: async ({ h, s, ids }) => (await call(h.app, s, 'PUT', `/api/v1/customers/${ids.C0005}/assignments`, { effectiveDate: today(), items: [{ staffId: ids.own_manager, role: 'manage', share: '100' }] })).statusCode,
  },
  'POST /api/v1/customers': {
    expect: only(['supervisor'], 201),
    run: async ({ h, s, ids, seq }) => (await call(h.app, s, 'POST', '/api/v1/customers', { orgUnitId: ids.CQ01, customerNo: `T${seq()}`, name: '测试客户', kind: 'resident', segment: 'retail', idNo: '430102199001011234' })).statusCode,
  },
  'PATCH /api/v1/customers/:id': {
    expect: only(['supervisor', 'manager'], 200),
    run: async ({ h, s, ids }) => {
      const sup = await signIn(h.app, 'bank.supervisor');
      const cur = (await call(h.app, sup, 'GET', `/api/v1/customers/${ids.C0005}`)).json<{ version: number }>();
      return (await call(h.app, s, 'PATCH', `/api/v1/customers/${ids.C0005}`, { version: cur.version, address: '人民路 8 号' })).statusCode;
    },
  },
  'GET /api/v1/territories': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/territories')).statusCode },
  'POST /api/v1/territories': { expect: only(['sysadmin', 'supervisor'], 201), run: async ({ h, s, ids, seq }) => (await call(h.app, s, 'POST', '/api/v1/territories', { orgUnitId: ids.CQ01, code: `TT${seq()}`, name: '测试片区' })).statusCode },
  'GET /api/v1/customers/:id/contacts': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/customers/${ids.C0007}/contacts`)).statusCode },
  'POST /api/v1/customers/:id/contacts': { expect: only(['supervisor', 'manager'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/customers/${ids.C0007}/contacts`, { contactDate: today(), contactPerson: '张厂长', channel: 'phone', content: '电话回访' })).statusCode },
  // A contact entry is corrected or deleted by its author (the manager here) or HR.
  'PUT /api/v1/customers/:id/contacts/:contactId': {
    expect: only(['hr', 'manager'], 200),
    run: async ({ h, s, ids }) => {
      const body = { contactDate: today(), contactPerson: '李主任', channel: 'phone', content: '电话回访' };
      const log = (await call(h.app, await signIn(h.app, 'bank.manager'), 'POST', `/api/v1/customers/${ids.C0007}/contacts`, body)).json<{ items: { id: number }[] }>();
      return (await call(h.app, s, 'PUT', `/api/v1/customers/${ids.C0007}/contacts/${log.items[0]!.id}`, { ...body, content: '电话回访（更正）' })).statusCode;
    },
  },
  'DELETE /api/v1/customers/:id/contacts/:contactId': {
    expect: only(['hr', 'manager'], 204),
    run: async ({ h, s, ids }) => {
      const body = { contactDate: today(), contactPerson: '李主任', channel: 'phone', content: '待删记录' };
      const log = (await call(h.app, await signIn(h.app, 'bank.manager'), 'POST', `/api/v1/customers/${ids.C0007}/contacts`, body)).json<{ items: { id: number }[] }>();
      return (await call(h.app, s, 'DELETE', `/api/v1/customers/${ids.C0007}/contacts/${log.items[0]!.id}`)).statusCode;
    },
  },
  'PATCH /api/v1/territories/:id': {
    expect: only(['sysadmin', 'supervisor'], 200),
    run: async ({ h, s, ids, seq }) => {
      const t = (await call(h.app, await signIn(h.app, 'bank.supervisor'), 'POST', '/api/v1/territories', { orgUnitId: ids.CQ, code: `TP${seq()}`, name: '待改名片区' })).json<{ id: number }>();
      return (await call(h.app, s, 'PATCH', `/api/v1/territories/${t.id}`, { name: '改名片区' })).statusCode;
    },
  },
  'POST /api/v1/territories/:id/customers': {
    expect: only(['supervisor'], 200),
    run: async ({ h, s, ids, seq }) => {
      const t = (await call(h.app, await signIn(h.app, 'bank.supervisor'), 'POST', '/api/v1/territories', { orgUnitId: ids.CQ, code: `TC${seq()}`, name: '划入片区' })).json<{ id: number }>();
      return (await call(h.app, s, 'POST', `/api/v1/territories/${t.id}/customers`, { customerIds: [ids.C0003] })).statusCode;
    },
  },
  'POST /api/v1/territories/:id/customers/remove': {
    expect: only(['supervisor'], 200),
    run: async ({ h, s, ids, seq }) => {
      const sup = await signIn(h.app, 'bank.supervisor');
      const t = (await call(h.app, sup, 'POST', '/api/v1/territories', { orgUnitId: ids.CQ, code: `TR${seq()}`, name: '移出片区' })).json<{ id: number }>();
      await call(h.app, sup, 'POST', `/api/v1/territories/${t.id}/customers`, { customerIds: [ids.C0003] });
      return (await call(h.app, s, 'POST', `/api/v1/territories/${t.id}/customers/remove`, { customerIds: [ids.C0003] })).statusCode;
    },
  },
  'DELETE /api/v1/territories/:id': {
    expect: only(['sysadmin', 'supervisor'], 204),
    run: async ({ h, s, ids, seq }) => {
      const t = (await call(h.app, await signIn(h.app, 'bank.supervisor'), 'POST', '/api/v1/territories', { orgUnitId: ids.CQ, code: `TD${seq()}`, name: '待删片区' })).json<{ id: number }>();
      return (await call(h.app, s, 'DELETE', `/api/v1/territories/${t.id}?customers=0`)).statusCode;
    },
  },
  // HR sets the portfolio policy; those who work customers read it. A far-future date keeps today's rules for the other rows.
  'GET /api/v1/portfolio-policy': { expect: only(['hr', 'supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/portfolio-policy')).statusCode },
  'PUT /api/v1/portfolio-policy': { expect: only(['hr'], 200), run: async ({ h, s }) => (await call(h.app, s, 'PUT', '/api/v1/portfolio-policy', { presetId: 'rural-credit', validFrom: '2099-01-01' })).statusCode },
  'GET /api/v1/retention': { expect: only(['hr', 'supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', `/api/v1/retention?firstFrom=2026-01-01&firstTo=2026-06-30&secondFrom=2026-07-01&secondTo=${today()}`)).statusCode },
  'GET /api/v1/big-customers': { expect: only(['supervisor'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/big-customers')).statusCode },
  'POST /api/v1/big-customers/apply': { expect: only(['supervisor'], 200), run: async ({ h, s }) => (await call(h.app, s, 'POST', '/api/v1/big-customers/apply', {})).statusCode },
  'GET /api/v1/staffing': { expect: only(['hr', 'supervisor'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/staffing')).statusCode },
  'GET /api/v1/assignment-requests': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/assignment-requests')).statusCode },
  'GET /api/v1/assignment-requests/colleagues': { expect: only(['manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/assignment-requests/colleagues')).statusCode },
  'GET /api/v1/assignment-requests/:id': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/assignment-requests/${ids.request}`)).statusCode },
  'POST /api/v1/assignment-requests': { expect: only(['manager'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', '/api/v1/assignment-requests', { kind: 'claim', customerId: ids.C0012, effectiveDate: today() })).statusCode },
  'POST /api/v1/assignment-requests/:id/decision': { expect: only(['supervisor'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/assignment-requests/${ids.seededRequest}/decision`, { decision: 'reject', note: '暂不移交' })).statusCode },
  'POST /api/v1/handovers': { expect: only(['supervisor'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', '/api/v1/handovers', { fromStaffId: ids.wulei, toStaffId: ids.zhoumin, effectiveDate: today() })).statusCode },
  'GET /api/v1/visits': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/visits')).statusCode },
  'POST /api/v1/visits': { expect: only(['supervisor', 'manager'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', '/api/v1/visits', { customerId: ids.C0003, visitDate: today(), purpose: '走访' })).statusCode },
  'GET /api/v1/visits/:id/photo': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/visits/${ids.photoVisit}/photo`)).statusCode },
  'GET /api/v1/today': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/today')).statusCode },
  'GET /api/v1/visit-compliance': { expect: only(['hr', 'supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/visit-compliance')).statusCode },
  'GET /api/v1/complaints': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/complaints')).statusCode },
  'GET /api/v1/complaints/stats': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', `/api/v1/complaints/stats?from=2026-01-01&to=${today()}`)).statusCode },
  'GET /api/v1/complaints/:id': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/complaints/${ids.complaint}`)).statusCode },
  'POST /api/v1/complaints': { expect: only(['supervisor', 'manager'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', '/api/v1/complaints', { customerId: ids.C0003, source: 'phone', category: 'other', description: '测试', receivedDate: today() })).statusCode },
  'PATCH /api/v1/complaints/:id': { expect: only(['supervisor', 'manager'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'PATCH', `/api/v1/complaints/${ids.complaint}`, { status: 'in_progress' })).statusCode },
  'GET /api/v1/surveys': { expect: only(['hr', 'supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/surveys')).statusCode },
  'POST /api/v1/surveys': { expect: only(['hr'], 201), run: async ({ h, s }) => (await call(h.app, s, 'POST', '/api/v1/surveys', { title: '测试问卷', questions: [{ key: 'overall', text: '总体' }] })).statusCode },
  'POST /api/v1/surveys/:id/links': { expect: only(['supervisor', 'manager'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/surveys/${ids.survey}/links`, { customerId: ids.C0003 })).statusCode },
  'GET /api/v1/ratings': { expect: only(['hr', 'supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/ratings')).statusCode },
  'GET /api/v1/research-reports': { expect: only(['hr', 'supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/research-reports')).statusCode },
  'GET /api/v1/research-reports/:id': { expect: only(['hr', 'supervisor', 'manager'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/research-reports/${ids.ownReport}`)).statusCode },
  'POST /api/v1/research-reports': { expect: only(['supervisor', 'manager'], 201), run: async ({ h, s }) => (await call(h.app, s, 'POST', '/api/v1/research-reports', { period: '2026-H2', title: '调研', content: '内容' })).statusCode },
  'POST /api/v1/research-reports/:id/review': { expect: only(['supervisor'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/research-reports/${ids.otherReport}/review`, { decision: 'accept' })).statusCode },
  // Public: the link is the only key. Anyone (signed in or not) reads it; each answers a fresh link once.
  'GET /api/v1/public/surveys/:token': {
    expect: all(200),
    run: async ({ h, ids }) => {
      const mgr = await signIn(h.app, 'bank.manager');
      const link = (await call(h.app, mgr, 'POST', `/api/v1/surveys/${ids.survey}/links`, { customerId: ids.C0005 })).json<{ token: string }>();
      return (await h.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${link.token}` })).statusCode;
    },
  },
  'POST /api/v1/public/surveys/:token/answers': {
    expect: all(200),
    run: async ({ h, ids }) => {
      const mgr = await signIn(h.app, 'bank.manager');
      const link = (await call(h.app, mgr, 'POST', `/api/v1/surveys/${ids.survey}/links`, { customerId: ids.C0001 })).json<{ token: string }>();
      return (await h.app.inject({ method: 'POST', url: `/api/v1/public/surveys/${link.token}/answers`, payload: { answers: { attitude: 5, expertise: 5, timeliness: 4, overall: 5 } } })).statusCode;
    },
  },
  // Monthly pay settlement (issue 4): HR runs it, supervisors see and review their unit's, managers and agents their own.
  'GET /api/v1/pay/periods': { expect: only(['hr', 'supervisor'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/pay/periods')).statusCode },
  'POST /api/v1/pay/periods': { expect: only(['hr'], 201), run: async ({ h, s, seq }) => (await call(h.app, s, 'POST', '/api/v1/pay/periods', { period: `${2030 + seq()}-01` })).statusCode },
  'GET /api/v1/pay/plans': { expect: only(['hr'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/pay/plans')).statusCode },
  'POST /api/v1/pay/plans': { expect: only(['hr'], 201), run: async ({ h, s, seq }) => (await call(h.app, s, 'POST', '/api/v1/pay/plans', { code: `p${seq()}`, title: '测试方案', version: '1', presetId: 'spa-pay' })).statusCode },
  'POST /api/v1/pay/periods/:id/import-jobs': { expect: only(['hr'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/pay/periods/${ids.payPeriod2}/import-jobs`, { fileName: 'f.csv', size: 10 })).statusCode },
  'GET /api/v1/pay/import-jobs/:jobId': {
    expect: only(['hr'], 200),
    run: async ({ h, s, ids }) => {
      const j = await call(h.app, s, 'POST', `/api/v1/pay/periods/${ids.payPeriod2}/import-jobs`, { fileName: 'f.csv', size: 10 });
      const jobId = j.statusCode === 201 ? j.json<{ jobId: string }>().jobId : '00000000-0000-4000-8000-000000000000';
      return (await call(h.app, s, 'GET', `/api/v1/pay/import-jobs/${jobId}`)).statusCode;
    },
  },
  'PUT /api/v1/pay/plan-assignments/:id': {
    expect: only(['hr'], 200),
    run: async ({ h, s, ids, seq }) => {
      const body = { planId: ids.payPlan, position: `acc-${seq()}`, validFrom: '2031-01-01' };
      const a = (await call(h.app, await signIn(h.app, 'bank.hr'), 'POST', '/api/v1/pay/plan-assignments', body)).json<{ id: number }>();
      return (await call(h.app, s, 'PUT', `/api/v1/pay/plan-assignments/${a.id}`, { ...body, validTo: '2031-12-31' })).statusCode;
    },
  },
  'POST /api/v1/pay/plan-assignments/:id/end': {
    expect: only(['hr'], 200),
    run: async ({ h, s, ids, seq }) => {
      const a = (await call(h.app, await signIn(h.app, 'bank.hr'), 'POST', '/api/v1/pay/plan-assignments', { planId: ids.payPlan, position: `acc-${seq()}`, validFrom: '2031-01-01' })).json<{ id: number }>();
      return (await call(h.app, s, 'POST', `/api/v1/pay/plan-assignments/${a.id}/end`, { validTo: '2031-06-30' })).statusCode;
    },
  },
  'POST /api/v1/pay/plan-assignments': { expect: only(['hr'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', '/api/v1/pay/plan-assignments', { planId: ids.payPlan, position: 'other', validFrom: '2030-01-01' })).statusCode },
  'POST /api/v1/pay/periods/:id/facts/import': {
    expect: only(['hr'], 200),
    run: async ({ h, s, ids, seq }) => (await call(h.app, s, 'POST', `/api/v1/pay/periods/${ids.payPeriod2}/facts/import?fileName=m.csv`, `staffId,kind,date,quantity,note\n${ids.own_manager},target,2026-11-01,10,m${seq()}\n`, { 'content-type': 'text/csv' })).statusCode,
  },
  'POST /api/v1/pay/periods/:id/facts': { expect: only(['hr'], 200), run: async ({ h, s, ids, seq }) => (await call(h.app, s, 'POST', `/api/v1/pay/periods/${ids.payPeriod2}/facts`, { facts: [{ staffId: ids.own_manager, kind: 'target', date: '2026-11-01', quantity: 10, note: `f${seq()}` }] })).statusCode },
  'GET /api/v1/pay/periods/:id/facts/summary': { expect: only(['hr'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/pay/periods/${ids.payPeriod}/facts/summary`)).statusCode },
  'GET /api/v1/pay/periods/:id/fact-files': { expect: only(['hr'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/pay/periods/${ids.payPeriod}/fact-files`)).statusCode },
  'GET /api/v1/pay/periods/:id/facts': { expect: only(['hr'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/pay/periods/${ids.payPeriod}/facts`)).statusCode },
  // Each role voids a fact (a file) of its own, entered by HR just before.
  'POST /api/v1/pay/facts/:id/void': {
    expect: only(['hr'], 200),
    run: async ({ h, s, ids, seq }) => {
      const hr = await signIn(h.app, 'bank.hr');
      const quantity = 5000 + seq();
      await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.payPeriod2}/facts`, { facts: [{ staffId: ids.own_manager, kind: 'target', date: '2026-11-01', quantity }] });
      const facts = (await call(h.app, hr, 'GET', `/api/v1/pay/periods/${ids.payPeriod2}/facts?kind=target&pageSize=200`)).json<{ items: { id: number; quantity: number }[] }>().items;
      return (await call(h.app, s, 'POST', `/api/v1/pay/facts/${facts.find((f) => f.quantity === quantity)!.id}/void`, { reason: 'x' })).statusCode;
    },
  },
  'POST /api/v1/pay/fact-files/:id/void': {
    expect: only(['hr'], 200),
    run: async ({ h, s, ids, seq }) => {
      const hr = await signIn(h.app, 'bank.hr');
      await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.payPeriod2}/facts`, { facts: [{ staffId: ids.own_manager, kind: 'target', date: '2026-11-01', quantity: 7000 + seq() }] });
      const [newest] = (await call(h.app, hr, 'GET', `/api/v1/pay/periods/${ids.payPeriod2}/fact-files`)).json<{ items: { id: number }[] }>().items;
      return (await call(h.app, s, 'POST', `/api/v1/pay/fact-files/${newest!.id}/void`, { reason: 'x' })).statusCode;
    },
  },
  'GET /api/v1/pay/periods/:id/runs': { expect: only(['hr', 'supervisor'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/pay/periods/${ids.payPeriod}/runs`)).statusCode },
  'POST /api/v1/pay/periods/:id/runs': { expect: only(['hr'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/pay/periods/${ids.payPeriod2}/runs`)).statusCode },
  // Only a locked period is corrected; an open one answers 409 to HR.
  'POST /api/v1/pay/periods/:id/corrections': { expect: only(['hr'], 409), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/pay/periods/${ids.payPeriod}/corrections`)).statusCode },
  'POST /api/v1/pay/what-if': { expect: only(['hr'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', '/api/v1/pay/what-if', { periodId: ids.payPeriod, document: presetSource('spa-pay') })).statusCode },
  'GET /api/v1/pay/runs/:id': { expect: only(['hr', 'supervisor'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/pay/runs/${ids.payRun}`)).statusCode },
  'POST /api/v1/pay/runs/:id/transition': {
    expect: only(['hr', 'supervisor'], 200),
    run: async ({ h, s, ids }) => {
      const run = (await call(h.app, await signIn(h.app, 'bank.hr'), 'POST', `/api/v1/pay/periods/${ids.payPeriod2}/runs`)).json<{ id: number }>();
      return (await call(h.app, s, 'POST', `/api/v1/pay/runs/${run.id}/transition`, { action: 'review' })).statusCode;
    },
  },
  'GET /api/v1/pay/runs/:id/diff': { expect: only(['hr', 'supervisor'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/pay/runs/${ids.payRun}/diff`)).statusCode },
  'GET /api/v1/pay/runs/:id/slips': { expect: only(['hr', 'supervisor'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/pay/runs/${ids.payRun}/slips`)).statusCode },
  'GET /api/v1/pay/runs/:id/export.xlsx': { expect: only(['hr', 'supervisor'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/pay/runs/${ids.payRun}/export.xlsx`)).statusCode },
  'GET /api/v1/pay/slips/mine': { expect: only(['manager', 'agent'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/pay/slips/mine')).statusCode },
  // The manager's own slip: HR and the supervisor above reach it; the agent (own scope) does not.
  'GET /api/v1/pay/slips/:id': { expect: { sysadmin: 403, hr: 200, supervisor: 200, manager: 200, agent: 404 }, run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/pay/slips/${ids.slipOwn}`)).statusCode },
  'GET /api/v1/pay/slips/:id/facts': { expect: { sysadmin: 403, hr: 200, supervisor: 200, manager: 200, agent: 404 }, run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/pay/slips/${ids.slipOwn}/facts`)).statusCode },
  'GET /api/v1/pay/disputes': { expect: { ...only(['hr', 'supervisor', 'manager', 'agent'], 200) }, run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/pay/disputes')).statusCode },
  'POST /api/v1/pay/disputes': { expect: { ...only(['manager'], 201), agent: 404 }, run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', '/api/v1/pay/disputes', { lineId: ids.lineOwn2, comment: '核对' })).statusCode },
  'POST /api/v1/pay/disputes/:id/answer': {
    expect: only(['hr'], 200),
    run: async ({ h, s, ids }) => {
      const mgr = await signIn(h.app, 'bank.manager');
      const open = (await call(h.app, mgr, 'GET', '/api/v1/pay/disputes')).json<{ items: { id: number; status: string; lineId: number }[] }>().items.find((d) => d.status === 'open' && d.lineId === ids.lineOwn);
      const id = open?.id ?? (await call(h.app, mgr, 'POST', '/api/v1/pay/disputes', { lineId: ids.lineOwn, comment: '订房少算' })).json<{ id: number }>().id;
      return (await call(h.app, s, 'POST', `/api/v1/pay/disputes/${id}/answer`, { accept: false, answer: '已核实无误' })).statusCode;
    },
  },
  // Evaluation, grades and competitions (issue 5). HR sets up, calibrates and publishes; the supervisor one level up drafts;
  // the person reads their own, rates, acknowledges and appeals; the first evaluator never answers the appeal.
  'GET /api/v1/eval/scorecards': { expect: only(['hr'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/eval/scorecards')).statusCode },
  'GET /api/v1/eval/cycles': { expect: only(['hr', 'supervisor'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/eval/cycles')).statusCode },
  'POST /api/v1/eval/cycles': { expect: only(['hr'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', '/api/v1/eval/cycles', { name: '月度考核', periodKind: 'month', startsOn: '2026-11-01', endsOn: '2026-11-30', scorecardId: 'tobacco-evaluation', orgUnitId: ids.CQ01 })).statusCode },
  'GET /api/v1/eval/cycles/:id': { expect: only(['hr', 'supervisor'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/eval/cycles/${ids.q3Cycle}`)).statusCode },
  // The seeded third quarter is published: HR reaches the rule and gets 409.
  'POST /api/v1/eval/cycles/:id/calibrate': { expect: only(['hr'], 409), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/eval/cycles/${ids.q3Cycle}/calibrate`, { changes: [] })).statusCode },
  'POST /api/v1/eval/cycles/:id/publish': { expect: only(['hr'], 409), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/eval/cycles/${ids.q3Cycle}/publish`)).statusCode },
  'GET /api/v1/eval/tasks': { expect: only(['hr', 'supervisor', 'manager'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/eval/tasks')).statusCode },
  // The manager's own self-rating: only she answers it.
  'POST /api/v1/eval/ratings/:id': { expect: { sysadmin: 403, hr: 404, supervisor: 404, manager: 200, agent: 403 }, run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/eval/ratings/${ids.selfRating}`, { scores: { communication: 80 } })).statusCode },
  'GET /api/v1/eval/results/mine': { expect: only(['manager', 'agent'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/eval/results/mine')).statusCode },
  'GET /api/v1/eval/results/:id': { expect: { sysadmin: 403, hr: 200, supervisor: 200, manager: 200, agent: 404 }, run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/eval/results/${ids.q3Own}`)).statusCode },
  'POST /api/v1/eval/results/:id/draft': {
    expect: only(['supervisor'], 200),
    run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/eval/results/${ids.openResult}/draft`, await evalDraftBody(h, await signIn(h.app, 'bank.supervisor'), ids.openResult!))).statusCode,
  },
  'POST /api/v1/eval/results/:id/review': {
    // The drafter (the supervisor) may not review his own draft; HR, one level up, does.
    expect: only(['hr'], 200),
    run: async ({ h, s, ids }) => {
      const sup = await signIn(h.app, 'bank.supervisor');
      const rid = await evalFreshResult(h, ids, '张伟');
      await call(h.app, sup, 'POST', `/api/v1/eval/results/${rid}/draft`, await evalDraftBody(h, sup, rid));
      return (await call(h.app, s, 'POST', `/api/v1/eval/results/${rid}/review`, {})).statusCode;
    },
  },
  'POST /api/v1/eval/results/:id/acknowledge': { expect: { ...only(['manager'], 200), agent: 404 }, run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/eval/results/${ids.pubAck}/acknowledge`)).statusCode },
  'POST /api/v1/eval/results/:id/appeal': { expect: { ...only(['manager'], 200), agent: 404 }, run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/eval/results/${ids.pubAppeal}/appeal`, { reason: '新增客户漏计' })).statusCode },
  'GET /api/v1/eval/appeals': { expect: only(['hr', 'supervisor'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/eval/appeals')).statusCode },
  'POST /api/v1/eval/appeals/:id/answer': { expect: only(['hr'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/eval/appeals/${ids.openAppeal}/answer`, { accept: false, answer: '维持原结果' })).statusCode },
  'GET /api/v1/conduct': { expect: only(['hr', 'supervisor', 'manager', 'agent'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/conduct')).statusCode },
  'POST /api/v1/conduct': { expect: only(['hr', 'supervisor'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', '/api/v1/conduct', { staffId: ids.zhangwei, occurredOn: today(), kind: 'reward', clause: '表扬', points: 1 })).statusCode },
  'GET /api/v1/grades/mine': { expect: only(['hr', 'supervisor', 'manager', 'agent'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/grades/mine')).statusCode },
  'GET /api/v1/grades/staff/:id': { expect: { sysadmin: 403, hr: 200, supervisor: 200, manager: 200, agent: 404 }, run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/grades/staff/${ids.own_manager}`)).statusCode },
  'POST /api/v1/grades/staff/:id': { expect: only(['hr'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/grades/staff/${ids.zhangwei}`, { ladderId: 'bank-2005', grade: 'manager-1', effectiveOn: today(), reason: '复核定级' })).statusCode },
  'GET /api/v1/grades/proposals': { expect: only(['hr'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/grades/proposals')).statusCode },
  'POST /api/v1/grades/proposals/:id/decide': { expect: only(['hr'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/grades/proposals/${ids.proposal}/decide`, { grade: 'manager-3', reason: '考核优秀' })).statusCode },
  'POST /api/v1/qualifications': { expect: only(['hr'], 201), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', '/api/v1/qualifications', { staffId: ids.zhangwei, kind: 'exam', name: '业务知识考试', score: 80, passed: true, takenOn: today() })).statusCode },
  'GET /api/v1/competitions': { expect: only(['hr'], 200), run: async ({ h, s }) => (await call(h.app, s, 'GET', '/api/v1/competitions')).statusCode },
  'POST /api/v1/competitions': { expect: only(['hr'], 201), run: async ({ h, s }) => (await call(h.app, s, 'POST', '/api/v1/competitions', { title: '竞聘', ladderId: 'bank-2005', grade: 'assistant-1', heldOn: today(), rules: {} })).statusCode },
  'GET /api/v1/competitions/:id': { expect: only(['hr'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'GET', `/api/v1/competitions/${ids.competition}`)).statusCode },
  'POST /api/v1/competitions/:id/applicants': { expect: only(['hr'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/competitions/${ids.competition}/applicants`, { staffId: ids.zhangwei, examScore: 70, characterReview: 'pass' })).statusCode },
  'POST /api/v1/competitions/applicants/:id/action': { expect: only(['hr'], 200), run: async ({ h, s, ids }) => (await call(h.app, s, 'POST', `/api/v1/competitions/applicants/${ids.applicant}/action`, { action: 'appoint' })).statusCode },
};

/** A fresh one-unit cycle (人民路支行) and the result id of one person in it. */
async function evalFreshResult(h: Harness, ids: Record<string, number>, name: string): Promise<number> {
  const hr = await signIn(h.app, 'bank.hr');
  const c = (await call(h.app, hr, 'POST', '/api/v1/eval/cycles', { name: '测试周期', periodKind: 'month', startsOn: '2026-11-01', endsOn: '2026-11-30', scorecardId: 'tobacco-evaluation', orgUnitId: ids.CQ01 })).json<{ id: number }>();
  const d = (await call(h.app, hr, 'GET', `/api/v1/eval/cycles/${c.id}`)).json<{ rows: { resultId: number; name: string }[] }>();
  return d.rows.find((r) => r.name === name)!.resultId;
}

/** A complete draft: every input Kehu did not fill is entered (the policy engine refuses a half-filled scorecard). */
async function evalDraftBody(h: Harness, sup: Session, resultId: number) {
  const r = (await call(h.app, sup, 'GET', `/api/v1/eval/results/${resultId}`)).json<{ inputs: { key: string; fill: string }[]; figures: Record<string, unknown> }>();
  const entered = Object.fromEntries(r.inputs.filter((i) => i.fill === 'entered' || ((i.fill === 'figure' || i.fill === 'survey') && !r.figures[i.key])).map((i) => [i.key, { value: 80 }]));
  return { entered, superiorScores: { communication: 80, teamwork: 80, learning: 80 } };
}

/**
 * A published cycle: drafted by the supervisor, reviewed, calibrated (李娜 to A if asked) and published by HR.
 * With 李娜 at A it runs on 城区分行: eight people, and the A band's 20 % rounds down to one place.
 */
async function evalPublishedCycle(h: Harness, ids: Record<string, number>, liNaA = false): Promise<{ id: number; rows: { resultId: number; name: string }[] }> {
  const hr = await signIn(h.app, 'bank.hr');
  const sup = await signIn(h.app, 'bank.supervisor');
  const c = (await call(h.app, hr, 'POST', '/api/v1/eval/cycles', { name: '已发布周期', periodKind: 'month', startsOn: '2026-10-01', endsOn: '2026-10-31', scorecardId: 'tobacco-evaluation', orgUnitId: liNaA ? ids.CQ : ids.CQ01 })).json<{ id: number }>();
  const rows = (await call(h.app, hr, 'GET', `/api/v1/eval/cycles/${c.id}`)).json<{ rows: { resultId: number; name: string }[] }>().rows;
  for (const r of rows) {
    await call(h.app, sup, 'POST', `/api/v1/eval/results/${r.resultId}/draft`, await evalDraftBody(h, sup, r.resultId));
    await call(h.app, hr, 'POST', `/api/v1/eval/results/${r.resultId}/review`, {});
  }
  const li = rows.find((r) => r.name === '李娜')!;
  await call(h.app, hr, 'POST', `/api/v1/eval/cycles/${c.id}/calibrate`, { changes: liNaA ? [{ resultId: li.resultId, band: 'A', reason: '营销竞赛第一' }] : [] });
  await call(h.app, hr, 'POST', `/api/v1/eval/cycles/${c.id}/publish`);
  return { id: c.id, rows };
}

/** Records outside a role's scope: another unit's and another tenant's. 404 means "not yours", exactly like "missing". */
const SCOPE: { what: string; url: (ids: Record<string, number>) => string; expect: Expect }[] = [
  // Credit ledger: another manager's loan or notice is 404 to a manager; another branch's and another tenant's to everyone who may read loans.
  { what: 'loan of another manager, same sub-branch', url: (i) => `/api/v1/loans/${i.otherLoan}`, expect: { ...only(['supervisor'], 200), manager: 404 } },
  { what: 'demand notice on another manager’s loan', url: (i) => `/api/v1/demand-notices/${i.otherNotice}`, expect: { ...only(['supervisor'], 200), manager: 404 } },
  { what: 'loan in another branch', url: (i) => `/api/v1/loans/${i.branchLoan}`, expect: { ...only([], 403), supervisor: 404, manager: 404 } },
  { what: 'loan of another tenant', url: (i) => `/api/v1/loans/${i.spaLoan}`, expect: { ...only([], 403), supervisor: 404, manager: 404 } },
  { what: 'staff in own sub-branch', url: (i) => `/api/v1/staff/${i.zhangwei}`, expect: { sysadmin: 200, hr: 200, supervisor: 200, manager: 404, agent: 404 } },
  { what: 'staff in another branch', url: (i) => `/api/v1/staff/${i.mali}`, expect: { sysadmin: 200, hr: 200, supervisor: 404, manager: 404, agent: 404 } },
  { what: 'history of staff in another branch', url: (i) => `/api/v1/staff/${i.mali}/history`, expect: { sysadmin: 200, hr: 200, supervisor: 404, manager: 404, agent: 404 } },
  { what: 'staff of another tenant', url: (i) => `/api/v1/staff/${i.spaStaff}`, expect: all(404) },
  { what: 'unit in another branch', url: (i) => `/api/v1/org-units/${i.DB}`, expect: { sysadmin: 200, hr: 200, supervisor: 404, manager: 404, agent: 403 } },
  { what: 'unit of another tenant', url: (i) => `/api/v1/org-units/${i.spaUnit}`, expect: { sysadmin: 404, hr: 404, supervisor: 404, manager: 404, agent: 403 } },
  // A manager never reaches another manager's customer by changing an id; other branches and tenants answer 404 too.
  { what: 'customer of another manager, same sub-branch', url: (i) => `/api/v1/customers/${i.C0008}`, expect: { ...only(['supervisor'], 200), manager: 404 } },
  { what: 'assignments of another manager’s customer', url: (i) => `/api/v1/customers/${i.C0008}/assignments`, expect: { ...only(['supervisor'], 200), manager: 404 } },
  { what: 'history of another manager’s customer', url: (i) => `/api/v1/customers/${i.C0008}/history`, expect: { ...only(['supervisor'], 200), manager: 404 } },
  { what: 'visits of another manager’s customer', url: (i) => `/api/v1/visits?customerId=${i.C0008}`, expect: { ...only(['supervisor'], 200), manager: 404 } },
  { what: 'complaint about another manager', url: (i) => `/api/v1/complaints/${i.otherComplaint}`, expect: { ...only(['supervisor'], 200), manager: 404 } },
  { what: 'customer in another branch', url: (i) => `/api/v1/customers/${i.C0015}`, expect: { ...only([], 0), supervisor: 404, manager: 404 } },
  { what: 'customer of another tenant', url: (i) => `/api/v1/customers/${i.V001}`, expect: { ...only([], 0), supervisor: 404, manager: 404 } },
  { what: 'research report of another manager', url: (i) => `/api/v1/research-reports/${i.otherReport}`, expect: { ...only(['hr', 'supervisor'], 200), manager: 404 } },
  { what: 'request of other managers', url: (i) => `/api/v1/assignment-requests/${i.seededRequest}`, expect: { ...only(['supervisor'], 200), manager: 404 } },
  // A manager never reads another manager's pay slip by changing an id.
  { what: 'pay slip of another manager, same sub-branch', url: (i) => `/api/v1/pay/slips/${i.slipOther}`, expect: { sysadmin: 403, hr: 200, supervisor: 200, manager: 404, agent: 404 } },
  { what: 'facts behind another manager’s slip', url: (i) => `/api/v1/pay/slips/${i.slipOther}/facts`, expect: { sysadmin: 403, hr: 200, supervisor: 200, manager: 404, agent: 404 } },
  { what: 'pay slip in another branch', url: (i) => `/api/v1/pay/slips/${i.slipOtherBranch}`, expect: { sysadmin: 403, hr: 200, supervisor: 404, manager: 404, agent: 404 } },
  { what: 'pay slip of another tenant', url: (i) => `/api/v1/pay/slips/${i.spaSlip}`, expect: { sysadmin: 403, hr: 404, supervisor: 404, manager: 404, agent: 404 } },
  // Evaluation: another manager's result is 404 to a manager; another tenant's results and cycles to everyone.
  { what: 'evaluation result of another manager, same sub-branch', url: (i) => `/api/v1/eval/results/${i.q3Other}`, expect: { sysadmin: 403, hr: 200, supervisor: 200, manager: 404, agent: 404 } },
  { what: 'evaluation result of another tenant', url: (i) => `/api/v1/eval/results/${i.spaResult}`, expect: { sysadmin: 403, hr: 404, supervisor: 404, manager: 404, agent: 404 } },
  { what: 'evaluation cycle of another tenant', url: (i) => `/api/v1/eval/cycles/${i.spaCycle}`, expect: { sysadmin: 403, hr: 404, supervisor: 404, manager: 403, agent: 403 } },
  { what: 'grade of staff in another branch', url: (i) => `/api/v1/grades/staff/${i.mali}`, expect: { sysadmin: 403, hr: 200, supervisor: 404, manager: 404, agent: 404 } },
];

describe.each(testDatabaseKinds())('access matrix on %s', (kind) => {
  let h: Harness;
  const ids: Record<string, number> = {};
  let n = 0;
  const seq = () => ++n;
  beforeAll(async () => {
    h = await createHarness(kind);
    const hr = await signIn(h.app, 'bank.hr');
    for (const u of (await call(h.app, hr, 'GET', '/api/v1/org-units')).json<{ items: { id: number; code: string }[] }>().items) ids[u.code] = u.id;
    const staff = (await call(h.app, hr, 'GET', '/api/v1/staff?pageSize=100')).json<{ items: { id: number; name: string }[] }>().items;
    const byName = (name: string) => staff.find((s) => s.name === name)!.id;
    Object.assign(ids, { zhangwei: byName('张伟'), mali: byName('马丽') });
    for (const role of ROLES) {
      const s = await signIn(h.app, LOGINS[role]);
      if (s.me.staffId) ids[`own_${role}`] = s.me.staffId;
    }
    const admin = await signIn(h.app, 'bank.admin');
    ids.user_agent = (await call(h.app, admin, 'GET', '/api/v1/users')).json<{ items: { id: number; login: string }[] }>().items.find((u) => u.login === 'bank.agent')!.id;
    const spaHr = await signIn(h.app, 'spa.hr');
    ids.spaStaff = (await call(h.app, spaHr, 'GET', '/api/v1/staff')).json<{ items: { id: number }[] }>().items[0]!.id;
    ids.spaUnit = (await call(h.app, spaHr, 'GET', '/api/v1/org-units')).json<{ items: { id: number }[] }>().items[0]!.id;
    for (const c of await h.database.query<{ id: number; customer_no: string }>('select id, customer_no from customers')) ids[c.customer_no] = c.id;
    Object.assign(ids, { wulei: byName('吴磊'), zhoumin: byName('周敏') });
    const [seeded] = await h.database.query<{ id: number }>(`select r.id from assignment_requests r join customers c on c.tenant_id = r.tenant_id and c.id = r.customer_id where c.customer_no = 'C0009'`);
    ids.seededRequest = seeded!.id;
    const [other] = await h.database.query<{ id: number }>(`select k.id from complaints k join customers c on c.tenant_id = k.tenant_id and c.id = k.customer_id where c.customer_no = 'C0008'`);
    ids.otherComplaint = other!.id;
    const [survey] = await h.database.query<{ id: number }>(`select s.id from surveys s join tenants t on t.id = s.tenant_id where t.code = 'QSRCB'`);
    ids.survey = survey!.id;
    const reports = await h.database.query<{ id: number; name: string }>(`select r.id, s.name from research_reports r join staff s on s.tenant_id = r.tenant_id and s.id = r.staff_id`);
    ids.ownReport = reports.find((r) => r.name === '李娜')!.id;
    ids.otherReport = reports.find((r) => r.name === '张伟')!.id;
    const mgr = await signIn(h.app, 'bank.manager');
    ids.complaint = (await call(h.app, mgr, 'GET', '/api/v1/complaints')).json<{ items: { id: number }[] }>().items[0]!.id;
    ids.request = (await call(h.app, mgr, 'POST', '/api/v1/assignment-requests', { kind: 'transfer', customerId: ids.C0004, toStaffId: byName('刘洋'), effectiveDate: today() })).json<{ id: number }>().id;
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    ids.photoVisit = (await call(h.app, mgr, 'POST', '/api/v1/visits', { customerId: ids.C0001, visitDate: today(), purpose: '拍照走访', photo: png })).json<{ id: number }>().id;
    // Pay: a spa-pay plan for the bank's customer managers, October facts for three of them, one run.
    ids.payPlan = (await call(h.app, hr, 'POST', '/api/v1/pay/plans', { code: 'mgr-pay', title: '客户经理薪酬', version: '1', presetId: 'spa-pay' })).json<{ id: number }>().id;
    await call(h.app, hr, 'POST', '/api/v1/pay/plan-assignments', { planId: ids.payPlan, position: 'customer_manager', validFrom: '2026-01-01' });
    ids.payPeriod = (await call(h.app, hr, 'POST', '/api/v1/pay/periods', { period: '2026-10' })).json<{ id: number }>().id;
    ids.payPeriod2 = (await call(h.app, hr, 'POST', '/api/v1/pay/periods', { period: '2026-11' })).json<{ id: number }>().id;
    const payFacts = [ids.own_manager!, byName('张伟'), ids.mali!].flatMap((staffId) => [
      { staffId, kind: 'card', date: '2026-10-05', amount: '5000' }, { staffId, kind: 'booking', date: '2026-10-06', faceValue: '1000', spent: '350' }, { staffId, kind: 'target', date: '2026-10-01', quantity: 1 }]);
    await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.payPeriod}/facts`, { facts: payFacts });
    ids.payRun = (await call(h.app, hr, 'POST', `/api/v1/pay/periods/${ids.payPeriod}/runs`)).json<{ id: number }>().id;
    const paySlips = (await call(h.app, hr, 'GET', `/api/v1/pay/runs/${ids.payRun}/slips`)).json<{ items: { id: number; staffId: number }[] }>().items;
    ids.slipOwn = paySlips.find((x) => x.staffId === ids.own_manager)!.id;
    ids.slipOther = paySlips.find((x) => x.staffId === byName('张伟'))!.id;
    ids.slipOtherBranch = paySlips.find((x) => x.staffId === ids.mali)!.id;
    const ownLines = (await call(h.app, hr, 'GET', `/api/v1/pay/slips/${ids.slipOwn}`)).json<{ lines: { id: number }[] }>().lines;
    Object.assign(ids, { lineOwn: ownLines[0]!.id, lineOwn2: ownLines[1]!.id });
    const spaHr2 = await signIn(h.app, 'spa.hr');
    const spaPeriod = (await call(h.app, spaHr2, 'GET', '/api/v1/pay/periods')).json<{ items: { id: number }[] }>().items[0]!.id;
    const spaRun = (await call(h.app, spaHr2, 'POST', `/api/v1/pay/periods/${spaPeriod}/runs`)).json<{ id: number }>().id;
    ids.spaSlip = (await call(h.app, spaHr2, 'GET', `/api/v1/pay/runs/${spaRun}/slips`)).json<{ items: { id: number }[] }>().items[0]!.id;
    // Credit ledger: the manager's own loan (王大山), a guarantor and an NPL of hers, another manager's loan and notice, another branch's, another tenant's.
    for (const l of await h.database.query<{ id: number; loan_no: string }>('select id, loan_no from loans')) ids[l.loan_no] = l.id;
    Object.assign(ids, { ownLoan: ids.L2026001, nplLoan: ids.L2023003, otherLoan: ids.L2022004, branchLoan: ids.L2026010 });
    ids.ownGuarantor = (await h.database.query<{ id: number }>('select id from loan_guarantors where loan_id = $1 order by id limit 1', [ids.L2025002]))[0]!.id;
    ids.nplPlan = (await h.database.query<{ id: number }>('select id from npl_plans where loan_id = $1', [ids.L2023003]))[0]!.id;
    ids.otherNotice = (await h.database.query<{ id: number }>('select id from demand_notices where loan_id = $1', [ids.L2022004]))[0]!.id;
    ids.ownNotice = (await call(h.app, mgr, 'POST', `/api/v1/loans/${ids.ownLoan}/demand-notices`, {})).json<{ id: number }>().id;
    const [spaLoan] = await h.database.query<{ id: number }>(`insert into loans (tenant_id, loan_no, customer_id, org_unit_id, manager_staff_id, recommender_staff_id, product, amount_fen, balance_fen, annual_rate, start_date, maturity_date, guarantee_type)
      select c.tenant_id, 'SPA-L1', c.id, c.org_unit_id, s.id, s.id, 'micro', 100, 100, 0.05, '2026-01-01', '2027-01-01', 'credit'
      from customers c join tenants t on t.id = c.tenant_id and t.code <> 'QSRCB' join staff s on s.tenant_id = c.tenant_id order by c.id, s.id limit 1 returning id`);
    ids.spaLoan = spaLoan!.id;
    // Evaluation: the seeded third quarter, an open cycle with the manager's self-rating, published cycles to acknowledge,
    // appeal and answer, a promotion proposal, a competition with an eligible applicant, and a spa cycle.
    const [q3] = await h.database.query<{ id: number }>(`select c.id from eval_cycles c join tenants t on t.id = c.tenant_id where t.code = 'QSRCB' and c.status = 'published'`);
    ids.q3Cycle = q3!.id;
    const q3Rows = await h.database.query<{ id: number; staff_id: number }>('select id, staff_id from eval_results where cycle_id = $1', [ids.q3Cycle]);
    ids.q3Own = q3Rows.find((r) => r.staff_id === ids.own_manager)!.id;
    ids.q3Other = q3Rows.find((r) => r.staff_id === ids.zhangwei)!.id;
    ids.openResult = await evalFreshResult(h, ids, '张伟');
    const [selfRating] = await h.database.query<{ id: number }>(`select g.id from eval_ratings g join eval_results r on r.tenant_id = g.tenant_id and r.id = g.result_id where r.cycle_id = (select cycle_id from eval_results where id = $1) and g.rater_role = 'self' and g.rater_staff_id = $2`, [ids.openResult, ids.own_manager]);
    ids.selfRating = selfRating!.id;
    const p1 = await evalPublishedCycle(h, ids, true);
    ids.pubAck = p1.rows.find((r) => r.name === '李娜')!.resultId;
    ids.pubAppeal = (await evalPublishedCycle(h, ids)).rows.find((r) => r.name === '李娜')!.resultId;
    const p3 = (await evalPublishedCycle(h, ids)).rows.find((r) => r.name === '李娜')!.resultId;
    await call(h.app, mgr, 'POST', `/api/v1/eval/results/${p3}/appeal`, { reason: '请复核' });
    const [appeal] = await h.database.query<{ id: number }>('select id from eval_appeals where result_id = $1', [p3]);
    ids.openAppeal = appeal!.id;
    const props = (await call(h.app, hr, 'GET', '/api/v1/grades/proposals')).json<{ items: { id: number; cycleId: number; name: string }[] }>().items;
    ids.proposal = props.find((p) => p.cycleId === p1.id && p.name === '李娜')!.id;
    ids.competition = (await call(h.app, hr, 'POST', '/api/v1/competitions', { title: '客户经理竞聘', ladderId: 'bank-2005', grade: 'manager-1', heldOn: '2026-12-01', rules: { maxAge: { male: 45, female: 43 }, minEducation: 'college', minExamScore: 60, depositRouteYuan: null } })).json<{ id: number }>().id;
    ids.applicant = (await call(h.app, hr, 'POST', `/api/v1/competitions/${ids.competition}/applicants`, { staffId: byName('刘洋'), examScore: 75, characterReview: 'pass' })).json<{ applicants: { id: number }[] }>().applicants[0]!.id;
    ids.spaCycle = (await call(h.app, spaHr2, 'POST', '/api/v1/eval/cycles', { name: '季度考核', periodKind: 'quarter', startsOn: '2026-10-01', endsOn: '2026-12-31', scorecardId: 'tobacco-evaluation' })).json<{ id: number }>().id;
    ids.spaResult = (await call(h.app, spaHr2, 'GET', `/api/v1/eval/cycles/${ids.spaCycle}`)).json<{ rows: { resultId: number }[] }>().rows[0]!.resultId;
  });
  afterAll(() => h?.close());

  it('has an access rule for every route the server registers', () => {
    const registered = h.app.routeList.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(ROUTES).sort());
  });

  it('refuses every non-public route without a session (401) and every write without the CSRF header (403)', async () => {
    for (const r of h.app.routeList.filter((x) => !x.public)) {
      const url = r.url.replace(':id', '1');
      const res = await h.app.inject({ method: r.method as 'GET', url });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    }
    const hr = await signIn(h.app, 'bank.hr');
    for (const r of h.app.routeList.filter((x) => !x.public && x.method !== 'GET')) {
      const res = await h.app.inject({ method: r.method as 'POST', url: r.url.replace(':id', '1'), headers: { cookie: hr.cookie }, payload: {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.json()).toMatchObject({ code: 'csrf_failed' });
    }
  });

  for (const role of ROLES) {
    it(`gives ${role} exactly what the matrix says`, async () => {
      const s = await signIn(h.app, LOGINS[role]);
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const [key, r] of Object.entries(ROUTES)) {
        got[key] = await r.run({ h, s, role, ids, seq });
        want[key] = r.expect[role];
      }
      for (const sc of SCOPE) {
        got[sc.what] = (await call(h.app, s, 'GET', sc.url(ids))).statusCode;
        want[sc.what] = sc.expect[role];
      }
      expect(got).toEqual(want);
    });
  }

  it('lists only what the scope reaches', async () => {
    const count = async (login: string) => (await call(h.app, await signIn(h.app, login), 'GET', '/api/v1/staff?pageSize=200')).json<{ items: { orgUnitName: string; name: string }[] }>().items;
    const sup = await count('bank.supervisor');
    expect(new Set(sup.map((s) => s.orgUnitName))).toEqual(new Set(['城区分行', '人民路支行', '解放路支行']));
    expect((await count('bank.manager')).map((s) => s.name)).toEqual(['李娜']);
    expect((await count('bank.agent')).map((s) => s.name)).toEqual(['赵小军']);
    const spa = await count('spa.hr');
    expect(spa.some((s) => s.name === '李娜')).toBe(false);
    // ID numbers whole for HR only.
    const hrView = (await call(h.app, await signIn(h.app, 'bank.hr'), 'GET', `/api/v1/staff/${ids.zhangwei}`)).json<{ idCardNo: string }>();
    const supView = (await call(h.app, await signIn(h.app, 'bank.supervisor'), 'GET', `/api/v1/staff/${ids.zhangwei}`)).json<{ idCardNo: string }>();
    expect(hrView.idCardNo).toMatch(/^\d{17}[\dX]$/);
    expect(supView.idCardNo).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  });
});
