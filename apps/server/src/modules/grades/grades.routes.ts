import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { gradeDecision, gradeProposal, gradeProposalList, gradeSet, gradeView, idParam, qualificationCreate } from '@kehu/contracts';
import { gradesService } from './grades.service.ts';

export const gradesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['grades'];
  app.get('/grades/mine', { schema: { tags, summary: 'My grade and its history / 我的等级', response: { 200: gradeView } } },
    (req) => gradesService.mine(app.db, req.actor()));
  app.get('/grades/staff/:id', { schema: { tags, summary: 'A person’s grade held and whose benefits apply / 人员等级', params: idParam, response: { 200: gradeView } } },
    (req) => gradesService.view(app.db, req.actor(), req.params.id));
  app.post('/grades/staff/:id', { schema: { tags, summary: 'Set a grade with a reason / 设定等级', params: idParam, body: gradeSet, response: { 200: gradeView } } },
    (req) => gradesService.set(app.db, req.actor(), req.params.id, req.body));
  app.get('/grades/proposals', { schema: { tags, summary: 'Promotions and demotions proposed by results / 等级调整建议', response: { 200: gradeProposalList } } },
    (req) => gradesService.proposals(app.db, req.actor()));
  app.post('/grades/proposals/:id/decide', { schema: { tags, summary: 'Approve or change a proposal / 审批等级调整', params: idParam, body: gradeDecision, response: { 200: gradeProposal } } },
    (req) => gradesService.decide(app.db, req.actor(), req.params.id, req.body));
  app.post('/qualifications', { schema: { tags, summary: 'Record an exam, certificate or qualification / 登记考试与资格', body: qualificationCreate, response: { 201: gradeView } } },
    async (req, reply) => reply.status(201).send(await gradesService.addQualification(app.db, req.actor(), req.body)));
};
