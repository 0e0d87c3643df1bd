import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  claimEventCreate, creditFigures, creditFiguresQuery, deadlineList, demandNotice, demandNoticeCreate, demandNoticeSign, guaranteeActionCreate, idParam, loanDetail, loanList, loanQuery,
  nplActionCreate, nplPlan, nplPlanUpsert, warningList, loanImportReport, loanCreate, riskItem, riskItemList, riskItemQuery, riskItemCreate, riskActionCreate, riskItemClose,
} from '@kehu/contracts';
import { z } from 'zod';
import type { Readable } from 'node:stream';
import { isoDate } from '@kehu/contracts';
import { AppError } from '../../errors/app-error.ts';
import { creditService } from './credit.service.ts';
import { balancesService } from './balances.service.ts';
import { villagesService } from './villages.service.ts';
import { loansImportService } from './loans-import.service.ts';
import { riskLedgerService } from './risk-ledger.service.ts';
import { creditAlertsService } from './credit-alerts.service.ts';
import { alertRunQuery, alertRunResult, household, householdList, householdRate, householdRemove } from '@kehu/contracts';
import { householdsService } from './households.service.ts';
import { businessDate } from '@kehu/domain/business-date';

const check = z.object({ code: z.string(), passed: z.boolean(), actual: z.string().nullable(), bound: z.string(), zh: z.string(), en: z.string().optional(), reason: z.object({ zh: z.string(), en: z.string() }).nullable().optional() });
const villageRate = z.object({ orgUnitId: z.number().int().positive(), name: z.string().trim().min(1, { message: 'required' }).max(100), households: z.number().int().min(1), creditHouseholds: z.number().int().min(0) });
const villageRated = z.object({ id: z.number().int(), name: z.string(), status: z.string(), ratedOn: z.string(), qualifies: z.boolean(), checks: z.array(check), figures: z.record(z.string(), z.number()), creditLineFen: z.number().int(), policy: z.object({ id: z.string(), version: z.number() }) });
const villageList = z.object({ items: z.array(z.object({ id: z.number().int(), orgUnitName: z.string(), name: z.string(), households: z.number().int(), status: z.string(), ratedOn: z.string(), checks: z.unknown(), creditLineFen: z.number().int(), removedOn: z.string().nullable(), removalReason: z.string().nullable(), recheckDue: z.boolean() })) });
const asset = z.object({ id: z.number().int(), loanId: z.number().int(), loanNo: z.string(), customerName: z.string(), description: z.string(), receivedOn: z.string(), valuationFen: z.number().int(), custody: z.string(), disposalDeadline: z.string(), disposedOn: z.string().nullable(), proceedsFen: z.number().int().nullable() });
const assetCreate = z.object({ description: z.string().trim().min(1, { message: 'required' }).max(500), receivedOn: isoDate, valuationFen: z.number().int().min(0), custody: z.string().trim().max(200).default(''), disposalDeadline: isoDate });
const assetDispose = z.object({ disposedOn: isoDate, proceedsFen: z.number().int().min(0) });
const villageRemove = z.object({ reason: z.string().trim().min(1, { message: 'required' }).max(500) });
const villageRemoved = z.object({ id: z.number().int(), name: z.string(), status: z.string(), removedOn: z.string().nullable(), removalReason: z.string().nullable() });

const balanceImportReport = z.object({
  ok: z.boolean(), rows: z.number().int(), accounts: z.number().int(), daysWritten: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.object({ 'zh-CN': z.string(), en: z.string() }) })),
});
const averageQuery = z.object({ loanNo: z.string().min(1).max(64), from: isoDate, to: isoDate });
const averageResult = z.object({ loanNo: z.string(), from: z.string(), to: z.string(), daySumFen: z.number(), days: z.number().int(), averageFen: z.number() });

