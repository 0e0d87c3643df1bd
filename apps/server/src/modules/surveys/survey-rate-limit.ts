import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../../errors/app-error.ts';

/**
 * Limits for the public survey pages, which anyone with a link (or guessing one) can call:
 * per client address, so nobody walks the token space or floods the database, and per token,
 * so one leaked link cannot be hammered from many addresses. Counters live in this process
 * (one per worker when the server runs as several processes).
 */
export const PUBLIC_SURVEY_LIMITS = {
  perIp: { max: 60, timeWindow: 60_000 },
  perToken: { max: 10, timeWindow: 60_000 },
} as const;

/** Registers @fastify/rate-limit (no global limit) and returns the onRequest hook for the public survey routes. */
export async function publicSurveyLimiter(app: FastifyInstance): Promise<onRequestAsyncHookHandler> {
  await app.register(rateLimit, { global: false });
  const byIp = app.createRateLimit({ ...PUBLIC_SURVEY_LIMITS.perIp, keyGenerator: (req) => `ip:${req.ip}` });
  const byToken = app.createRateLimit({ ...PUBLIC_SURVEY_LIMITS.perToken, keyGenerator: (req) => `token:${(req.params as { token?: string }).token ?? ''}` });
  return async (req) => {
    for (const limit of [byIp, byToken]) {
      const r = await limit(req);
      // 429 with the bilingual rate_limited message and Retry-After in seconds.
      if (!r.isAllowed && r.isExceeded) throw new AppError('rate_limited', { headers: { 'retry-after': String(r.ttlInSeconds) } });
    }
  };
}
