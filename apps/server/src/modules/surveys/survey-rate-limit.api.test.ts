import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@kehu/db/testing';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';
import { PUBLIC_SURVEY_LIMITS } from './survey-rate-limit.ts';

interface ErrorBody { code: string; message: { 'zh-CN': string; en: string } }

describe.each(testDatabaseKinds())('public survey rate limits on %s', (kind) => {
  let h: Harness;
  let mgr: Session;
  let token = '';
  beforeAll(async () => {
    h = await createHarness(kind);
    mgr = await signIn(h.app, 'bank.manager');
    const sid = (await call(h.app, mgr, 'GET', '/api/v1/surveys')).json<{ items: { id: number }[] }>().items[0]!.id;
    const customers = (await call(h.app, mgr, 'GET', '/api/v1/customers')).json<{ items: { id: number }[] }>().items;
    token = (await call(h.app, mgr, 'POST', `/api/v1/surveys/${sid}/links`, { customerId: customers[0]!.id })).json<{ token: string }>().token;
  });
  afterAll(() => h?.close());

  const get = (t: string, remoteAddress = '127.0.0.1') => h.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${t}`, remoteAddress });

  it('answers one link at most 10 times a minute, then 429 with Retry-After and a zh/en message, from any address', async () => {
    const { max } = PUBLIC_SURVEY_LIMITS.perToken;
    for (let i = 0; i < max; i++) expect((await get(token)).statusCode, `request ${i + 1}`).toBe(200);
    const over = await get(token);
    expect(over.statusCode).toBe(429);
    const retry = Number(over.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    const body = over.json<ErrorBody>();
    expect(body.code).toBe('rate_limited');
    expect(body.message['zh-CN']).toMatch(/频繁/);
    expect(body.message.en).toMatch(/Too many requests/);
    // The survey behind it is not revealed in the refusal.
    expect(over.body).not.toMatch(/满意度|questions/);
    // Another address gets no more out of the same link; answering counts against it too.
    expect((await get(token, '10.0.0.9')).statusCode).toBe(429);
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/public/surveys/${token}/answers`, payload: { answers: {} }, remoteAddress: '10.0.0.9' })).statusCode).toBe(429);
  });

  it('limits one address to 60 requests a minute over any tokens (guessing), other addresses unaffected', async () => {
    const { max } = PUBLIC_SURVEY_LIMITS.perIp;
    const addr = '10.0.0.7';
    for (let i = 0; i < max; i++) expect((await get(`guess-${i}-abcdefghijklmnopqrstuvwxyz`, addr)).statusCode, `request ${i + 1}`).toBe(404);
    const over = await get('guess-last-abcdefghijklmnopqrstuvwxyz', addr);
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get('guess-other-abcdefghijklmnopqrstuvwxyz', '10.0.0.8')).statusCode).toBe(404);
    // Signed-in routes are not limited by it.
    expect((await call(h.app, mgr, 'GET', '/api/v1/surveys')).statusCode).toBe(200);
  });
});