export const creditRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['credit'];
  // Balance files arrive as a stream and are read line by line.
  app.addContentTypeParser(['text/csv', 'application/csv'], (_req, payload, done) => done(null, payload));
  app.post('/credit/balances/import', {
    bodyLimit: 50 * 1024 * 1024,
    schema: { tags, summary: 'Import daily balances (CSV), all rows or none / 导入日余额', description: 'Body: text/csv with columns 账户类型 (贷款/存款), 账号, 日期, 余额 (yuan), 客户号 (optional). Re-importing the same file changes nothing.', response: { 200: balanceImportReport, 422: balanceImportReport } },
  }, async (req, reply) => {
    const body: unknown = req.body;
    const r = Buffer.isBuffer(body) ? await balancesService.importXlsx(app.db, req.actor(), body)
      : body && typeof (body as Readable).pipe === 'function' ? await balancesService.importCsv(app.db, req.actor(), body as Readable) : null;
    if (!r) throw new AppError('unsupported_media_type');
    return reply.status(r.ok ? 200 : 422).send(r);
  });
  app.post('/credit/loans/import', {
    bodyLimit: 50 * 1024 * 1024,
    schema: {
      tags, summary: 'Import loans (CSV streamed, or Excel), all rows or none / 导入贷款台账', querystring: z.object({ fileName: z.string().max(200).default('loans.csv'), kind: z.enum(['loans', 'guarantors', 'instalments']).default('loans') }),
      description: 'Body: text/csv or an .xlsx workbook. Columns 借据号, 客户号 or 证件号码, 贷款品种, 金额 (yuan), 余额, 年利率, 发放日, 到期日, 担保方式, 抵押物, 五级分类, 管户经理编号, 推荐人编号, 村. A workbook may add sheets 保证人 (借据号, 保证人, 证件号码, 保证方式, 约定保证期间至, 关联方, 问题) and 还款计划 (借据号, 期次, 应还日, 应还本金, 应还利息); a CSV of either is sent with kind=guarantors|instalments. All sheets go in or none. A loan number, loan + guarantor ID number, loan + instalment number already on file is skipped: the same file twice adds nothing.',
      response: { 200: loanImportReport, 422: loanImportReport },
    },
  }, async (req, reply) => {
    const body: unknown = req.body;
    const { fileName, kind } = req.query;
    const src = Buffer.isBuffer(body) ? { fileName, kind, xlsx: body } : body && typeof (body as Readable).pipe === 'function' ? { fileName, kind, csv: body as Readable } : null;
    if (!src) throw new AppError('unsupported_media_type');
    const r = await loansImportService.importFile(app.db, req.actor(), src);
    return reply.status(r.ok ? 200 : 422).send(r);
  });
  app.post('/loans', { schema: { tags, summary: 'Enter one loan by hand / 录入贷款', body: loanCreate, response: { 201: z.object({ id: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await loansImportService.create(app.db, req.actor(), req.body)));
  app.get('/foreclosed-assets', { schema: { tags, summary: 'Foreclosed assets / 抵债资产', response: { 200: z.object({ items: z.array(asset) }) } } },
    (req) => creditService.assets(app.db, req.actor()));
  app.post('/loans/:id/foreclosed-assets', { schema: { tags, summary: 'Record an asset received for a loan / 登记抵债资产', params: idParam, body: assetCreate, response: { 201: asset } } },
    async (req, reply) => reply.status(201).send(await creditService.addAsset(app.db, req.actor(), req.params.id, req.body)));
  app.post('/foreclosed-assets/:id/dispose', { schema: { tags, summary: 'Record the disposal and proceeds / 处置抵债资产', params: idParam, body: assetDispose, response: { 200: asset } } },
    (req) => creditService.disposeAsset(app.db, req.actor(), req.params.id, req.body));
  app.get('/credit/villages', { schema: { tags, summary: 'Credit villages and their yearly re-check / 信用村', response: { 200: villageList } } },
    (req) => villagesService.list(app.db, req.actor()));
  app.post('/credit/villages/rate', { schema: { tags, summary: 'Rate or re-rate a credit village by the thresholds / 信用村评定', body: villageRate, response: { 200: villageRated } } },
    (req) => villagesService.rate(app.db, req.actor(), req.body));
  app.post('/credit/villages/:id/remove', { schema: { tags, summary: 'Remove a credit village with a reason / 取消信用村', params: idParam, body: villageRemove, response: { 200: villageRemoved } } },
    (req) => villagesService.remove(app.db, req.actor(), req.params.id, req.body.reason));
  app.get('/credit/households', { schema: { tags, summary: 'Credit households, grades and credit lines / 信用户', response: { 200: householdList } } },
    (req) => householdsService.list(app.db, req.actor()));
  app.post('/credit/households/rate', { schema: { tags, summary: 'Rate or re-check a credit household / 信用户评定（年度复评）', body: householdRate, response: { 200: household } } },
    (req) => householdsService.rate(app.db, req.actor(), req.body));
  app.post('/credit/households/:id/remove', { schema: { tags, summary: 'Remove a credit household with a reason / 取消信用户', params: idParam, body: householdRemove, response: { 200: household } } },
    (req) => householdsService.remove(app.db, req.actor(), req.params.id, req.body.reason));
  app.get('/credit/balances/average', { schema: { tags, summary: 'Average daily balance of a loan over a period (day-sums) / 日均余额', querystring: averageQuery, response: { 200: averageResult } } },
    (req) => balancesService.average(app.db, req.actor(), req.query));
  app.get('/loans', { schema: { tags, summary: 'Loans in scope / 贷款台账', querystring: loanQuery, response: { 200: loanList } } },
    (req) => creditService.list(app.db, req.actor(), req.query));
  app.get('/loans/:id', { schema: { tags, summary: 'One loan with its limitation register / 贷款详情与时效登记', params: idParam, response: { 200: loanDetail } } },
    (req) => creditService.get(app.db, req.actor(), req.params.id));
  app.post('/loans/:id/claim-events', { schema: { tags, summary: 'Record an interruption or obstacle / 登记时效中断、中止事由', params: idParam, body: claimEventCreate, response: { 201: loanDetail } } },
    async (req, reply) => reply.status(201).send(await creditService.addClaimEvent(app.db, req.actor(), req.params.id, req.body)));
  app.post('/guarantors/:id/actions', { schema: { tags, summary: 'Record an action that keeps a guarantee / 登记保证责任主张', params: idParam, body: guaranteeActionCreate, response: { 201: loanDetail } } },
    async (req, reply) => reply.status(201).send(await creditService.addGuaranteeAction(app.db, req.actor(), req.params.id, req.body)));
  app.post('/loans/:id/demand-notices', { schema: { tags, summary: 'Issue a demand notice / 出具催收通知书', params: idParam, body: demandNoticeCreate, response: { 201: demandNotice } } },
    async (req, reply) => reply.status(201).send(await creditService.issueNotice(app.db, req.actor(), req.params.id, req.body)));
  app.get('/demand-notices/:id', { schema: { tags, summary: 'A demand notice for printing / 催收通知书', params: idParam, response: { 200: demandNotice } } },
    (req) => creditService.getNotice(app.db, req.actor(), req.params.id));
  app.post('/demand-notices/:id/sign', { schema: { tags, summary: 'Record the signed notice (interrupts the period) / 登记签收', params: idParam, body: demandNoticeSign, response: { 200: demandNotice } } },
    (req) => creditService.signNotice(app.db, req.actor(), req.params.id, req.body));
  app.put('/loans/:id/npl-plan', { schema: { tags, summary: 'Collection plan of an NPL / 不良贷款清收计划', params: idParam, body: nplPlanUpsert, response: { 200: nplPlan } } },
    (req) => creditService.upsertNplPlan(app.db, req.actor(), req.params.id, req.body));
  app.post('/npl-plans/:id/actions', { schema: { tags, summary: 'A collection action / 清收措施', params: idParam, body: nplActionCreate, response: { 201: nplPlan } } },
    async (req, reply) => reply.status(201).send(await creditService.addNplAction(app.db, req.actor(), req.params.id, req.body)));
  app.get('/credit/risk-items', { schema: { tags, summary: 'High-risk ledger in scope / 高风险台账', querystring: riskItemQuery, response: { 200: riskItemList } } },
    (req) => riskLedgerService.list(app.db, req.actor(), req.query));
  app.post('/credit/risk-items', { schema: { tags, summary: 'Enter a loan in the high-risk ledger / 登记高风险事项', body: riskItemCreate, response: { 201: riskItem } } },
    async (req, reply) => reply.status(201).send(await riskLedgerService.create(app.db, req.actor(), req.body)));
  app.post('/credit/risk-items/:id/actions', { schema: { tags, summary: 'Record an action taken / 登记采取的措施', params: idParam, body: riskActionCreate, response: { 201: riskItem } } },
    async (req, reply) => reply.status(201).send(await riskLedgerService.addAction(app.db, req.actor(), req.params.id, req.body)));
  app.post('/credit/risk-items/:id/close', { schema: { tags, summary: 'Close an item with its outcome / 高风险事项销号', params: idParam, body: riskItemClose, response: { 200: riskItem } } },
    (req) => riskLedgerService.close(app.db, req.actor(), req.params.id, req.body.note));
  app.post('/credit/alerts/generate', { schema: { tags, summary: 'Run the alert generation now (idempotent) / 立即生成预警提醒', querystring: alertRunQuery, response: { 200: alertRunResult } } },
    (req) => {
      const today = businessDate();
      if (req.query.date && req.query.date > today) throw new AppError('conflict', { message: { 'zh-CN': '不能为未来日期生成提醒', en: 'Alerts cannot be generated for a future date' } });
      return creditAlertsService.generateNow(app.db, req.actor(), req.query.date ?? today);
    });
  app.get('/credit/deadlines', { schema: { tags, summary: 'Deadlines and alerts (90/30/7 days) / 时效预警', response: { 200: deadlineList } } },
    (req) => creditService.deadlines(app.db, req.actor()));
  app.get('/credit/warnings', { schema: { tags, summary: 'Loan risk warnings / 风险预警', response: { 200: warningList } } },
    (req) => creditService.warnings(app.db, req.actor()));
  app.get('/credit/figures', { schema: { tags, summary: 'NPL ratio, interest-collection and recovery rates / 信贷指标', querystring: creditFiguresQuery, response: { 200: creditFigures } } },
    (req) => creditService.figures(app.db, req.actor(), req.query.year));
};
