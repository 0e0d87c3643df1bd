import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';

describe.each(testDatabaseKinds())('org-unit tree on %s', (kind) => {
  let h: Harness;
  let admin: Session;
  const ids: Record<string, number> = {};
  const path = async (id: number) => (await call(h.app, admin, 'GET', `/api/v1/org-units/${id}`)).json<{ path: string }>().path;
  beforeAll(async () => {
    h = await createHarness(kind);
    admin = await signIn(h.app, 'bank.admin');
    for (const u of (await call(h.app, admin, 'GET', '/api/v1/org-units')).json<{ items: { id: number; code: string }[] }>().items) ids[u.code] = u.id;
  });
  afterAll(() => h?.close());

  it('creates a unit under a parent and moves a whole subtree', async () => {
    const res = await call(h.app, admin, 'POST', '/api/v1/org-units', { parentId: ids.CQ01, code: 'CQ01A', name: '人民路二部', kind: 'department' });
    expect(res.statusCode).toBe(201);
    const child = res.json<{ id: number; path: string }>();
    expect(child.path).toBe(`${await path(ids.CQ01!)}${child.id}/`);
    const moved = await call(h.app, admin, 'PATCH', `/api/v1/org-units/${ids.CQ01}`, { parentId: ids.DB });
    expect(moved.statusCode).toBe(200);
    expect(await path(ids.CQ01!)).toBe(`${await path(ids.DB!)}${ids.CQ01}/`);
    expect(await path(child.id)).toBe(`${await path(ids.DB!)}${ids.CQ01}/${child.id}/`);
    // The supervisor of 城区分行 no longer reaches the moved sub-branch or its staff.
    const sup = await signIn(h.app, 'bank.supervisor');
    expect((await call(h.app, sup, 'GET', `/api/v1/org-units/${ids.CQ01}`)).statusCode).toBe(404);
    const names = (await call(h.app, sup, 'GET', '/api/v1/staff?pageSize=100')).json<{ items: { name: string }[] }>().items.map((s) => s.name);
    expect(names).not.toContain('李娜');
  });

  it('refuses a move under its own descendant, naming the field', async () => {
    const res = await call(h.app, admin, 'PATCH', `/api/v1/org-units/${ids.DB}`, { parentId: ids.CQ01 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', fields: [{ path: 'parentId', code: 'cycle' }] });
  });

  it('refuses a duplicate code and deleting a unit that has staff', async () => {
    const dup = await call(h.app, admin, 'POST', '/api/v1/org-units', { parentId: ids.HQ, code: 'CQ', name: '重复', kind: 'branch' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ fields: [{ path: 'code' }] });
    const del = await call(h.app, admin, 'DELETE', `/api/v1/org-units/${ids.CQ02}`);
    expect(del.statusCode).toBe(409);
    expect(del.json<{ message: { 'zh-CN': string } }>().message['zh-CN']).toContain('员工');
    const missingParent = await call(h.app, admin, 'POST', '/api/v1/org-units', { code: 'X1', name: '无上级', kind: 'branch' });
    expect(missingParent.json()).toMatchObject({ fields: [{ path: 'parentId', message: { 'zh-CN': '必填' } }] });
  });
});
