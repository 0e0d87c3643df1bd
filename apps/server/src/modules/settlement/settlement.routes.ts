import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParam, payAssignment, payAssignmentCreate, payAssignmentEnd, payImportJob, payImportJobCreate, type PayImportJob, payCorrectionsResult, payDiff, payDispute, payDisputeAnswer, payDisputeCreate, payDisputeList, payFactSummary, payFactsPost, payImportReport,
  payPeriod, payPeriodCreate, payPeriodList, payPlan, payPlanCreate, payPlansView, payRun, payRunAction, payRunList, paySlip, paySlipPage, paySlipQuery, paySlipSummary,
  payWhatIf, slipFactPage, slipFactQuery, payFactFileList, payFactPage, payFactQuery, payFactVoid, payFactVoidResult,
} from '@kehu/contracts';
import { AppError } from '../../errors/app-error.ts';
import { factsService } from './facts.service.ts';
import { factVoidsService } from './fact-voids.service.ts';
import { importProgress } from './import-progress.ts';
import { settlementService } from './settlement.service.ts';
import { slipsService } from './slips.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const settlementRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['pay'];
  // Fact files in CSV arrive as a stream and are loaded as they are read, whatever their size.
  app.addContentTypeParser(['text/csv', 'application/csv'], (_req, payload, done) => done(null, payload));

  app.get('/pay/periods', { schema: { tags, summary: 'Pay periods / 结算期', response: { 200: payPeriodList } } },
    async (req) => ({ items: await settlementService.periods(app.db, req.actor()) }));
  app.post('/pay/periods', { schema: { tags, summary: 'Open a pay period / 新建结算期', body: payPeriodCreate, response: { 201: payPeriod } } },
    async (req, reply) => reply.status(201).send(await settlementService.createPeriod(app.db, req.actor(), req.body.period)));

  app.get('/pay/plans', { schema: { tags, summary: 'Plans and who they apply to / 薪酬方案与适用范围', response: { 200: payPlansView } } },
    (req) => settlementService.plansView(app.db, req.actor()));
  app.post('/pay/plans', { schema: { tags, summary: 'A plan (one policy version) / 新建方案', body: payPlanCreate, response: { 201: payPlan } } },
    async (req, reply) => reply.status(201).send(await settlementService.createPlan(app.db, req.actor(), req.body)));
  app.post('/pay/plan-assignments', { schema: { tags, summary: 'Assign a plan by position, unit, hire type / 分配方案', body: payAssignmentCreate, response: { 201: z.object({ id: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await settlementService.createAssignment(app.db, req.actor(), req.body)));
  app.put('/pay/plan-assignments/:id', { schema: { tags, summary: 'Edit a plan assignment / 修改方案分配', params: idParam, body: payAssignmentCreate, response: { 200: payAssignment } } },
    (req) => settlementService.updateAssignment(app.db, req.actor(), req.params.id, req.body));
  app.post('/pay/plan-assignments/:id/end', { schema: { tags, summary: 'End a plan assignment on a day / 结束方案分配', params: idParam, body: payAssignmentEnd, response: { 200: payAssignment } } },
    (req) => settlementService.endAssignment(app.db, req.actor(), req.params.id, req.body.validTo));

  app.post('/pay/periods/:id/import-jobs', { schema: { tags, summary: 'Open an import job to follow its progress / 创建导入任务（进度）', params: idParam, body: payImportJobCreate, response: { 201: payImportJob } } },
    async (req, reply) => reply.status(201).send(await importProgress.open(app.db, req.actor(), req.params.id, req.body.fileName, req.body.size)));
  app.get('/pay/import-jobs/:jobId', { schema: { tags, summary: 'Progress of an import: rows read, phase, report / 导入进度', params: z.object({ jobId: z.uuid() }), response: { 200: payImportJob } } },
    (req) => importProgress.get(app.db, req.actor(), req.params.jobId));

  app.post('/pay/periods/:id/facts/import', {
    bodyLimit: 20 * 1024 * 1024,
    schema: {
      tags, summary: 'Import facts from CSV or Excel, all rows or none / 导入业绩事实', params: idParam,
      querystring: z.object({ fileName: z.string().max(200).default('facts.csv'), jobId: z.uuid().optional() }),
      description: `Body: raw CSV (text/csv, streamed, any size) or an .xlsx workbook (${XLSX}). Columns: staffId, kind, date, quantity, amount, faceValue, spent, gifted, subKind, customerId, ref, note (or their Chinese names).`,
      response: { 200: payImportReport },
    },
  }, async (req) => {
    const body: unknown = req.body;
    // With a job id the page follows the rows as they are read and checked, then the write, then the report.
    const job = await importProgress.attach(app.database, req.actor(), req.query.jobId, req.params.id);
    const follow = job ? { onProgress: (rows: number, bytes: number) => job.progress(rows, bytes), onWriting: () => job.writing() } : {};
    try {
      let report;
      if (Buffer.isBuffer(body)) report = await factsService.importFile(app.database, req.actor(), req.params.id, { fileName: req.query.fileName, xlsx: body, ...follow });
      else if (body && typeof (body as Readable).pipe === 'function') report = await factsService.importFile(app.database, req.actor(), req.params.id, { fileName: req.query.fileName, csv: body as Readable, ...follow });
      else throw new AppError('unsupported_media_type');
      await job?.done(report);
      return report;
    } catch (e) {
      const report = e instanceof AppError ? (e.options.details?.report as { errors?: PayImportJob['errors'] } | undefined) : undefined;
      await job?.failed(report?.errors ?? [], e instanceof AppError ? e.text : null);
      throw e;
    }
  });
  app.post('/pay/periods/:id/facts', { bodyLimit: 5 * 1024 * 1024, schema: { tags, summary: 'Post facts (form or API) / 录入业绩事实', params: idParam, body: payFactsPost, response: { 200: payImportReport } } },
    (req) => factsService.post(app.database, req.actor(), req.params.id, req.body.facts));
  app.get('/pay/periods/:id/facts/summary', { schema: { tags, summary: 'Facts loaded per kind / 事实汇总', params: idParam, response: { 200: payFactSummary } } },
    (req) => factsService.summary(app.db, req.actor(), req.params.id));

  app.get('/pay/periods/:id/fact-files', { schema: { tags, summary: 'Files of facts loaded into a period / 导入记录', params: idParam, response: { 200: payFactFileList } } },
    async (req) => ({ items: await factVoidsService.files(app.db, req.actor(), req.params.id) }));
  app.get('/pay/periods/:id/facts', { schema: { tags, summary: 'A period\'s facts, voided ones marked / 事实明细', params: idParam, querystring: payFactQuery, response: { 200: payFactPage } } },
    (req) => factVoidsService.facts(app.db, req.actor(), req.params.id, req.query));
  app.post('/pay/fact-files/:id/void', { schema: { tags, summary: 'Void a whole file of facts / 作废导入文件', params: idParam, body: payFactVoid, response: { 200: payFactVoidResult } } },
    (req) => factVoidsService.voidFile(app.db, req.actor(), req.params.id, req.body.reason));
  app.post('/pay/facts/:id/void', { schema: { tags, summary: 'Void one fact / 作废事实', params: idParam, body: payFactVoid, response: { 200: payFactVoidResult } } },
    (req) => factVoidsService.voidFact(app.db, req.actor(), req.params.id, req.body.reason));

  app.get('/pay/periods/:id/runs', { schema: { tags, summary: 'Runs of a period / 结算批次', params: idParam, response: { 200: payRunList } } },
    async (req) => ({ items: await settlementService.runs(app.db, req.actor(), req.params.id) }));
  app.post('/pay/periods/:id/runs', { schema: { tags, summary: 'Run settlement (draft) / 计算本期薪资', params: idParam, response: { 201: payRun } } },
    async (req, reply) => reply.status(201).send(await settlementService.startRun(app.db, req.actor(), req.params.id)));
  app.post('/pay/periods/:id/corrections', { schema: { tags, summary: 'Correct a locked period with adjustments / 更正锁定期', params: idParam, response: { 200: payCorrectionsResult } } },
    (req) => settlementService.correctLocked(app.db, req.actor(), req.params.id));
  app.post('/pay/what-if', { schema: { tags, summary: 'A draft policy against a past period / 模拟测算', body: payWhatIf, response: { 200: payDiff } } },
    (req) => settlementService.whatIf(app.db, req.actor(), req.body.periodId, req.body.document));

  app.get('/pay/runs/:id', { schema: { tags, summary: 'One run / 结算批次详情', params: idParam, response: { 200: payRun } } },
    (req) => settlementService.run(app.db, req.actor(), req.params.id));
  app.post('/pay/runs/:id/transition', { schema: { tags, summary: 'Review, approve, lock or send back / 审核、批准、锁定、退回', params: idParam, body: payRunAction, response: { 200: payRun } } },
    (req) => settlementService.transition(app.db, req.actor(), req.params.id, req.body.action));
  app.get('/pay/runs/:id/diff', { schema: { tags, summary: 'Difference per person against the previous run / 与上次结算对比', params: idParam, response: { 200: payDiff } } },
    (req) => settlementService.diff(app.db, req.actor(), req.params.id));
  app.get('/pay/runs/:id/slips', { schema: { tags, summary: 'Slips of a run / 工资单列表', params: idParam, querystring: paySlipQuery, response: { 200: paySlipPage } } },
    (req) => slipsService.forRun(app.db, req.actor(), req.params.id, req.query.page, req.query.pageSize));
  app.get('/pay/runs/:id/export.xlsx', { schema: { tags, summary: 'The period as Excel / 导出工资表', params: idParam } },
    async (req, reply) => {
      const { file, name } = await settlementService.exportRun(app.db, req.actor(), req.params.id);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="${name}"`).send(file);
    });

  app.get('/pay/slips/mine', { schema: { tags, summary: 'My pay slips / 我的工资单', response: { 200: z.object({ items: z.array(paySlipSummary) }) } } },
    async (req) => ({ items: await slipsService.mine(app.db, req.actor()) }));
  app.get('/pay/slips/:id', { schema: { tags, summary: 'One slip with its explanation / 工资单详情', params: idParam, response: { 200: paySlip } } },
    (req) => slipsService.get(app.db, req.actor(), req.params.id));
  app.get('/pay/slips/:id/facts', { schema: { tags, summary: 'Facts behind a slip, counted or not and why / 工资单明细事实', params: idParam, querystring: slipFactQuery, response: { 200: slipFactPage } } },
    (req) => slipsService.facts(app.db, req.actor(), req.params.id, req.query));

  app.get('/pay/disputes', { schema: { tags, summary: 'Disputes / 薪资申诉', response: { 200: payDisputeList } } },
    async (req) => ({ items: await slipsService.disputes(app.db, req.actor()) }));
  app.post('/pay/disputes', { schema: { tags, summary: 'Dispute a line of my slip / 申诉', body: payDisputeCreate, response: { 201: payDispute } } },
    async (req, reply) => reply.status(201).send(await slipsService.raise(app.db, req.actor(), req.body.lineId, req.body.comment)));
  app.post('/pay/disputes/:id/answer', { schema: { tags, summary: 'Accept (adjustment) or reject a dispute / 处理申诉', params: idParam, body: payDisputeAnswer, response: { 200: payDispute } } },
    (req) => slipsService.answer(app.db, req.actor(), req.params.id, req.body));
};
