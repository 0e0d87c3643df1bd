import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import type { Actor } from '../lib/actor.ts';
import { authService, type SessionInfo } from '../modules/auth/auth.service.ts';

export const SESSION_COOKIE = 'kehu_sid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    sessionInfo: SessionInfo | null;
    /** The signed-in actor; throws 401 when there is none. */
    actor(): Actor;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in, health, docs). */
    public?: boolean;
  }
}

/**
 * Resolves the session cookie on every API request, refuses requests without one (401)
 * unless the route is public, and checks the CSRF header on state-changing requests.
 */
export const authPlugin = fp(async (app) => {
  app.decorateRequest('sessionInfo', null);
  app.decorateRequest('actor', function (this: FastifyRequest): Actor {
    if (!this.sessionInfo) throw new AppError('unauthenticated');
    return this.sessionInfo.actor;
  });

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const isPublic = req.routeOptions.config?.public === true;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) {
      if (isPublic) return;
      throw new AppError('unauthenticated');
    }
    try {
      req.sessionInfo = await authService.resolve(app.db, token, req.ip, { idleMs: app.config.sessionIdleMs, maxMs: app.config.sessionMaxMs });
    } catch (e) {
      if (isPublic) return;
      throw e;
    }
    if (UNSAFE.has(req.method) && !isPublic && !authService.csrfMatches(req.sessionInfo.me.csrfToken, req.headers['x-csrf-token'] as string | undefined)) {
      throw new AppError('csrf_failed');
    }
    if (req.sessionInfo.needsTouch) await authService.touch(app.db, req.sessionInfo.sessionId);
  });
}, { name: 'kehu-auth', dependencies: ['kehu-database', '@fastify/cookie'] });
