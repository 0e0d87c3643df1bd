import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const health = z.object({ status: z.enum(['ok', 'degraded']), database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.boolean(), latencyMs: z.number() }) });

/** Liveness and database reachability, for load balancers and the start script. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', { config: { public: true }, schema: { tags: ['health'], summary: 'Health / 健康检查', response: { 200: health, 503: health } } }, async (_req, reply) => {
    const t = performance.now();
    const reachable = await app.database.query('select 1').then(() => true, () => false);
    const body = { status: reachable ? 'ok' as const : 'degraded' as const, database: { kind: app.database.kind, reachable, latencyMs: Math.round(performance.now() - t) } };
    return reply.status(reachable ? 200 : 503).send(body);
  });
};
