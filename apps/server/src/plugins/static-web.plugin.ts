import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors/app-error.ts';

/**
 * Serves the built web app. Any GET that is not an API path and not a file gets index.html,
 * so deep links such as /staff/12 work after a reload.
 */
export const staticWebPlugin = fp<{ dist: string }>(async (app, opts) => {
  const hasBuild = existsSync(join(opts.dist, 'index.html'));
  if (hasBuild) await app.register(fastifyStatic, { root: opts.dist, wildcard: false, index: false, maxAge: '1h', immutable: false });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    // API paths, and files that do not exist (a name with an extension, e.g. an old asset
    // after a rebuild), are real 404s; every other GET or HEAD is a page of the app.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || path.startsWith('/api/') || path === '/api' || /\.[A-Za-z0-9]+$/.test(path)) {
      throw new AppError('not_found');
    }
    if (!hasBuild) return reply.status(503).type('text/plain; charset=utf-8').send('Web app not built: run `npm run build:web`.\n前端尚未构建：请运行 npm run build:web');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}, { name: 'kehu-static-web' });
