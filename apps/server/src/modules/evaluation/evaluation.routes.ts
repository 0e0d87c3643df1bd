import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  conductCreate, conductList, conductQuery, conductRecord, evalAppealAnswer, evalAppealCreate, evalAppealList, evalCalibrate, evalCycleCreate, evalCycle,
  evalCycleDetail, evalCycleList, evalDraft, evalResult, evalResultList, evalReview, evalTasks, idParam, okResponse, ratingSubmit, scorecardList,
} from '@kehu/contracts';
import { evaluationService } from './evaluation.service.ts';
import { conductService } from './conduct.service.ts';

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['evaluation'];
  app.get('/eval/scorecards', { schema: { tags, summary: 'Scorecards a cycle can run on / 考核方案', response: { 200: scorecardList } } },
    (req) => evaluationService.listScorecards(req.actor()));
  app.get('/eval/cycles', { schema: { tags, summary: 'Evaluation cycles / 考核周期', response: { 200: evalCycleList } } },
    (req) => evaluationService.listCycles(app.db, req.actor()));
  app.post('/eval/cycles', { schema: { tags, summary: 'Set up a cycle / 新建考核周期', body: evalCycleCreate, response: { 201: evalCycle } } },
    async (req, reply) => reply.status(201).send(await evaluationService.createCycle(app.db, req.actor(), req.body)));
  app.get('/eval/cycles/:id', { schema: { tags, summary: 'Progress board and distribution / 考核进度与分布', params: idParam, response: { 200: evalCycleDetail } } },
    (req) => evaluationService.getCycle(app.db, req.actor(), req.params.id));
  app.post('/eval/cycles/:id/calibrate', { schema: { tags, summary: 'HR calibration / 校准', params: idParam, body: evalCalibrate, response: { 200: evalCycleDetail } } },
    (req) => evaluationService.calibrate(app.db, req.actor(), req.params.id, req.body));
  app.post('/eval/cycles/:id/publish', { schema: { tags, summary: 'Publish to the people / 发布考核结果', params: idParam, response: { 200: evalCycleDetail } } },
    (req) => evaluationService.publish(app.db, req.actor(), req.params.id));
  app.get('/eval/tasks', { schema: { tags, summary: 'My ratings and drafts to do / 我的评价任务', response: { 200: evalTasks } } },
    (req) => evaluationService.tasks(app.db, req.actor()));
  app.post('/eval/ratings/:id', { schema: { tags, summary: 'Submit a 360-degree rating / 提交360评价', params: idParam, body: ratingSubmit, response: { 200: okResponse } } },
    (req) => evaluationService.submitRating(app.db, req.actor(), req.params.id, req.body));
  app.get('/eval/results/mine', { schema: { tags, summary: 'My results / 我的考核结果', response: { 200: evalResultList } } },
    (req) => evaluationService.mine(app.db, req.actor()));
  app.get('/eval/results/:id', { schema: { tags, summary: 'One result with its scorecard / 考核结果', params: idParam, response: { 200: evalResult } } },
    (req) => evaluationService.getResult(app.db, req.actor(), req.params.id));
  app.post('/eval/results/:id/draft', { schema: { tags, summary: 'Supervisor drafts / 直接上级评分', params: idParam, body: evalDraft, response: { 200: evalResult } } },
    (req) => evaluationService.draft(app.db, req.actor(), req.params.id, req.body));
  app.post('/eval/results/:id/review', { schema: { tags, summary: 'The level above reviews / 上级审核', params: idParam, body: evalReview, response: { 200: evalResult } } },
    (req) => evaluationService.review(app.db, req.actor(), req.params.id, req.body));
  app.post('/eval/results/:id/acknowledge', { schema: { tags, summary: 'Acknowledge my result / 确认考核结果', params: idParam, response: { 200: evalResult } } },
    (req) => evaluationService.acknowledge(app.db, req.actor(), req.params.id));
  app.post('/eval/results/:id/appeal', { schema: { tags, summary: 'Appeal my result / 申诉', params: idParam, body: evalAppealCreate, response: { 200: evalResult } } },
    (req) => evaluationService.appeal(app.db, req.actor(), req.params.id, req.body.reason));
  app.get('/eval/appeals', { schema: { tags, summary: 'Appeals to re-review / 申诉复核', response: { 200: evalAppealList } } },
    (req) => evaluationService.appeals(app.db, req.actor()));
  app.post('/eval/appeals/:id/answer', { schema: { tags, summary: 'Answer an appeal / 复核申诉', params: idParam, body: evalAppealAnswer, response: { 200: evalResult } } },
    (req) => evaluationService.answerAppeal(app.db, req.actor(), req.params.id, req.body));
  app.get('/conduct', { schema: { tags, summary: 'Conduct records / 奖惩记录', querystring: conductQuery, response: { 200: conductList } } },
    (req) => conductService.list(app.db, req.actor(), req.query));
  app.post('/conduct', { schema: { tags, summary: 'Record a reward or penalty / 登记奖惩', body: conductCreate, response: { 201: conductRecord } } },
    async (req, reply) => reply.status(201).send(await conductService.create(app.db, req.actor(), req.body)));
};
