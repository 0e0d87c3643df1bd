import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { call, createHarness, signIn, type Harness } from '../../testing/test-app.ts';
import { SIGN_IN_LIMITS } from './auth.service.ts';

describe.each(testDatabaseKinds())('sign-in and sessions on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => { h = await createHarness(kind); });
  afterAll(() => h?.close());

  const attempt = (login: string, password: string, remoteAddress = '192.0.2.1', cookie?: string) =>
    h.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { login, password }, remoteAddress, headers: cookie ? { cookie } : {} });

  it('sets an http-only, same-site session cookie and security headers', async () => {
    const res = await attempt('bank.manager', 'kehu2026', '192.0.2.10');
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'kehu_sid')!;
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    // The token is stored hashed: the cookie value appears nowhere in the database.
    const rows = await h.database.query<{ id: string }>('select id from sessions');
    expect(rows.some((r) => r.id === c.value)).toBe(false);
  });

  it('says the same for a wrong password and an unknown login', async () => {
    const a = await attempt('bank.manager', 'wrong-password', '192.0.2.11');
    const b = await attempt('no.such.user', 'wrong-password', '192.0.2.11');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json()).toMatchObject({ code: 'invalid_credentials', message: { 'zh-CN': '用户名或密码错误。' } });
  });

  it('locks an account after repeated failures, even against the right password', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.accountFailures; i++) expect((await attempt('bank.agent', 'nope', `198.51.100.${i + 1}`)).statusCode).toBe(401);
    const locked = await attempt('bank.agent', 'kehu2026', '198.51.100.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'account_locked' });
    expect(locked.json<{ message: { 'zh-CN': string } }>().message['zh-CN']).toMatch(/请在 \d+ 分钟后再试/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // An administrator's password reset lifts the lock.
    const admin = await signIn(h.app, 'bank.admin');
    const agent = (await call(h.app, admin, 'GET', '/api/v1/users')).json<{ items: { id: number; login: string }[] }>().items.find((u) => u.login === 'bank.agent')!;
    expect((await call(h.app, admin, 'PATCH', `/api/v1/users/${agent.id}`, { password: 'newpass2026' })).statusCode).toBe(200);
    expect((await attempt('bank.agent', 'newpass2026', '198.51.100.100')).statusCode).toBe(200);
  });

  it('limits failures per address across accounts', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.addressFailures; i++) await attempt(`ghost${i}`, 'x', '203.0.113.7');
    const limited = await attempt('bank.hr', 'kehu2026', '203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect((await attempt('bank.hr', 'kehu2026', '203.0.113.8')).statusCode).toBe(200);
  });

  it('issues a new session at sign-in and ends the one presented', async () => {
    const first = await signIn(h.app, 'bank.supervisor');
    const res = await attempt('bank.supervisor', 'kehu2026', '192.0.2.20', first.cookie);
    const second = res.cookies.find((x) => x.name === 'kehu_sid')!.value;
    expect(`kehu_sid=${second}`).not.toBe(first.cookie);
    expect((await call(h.app, first, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `kehu_sid=${second}` } })).statusCode).toBe(200);
  });

  it('expires an idle session and ends it at sign-out', async () => {
    const s = await signIn(h.app, 'bank.hr');
    expect((await call(h.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    await h.database.query(`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = $1`, [s.me.userId]);
    const expired = await call(h.app, s, 'GET', '/api/v1/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'session_expired' });
    const t = await signIn(h.app, 'bank.hr');
    expect((await call(h.app, t, 'POST', '/api/v1/auth/sign-out', {})).statusCode).toBe(200);
    expect((await call(h.app, t, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const audit = await h.database.query<{ action: string }>(`select action from audit_log where entity = 'user' and entity_id = $1 order by id`, [String(t.me.userId)]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['sign_in', 'sign_out']));
  });

  it('remembers the language', async () => {
    const s = await signIn(h.app, 'spa.manager');
    expect((await call(h.app, s, 'PUT', '/api/v1/auth/locale', { locale: 'en' })).statusCode).toBe(200);
    expect((await call(h.app, s, 'GET', '/api/v1/auth/me')).json()).toMatchObject({ locale: 'en' });
    expect((await call(h.app, s, 'PUT', '/api/v1/auth/locale', { locale: 'fr' })).statusCode).toBe(400);
  });

  it('offers the loan ledger to the people of a bank, not of a spa chain', async () => {
    const perms = async (login: string) => (await call(h.app, await signIn(h.app, login), 'GET', '/api/v1/auth/me')).json<{ permissions: string[] }>().permissions;
    expect(await perms('bank.supervisor')).toEqual(expect.arrayContaining(['loans.read', 'compliance.read']));
    const spa = await perms('spa.supervisor');
    expect(spa).toContain('compliance.read');
    expect(spa.filter((p) => p.startsWith('loans.') || p.startsWith('credit.'))).toEqual([]);
  });

  it('reports database health without a session', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', database: { kind, reachable: true } });
    const docs = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
    const spec = docs.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/staff', '/api/v1/staff/{id}', '/api/v1/org-units']));
  });
});
