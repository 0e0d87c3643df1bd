import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { call, createHarness, newStaff, signIn, type Harness, type Session } from '../../testing/test-app.ts';

describe.each(testDatabaseKinds())('staff API on %s', (kind) => {
  let h: Harness;
  let hr: Session;
  let unitId: number;
  beforeAll(async () => {
    h = await createHarness(kind);
    hr = await signIn(h.app, 'bank.hr');
    const units = (await call(h.app, hr, 'GET', '/api/v1/org-units')).json<{ items: { id: number; code: string }[] }>().items;
    unitId = units.find((u) => u.code === 'CQ01')!.id;
  });
  afterAll(() => h?.close());

  it('creates, reads, updates with history and audit', async () => {
    const created = await call(h.app, hr, 'POST', '/api/v1/staff', newStaff(unitId, 1));
    expect(created.statusCode).toBe(201);
    const s = created.json<{ id: number; version: number; idCardNo: string; phone: string }>();
    expect(s.idCardNo).toMatch(/^43010219900506\d{3}[\dX]$/); // HR sees the whole number
    const updated = await call(h.app, hr, 'PATCH', `/api/v1/staff/${s.id}`, { version: s.version, status: 'on_leave', phone: '13900002222' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ status: 'on_leave', phone: '13900002222', version: 2 });
    const history = (await call(h.app, hr, 'GET', `/api/v1/staff/${s.id}/history`)).json<{ items: { action: string; changes: { field: string; from: unknown; to: unknown }[] }[] }>().items;
    expect(history.map((e) => e.action)).toEqual(['update', 'create']);
    expect(history[0]!.changes).toEqual(expect.arrayContaining([{ field: 'status', from: 'active', to: 'on_leave' }, { field: 'phone', from: '13900001111', to: '13900002222' }]));
    const audit = (await call(h.app, hr, 'GET', `/api/v1/audit?entity=staff&entityId=${s.id}`)).json<{ items: { actorName: string; before: unknown; after: { status: string } }[] }>();
    expect(audit.items[0]).toMatchObject({ actorName: '陈静', after: { status: 'on_leave' } });
  });

  it('refuses a stale version with 409 and leaves the row unchanged', async () => {
    const s = (await call(h.app, hr, 'POST', '/api/v1/staff', newStaff(unitId, 2))).json<{ id: number }>();
    expect((await call(h.app, hr, 'PATCH', `/api/v1/staff/${s.id}`, { version: 1, name: '甲' })).statusCode).toBe(200);
    const stale = await call(h.app, hr, 'PATCH', `/api/v1/staff/${s.id}`, { version: 1, name: '乙' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version' });
    expect((await call(h.app, hr, 'GET', `/api/v1/staff/${s.id}`)).json()).toMatchObject({ name: '甲', version: 2 });
  });

  it('names every bad field in Chinese and English', async () => {
    const bad = { ...newStaff(unitId, 3), name: '', idCardNo: '430102199005064012', phone: '12345', hireDate: '2020-02-30', extra: 1 };
    const res = await call(h.app, hr, 'POST', '/api/v1/staff', bad);
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; fields: { path: string; message: { 'zh-CN': string; en: string } }[] }>();
    expect(body.code).toBe('validation_failed');
    const paths = body.fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'idCardNo', 'phone', 'hireDate', 'extra']));
    expect(body.fields.find((f) => f.path === 'idCardNo')!.message['zh-CN']).toBe('身份证号校验码不正确');
    expect(body.fields.every((f) => f.message.en.length > 0)).toBe(true);
  });

  it('checks birth date and gender against the ID number', async () => {
    const res = await call(h.app, hr, 'POST', '/api/v1/staff', { ...newStaff(unitId, 4), birthDate: '1990-05-07', gender: 'female' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ fields: { path: string }[] }>().fields.map((f) => f.path).sort()).toEqual(['birthDate', 'gender']);
  });

  it('answers a duplicate ID number in the tenant with 409 naming the field', async () => {
    const first = await call(h.app, hr, 'POST', '/api/v1/staff', newStaff(unitId, 5));
    expect(first.statusCode).toBe(201);
    const dup = await call(h.app, hr, 'POST', '/api/v1/staff', { ...newStaff(unitId, 5), name: '重复' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'conflict', fields: [{ path: 'idCardNo' }] });
    // The same person may be on another tenant's books.
    const spaHr = await signIn(h.app, 'spa.hr');
    const spaUnit = (await call(h.app, spaHr, 'GET', '/api/v1/org-units')).json<{ items: { id: number }[] }>().items[1]!.id;
    expect((await call(h.app, spaHr, 'POST', '/api/v1/staff', newStaff(spaUnit, 5))).statusCode).toBe(201);
  });

  it('rejects malformed JSON, wrong content types, huge bodies and missing records cleanly', async () => {
    const malformed = await call(h.app, hr, 'POST', '/api/v1/staff', '{"name":', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'malformed_json' });
    const text = await call(h.app, hr, 'POST', '/api/v1/staff', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'unsupported_media_type' });
    const huge = await call(h.app, hr, 'POST', '/api/v1/staff', JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), { 'content-type': 'application/json' });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'payload_too_large' });
    const missing = await call(h.app, hr, 'GET', '/api/v1/staff/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found', message: { 'zh-CN': '未找到该记录。' } });
    const badId = await call(h.app, hr, 'GET', '/api/v1/staff/abc');
    expect(badId.statusCode).toBe(400);
    for (const r of [malformed, text, huge, missing, badId]) expect(r.body).not.toMatch(/stack|select |at \//i);
  });

  it('searches, filters by unit subtree and pages', async () => {
    const units = (await call(h.app, hr, 'GET', '/api/v1/org-units')).json<{ items: { id: number; code: string }[] }>().items;
    const branch = units.find((u) => u.code === 'CQ')!.id;
    const all = (await call(h.app, hr, 'GET', `/api/v1/staff?orgUnitId=${branch}&pageSize=100`)).json<{ items: { orgUnitName: string }[]; total: number }>();
    expect(new Set(all.items.map((i) => i.orgUnitName))).toEqual(new Set(['城区分行', '人民路支行', '解放路支行']));
    const page2 = (await call(h.app, hr, 'GET', `/api/v1/staff?orgUnitId=${branch}&pageSize=3&page=2`)).json<{ items: unknown[]; total: number }>();
    expect(page2.total).toBe(all.total);
    expect(page2.items).toHaveLength(3);
    const q = (await call(h.app, hr, 'GET', `/api/v1/staff?q=${encodeURIComponent('李娜')}`)).json<{ items: { name: string; phone: string }[] }>();
    expect(q.items.map((i) => i.name)).toEqual(['李娜']);
    expect(q.items[0]!.phone).toBe('136****0108'); // masked in lists
    const left = (await call(h.app, hr, 'GET', '/api/v1/staff?status=left')).json<{ items: { name: string }[] }>();
    expect(left.items.map((i) => i.name)).toEqual(['高明']);
  });
});
