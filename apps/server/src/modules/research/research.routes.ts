import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { halfYear, idParam, researchOverview, researchReport, researchReportCreate, researchReview } from '@kehu/contracts';
import { researchService } from './research.service.ts';

export const researchRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['research'];
  app.get('/research-reports', { schema: { tags, summary: 'Who owes a half-yearly market-research report / 市场调研报告', querystring: z.object({ period: halfYear.optional() }), response: { 200: researchOverview } } },
    (req) => researchService.overview(app.db, req.actor(), req.query.period));
  app.get('/research-reports/:id', { schema: { tags, summary: 'One report / 调研报告', params: idParam, response: { 200: researchReport } } },
    (req) => researchService.get(app.db, req.actor(), req.params.id));
  app.post('/research-reports', { schema: { tags, summary: 'Submit the half-year’s report / 提交调研报告', body: researchReportCreate, response: { 201: researchReport } } },
    async (req, reply) => reply.status(201).send(await researchService.submit(app.db, req.actor(), req.body)));
  app.post('/research-reports/:id/review', { schema: { tags, summary: 'Accept or return a report / 审阅调研报告', params: idParam, body: researchReview, response: { 200: researchReport } } },
    (req) => researchService.review(app.db, req.actor(), req.params.id, req.body));
};
