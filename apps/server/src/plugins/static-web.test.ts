import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../testing/test-app.ts';

describe('serving the web app', () => {
  let h: Harness;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'kehu-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>客户经理管理系统</title>');
    writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
    h = await createHarness('pglite', { webDist: dist });
  });
  afterAll(() => h?.close());

  it('answers deep links with the app page, GET and HEAD', async () => {
    const deep = await h.app.inject({ method: 'GET', url: '/staff/12?tab=history' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('客户经理管理系统');
    expect((await h.app.inject({ method: 'HEAD', url: '/' })).statusCode).toBe(200);
  });

  it('serves assets and 404s missing files and API paths with the error shape', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/assets/app-1.js' })).statusCode).toBe(200);
    const gone = await h.app.inject({ method: 'GET', url: '/assets/app-0.js' });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: 'not_found' });
    expect((await h.app.inject({ method: 'GET', url: '/api/nothing' })).json()).toMatchObject({ code: 'not_found' });
  });

  it('reports a missing enum field as required', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: {} });
    expect(res.json()).toMatchObject({ code: 'validation_failed', fields: [{ path: 'login', message: { 'zh-CN': '必填' } }, { path: 'password', message: { 'zh-CN': '必填' } }] });
  });
});
