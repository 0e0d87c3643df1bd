import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { complaint, complaintCreate, complaintPage, complaintQuery, complaintStats, complaintUpdate, idParam, periodQuery } from '@kehu/contracts';
import { complaintsService } from './complaints.service.ts';

export const complaintsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['complaints'];
  app.get('/complaints', { schema: { tags, summary: 'Complaints / 投诉列表', querystring: complaintQuery, response: { 200: complaintPage } } },
    (req) => complaintsService.list(app.db, req.actor(), req.query));
  app.get('/complaints/stats', { schema: { tags, summary: 'Complaint counts per manager / 投诉统计', querystring: periodQuery, response: { 200: complaintStats } } },
    (req) => complaintsService.stats(app.db, req.actor(), req.query));
  app.get('/complaints/:id', { schema: { tags, summary: 'One complaint / 投诉详情', params: idParam, response: { 200: complaint } } },
    (req) => complaintsService.get(app.db, req.actor(), req.params.id));
  app.post('/complaints', { schema: { tags, summary: 'Record a complaint / 登记投诉', body: complaintCreate, response: { 201: complaint } } },
    async (req, reply) => reply.status(201).send(await complaintsService.create(app.db, req.actor(), req.body)));
  app.patch('/complaints/:id', { schema: { tags, summary: 'Handle a complaint / 处理投诉', params: idParam, body: complaintUpdate, response: { 200: complaint } } },
    (req) => complaintsService.update(app.db, req.actor(), req.params.id, req.body));
};
