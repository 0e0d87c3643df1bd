import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signInBody, me, localeBody, okResponse } from '@kehu/contracts';
import { authService } from './auth.service.ts';
import { SESSION_COOKIE } from '../../plugins/auth.plugin.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/auth/sign-in', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Sign in / 登录', body: signInBody, response: { 200: me } },
  }, async (req, reply) => {
    const { token } = await authService.signIn(app.db, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null }, req.cookies[SESSION_COOKIE]);
    const info = await authService.resolve(app.db, token, req.ip, { idleMs: app.config.sessionIdleMs, maxMs: app.config.sessionMaxMs });
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.cookieSecure, maxAge: app.config.sessionMaxMs / 1000 });
    return info.me;
  });

  app.post('/auth/sign-out', {
    schema: { tags: ['auth'], summary: 'Sign out / 退出登录', response: { 200: okResponse } },
  }, async (req, reply) => {
    await authService.signOut(app.db, req.actor(), req.sessionInfo!.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/auth/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user / 当前用户', response: { 200: me } },
  }, (req) => {
    req.actor();
    return req.sessionInfo!.me;
  });

  app.put('/auth/locale', {
    schema: { tags: ['auth'], summary: 'Remember the UI language / 保存界面语言', body: localeBody, response: { 200: okResponse } },
  }, async (req) => {
    await authService.setLocale(app.db, req.actor(), req.body.locale);
    return { ok: true as const };
  });
};
