import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applicantAction, applicantCreate, competition, competitionCreate, competitionList, idParam } from '@kehu/contracts';
import { competitionsService } from './competitions.service.ts';

export const competitionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['competitions'];
  app.get('/competitions', { schema: { tags, summary: 'Public competitions / 公开竞聘', response: { 200: competitionList } } },
    (req) => competitionsService.list(app.db, req.actor()));
  app.post('/competitions', { schema: { tags, summary: 'Open a competition / 发起竞聘', body: competitionCreate, response: { 201: competition } } },
    async (req, reply) => reply.status(201).send(await competitionsService.create(app.db, req.actor(), req.body)));
  app.get('/competitions/:id', { schema: { tags, summary: 'A competition with its applicants / 竞聘详情', params: idParam, response: { 200: competition } } },
    (req) => competitionsService.get(app.db, req.actor(), req.params.id));
  app.post('/competitions/:id/applicants', { schema: { tags, summary: 'Register an applicant; eligibility checked / 报名与资格审查', params: idParam, body: applicantCreate, response: { 200: competition } } },
    (req) => competitionsService.apply(app.db, req.actor(), req.params.id, req.body));
  app.post('/competitions/applicants/:id/action', { schema: { tags, summary: 'Appoint, end probation or refuse / 聘任、转正或不予聘任', params: idParam, body: applicantAction, response: { 200: competition } } },
    (req) => competitionsService.act(app.db, req.actor(), req.params.id, req.body));
};
