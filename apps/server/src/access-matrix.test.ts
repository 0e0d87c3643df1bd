import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import type { Role } from '@kehu/domain';
import { call, createHarness, newStaff, signIn, type Harness, type Session } from './testing/test-app.ts';

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
};

/** Records outside a role's scope: another unit's and another tenant's. 404 means "not yours", exactly like "missing". */
const SCOPE: { what: string; url: (ids: Record<string, number>) => string; expect: Expect }[] = [
  { what: 'staff in own sub-branch', url: (i) => `/api/v1/staff/${i.zhangwei}`, expect: { sysadmin: 200, hr: 200, supervisor: 200, manager: 404, agent: 404 } },
  { what: 'staff in another branch', url: (i) => `/api/v1/staff/${i.mali}`, expect: { sysadmin: 200, hr: 200, supervisor: 404, manager: 404, agent: 404 } },
  { what: 'history of staff in another branch', url: (i) => `/api/v1/staff/${i.mali}/history`, expect: { sysadmin: 200, hr: 200, supervisor: 404, manager: 404, agent: 404 } },
  { what: 'staff of another tenant', url: (i) => `/api/v1/staff/${i.spaStaff}`, expect: all(404) },
  { what: 'unit in another branch', url: (i) => `/api/v1/org-units/${i.DB}`, expect: { sysadmin: 200, hr: 200, supervisor: 404, manager: 404, agent: 403 } },
  { what: 'unit of another tenant', url: (i) => `/api/v1/org-units/${i.spaUnit}`, expect: { sysadmin: 404, hr: 404, supervisor: 404, manager: 404, agent: 403 } },
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
