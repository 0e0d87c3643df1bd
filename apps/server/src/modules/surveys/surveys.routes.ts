import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, okResponse, publicSurvey, publicSurveyAnswer, ratingQuery, ratingReport, survey, surveyCreate, surveyLinkCreate, surveyLinkIssued, surveyList, tokenParam } from '@kehu/contracts';
import { surveysService } from './surveys.service.ts';
import { publicSurveyLimiter } from './survey-rate-limit.ts';

export const surveysRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['surveys'];
  app.get('/surveys', { schema: { tags, summary: 'Questionnaires / 满意度问卷', response: { 200: surveyList } } },
    async (req) => ({ items: await surveysService.list(app.db, req.actor()) }));
  app.post('/surveys', { schema: { tags, summary: 'Define a questionnaire / 新建问卷', body: surveyCreate, response: { 201: survey } } },
    async (req, reply) => reply.status(201).send(await surveysService.create(app.db, req.actor(), req.body)));
  app.post('/surveys/:id/links', { schema: { tags, summary: 'A personal link (and QR code) for one customer / 生成客户问卷链接', params: idParam, body: surveyLinkCreate, response: { 201: surveyLinkIssued } } },
    async (req, reply) => reply.status(201).send(await surveysService.issueLink(app.db, req.actor(), req.params.id, req.body.customerId)));
  app.get('/ratings', { schema: { tags, summary: 'Satisfaction rating per manager / 满意度评分', querystring: ratingQuery, response: { 200: ratingReport } } },
    (req) => surveysService.ratings(app.db, req.actor(), req.query));

  // The customer's page: no sign-in; it reads and answers this one link and nothing else.
  const ptags = ['public'];
  const onRequest = await publicSurveyLimiter(app);
  // Tokens carry 192 random bits, so guessing one is not a practical attack.
  app.get('/public/surveys/:token', { config: { public: true }, onRequest, schema: { tags: ptags, summary: 'The questionnaire behind a link / 问卷（免登录）', description: 'Limited per client address (60/min) and per token (10/min): 429 with Retry-After.', params: tokenParam, response: { 200: publicSurvey } } },
    (req) => surveysService.publicGet(app.db, req.params.token));
  app.post('/public/surveys/:token/answers', { config: { public: true }, onRequest, schema: { tags: ptags, summary: 'Answer once / 提交问卷（免登录，仅一次）', params: tokenParam, body: publicSurveyAnswer, response: { 200: okResponse } } },
    (req) => surveysService.publicAnswer(app.db, req.params.token, req.body));
};
