import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditQuery, auditPage } from '@kehu/contracts';
import { auditService } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', {
    schema: { tags: ['audit'], summary: 'Browse the audit log / 审计日志', querystring: auditQuery, response: { 200: auditPage } },
  }, (req) => auditService.list(app.db, req.actor(), req.query));
};
