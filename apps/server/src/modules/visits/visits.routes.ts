import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { complianceQuery, complianceReport, idParam, todayView, visit, visitCreate, visitPage, visitQuery } from '@kehu/contracts';
import { visitsService } from './visits.service.ts';

export const visitsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['visits'];
  app.get('/visits', { schema: { tags, summary: 'Visits / 走访记录', querystring: visitQuery, response: { 200: visitPage } } },
    (req) => visitsService.list(app.db, req.actor(), req.query));
  app.post('/visits', { bodyLimit: 1024 * 1024, schema: { tags, summary: 'Record a visit (visit form) / 登记走访', body: visitCreate, response: { 201: visit } } },
    async (req, reply) => reply.status(201).send(await visitsService.create(app.db, req.actor(), req.body)));
  app.get('/visits/:id/photo', { schema: { tags, summary: 'The photo of a visit / 走访照片', params: idParam } },
    async (req, reply) => {
      const p = await visitsService.photo(app.db, req.actor(), req.params.id);
      return reply.type(p.mime).header('cache-control', 'private, max-age=300').send(p.data);
    });
  app.get('/today', { schema: { tags, summary: 'A manager’s day: due and overdue visits, new complaints / 今日工作', response: { 200: todayView } } },
    (req) => visitsService.today(app.db, req.actor()));
  app.get('/visit-compliance', { schema: { tags, summary: 'Visit compliance per manager and unit / 走访达标率', querystring: complianceQuery, response: { 200: complianceReport } } },
    (req) => visitsService.compliance(app.db, req.actor(), req.query));
};
