import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignmentList, assignmentRequest, assignmentRequestCreate, assignmentRequestPage, assignmentRequestQuery, assignmentSet, colleagueList, customer,
  bigCustomerReport, customerCreate, customerPage, importReport, retentionQuery, retentionReport, customerQuery, customerUpdate, handoverCreate, handoverResult, idParam, requestDecision, staffHistory, staffingReport,
  bigCustomerContact, bigCustomerContactCreate, bigCustomerContactLog, bigCustomerContactUpdate, contactParam, territory, territoryAssign, territoryCreate, territoryDeleteQuery, territoryList, territoryRemove, territoryUpdate, portfolioPolicySet, portfolioPolicyView,
} from '@kehu/contracts';
import { customersService } from './customers.service.ts';
import { requestsService } from './requests.service.ts';
import { customersMetricsService } from './customers-metrics.service.ts';
import { customersExcelService } from './customers-excel.service.ts';
import { territoriesService } from './territories.service.ts';
import { bigCustomerContactsService } from './big-customer-contacts.service.ts';
import { portfolioPolicyService } from './portfolio-policy.service.ts';
import { AppError } from '../../errors/app-error.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['customers'];
  app.get('/customers', { schema: { tags, summary: 'Customers in scope / 客户列表', description: 'A manager’s unfiltered list comes in customer order straight from the assignment index; searches (name prefix, ID number prefix, customer number) come in name order.', querystring: customerQuery, response: { 200: customerPage } } },
    (req) => customersService.list(app.db, req.actor(), req.query));
  app.get('/customers/export.xlsx', { schema: { tags, summary: 'Customers in scope as Excel / 导出客户', querystring: customerQuery } },
    async (req, reply) => reply.type(XLSX).header('content-disposition', `attachment; filename="customers.xlsx"; filename*=UTF-8''${encodeURIComponent('客户名单')}.xlsx`)
      .send(await customersExcelService.exportXlsx(app.db, req.actor(), req.query)));
  app.get('/customers/import-template.xlsx', { schema: { tags, summary: 'Empty customer sheet / 客户导入模板' } },
    async (req, reply) => reply.type(XLSX).header('content-disposition', 'attachment; filename="customers-template.xlsx"').send(await customersExcelService.template(req.actor())));
  app.post('/customers/import', {
    bodyLimit: 20 * 1024 * 1024,
    schema: { tags, summary: 'Import customers from Excel, all rows or none / 导入客户', description: `Body: the raw .xlsx bytes with content-type ${XLSX}.`, response: { 200: importReport } },
  }, async (req) => {
    if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported_media_type');
    return customersExcelService.importXlsx(app.db, req.actor(), req.body);
  });
  app.get('/customers/:id', { schema: { tags, summary: 'One customer with its archive / 客户详情', params: idParam, response: { 200: customer } } },
    (req) => customersService.get(app.db, req.actor(), req.params.id));
  app.get('/customers/:id/history', { schema: { tags, summary: 'Change history / 变更历史', params: idParam, response: { 200: staffHistory } } },
    async (req) => ({ items: await customersService.history(app.db, req.actor(), req.params.id) }));
  app.get('/customers/:id/assignments', { schema: { tags, summary: 'Assignment history / 管户历史', params: idParam, response: { 200: assignmentList } } },
    async (req) => ({ items: await customersService.assignments(app.db, req.actor(), req.params.id) }));
  app.put('/customers/:id/assignments', { schema: { tags, summary: 'Set who manages the customer from a date / 设置管户', params: idParam, body: assignmentSet, response: { 200: assignmentList } } },
    async (req) => ({ items: await customersService.setAssignments(app.db, req.actor(), req.params.id, req.body) }));
  app.post('/customers', { schema: { tags, summary: 'Create a customer / 新建客户', body: customerCreate, response: { 201: customer } } },
    async (req, reply) => reply.status(201).send(await customersService.create(app.db, req.actor(), req.body)));
  app.patch('/customers/:id', { schema: { tags, summary: 'Change a customer or its archive / 修改客户档案', params: idParam, body: customerUpdate, response: { 200: customer } } },
    (req) => customersService.update(app.db, req.actor(), req.params.id, req.body));

  app.get('/customers/:id/contacts', { schema: { tags, summary: 'Big-customer contact log and next regular contact / 大客户联系日志', params: idParam, response: { 200: bigCustomerContactLog } } },
    (req) => bigCustomerContactsService.log(app.db, req.actor(), req.params.id));
  app.post('/customers/:id/contacts', { schema: { tags, summary: 'Record a contact with a big customer / 记录大客户联系', params: idParam, body: bigCustomerContactCreate, response: { 201: bigCustomerContactLog } } },
    async (req, reply) => reply.status(201).send(await bigCustomerContactsService.create(app.db, req.actor(), req.params.id, req.body)));
  app.put('/customers/:id/contacts/:contactId', { schema: { tags, summary: 'Correct a contact entry (its author or HR) / 更正联系记录', params: contactParam, body: bigCustomerContactUpdate, response: { 200: bigCustomerContact } } },
    (req) => bigCustomerContactsService.correct(app.db, req.actor(), req.params.id, req.params.contactId, req.body));
  app.delete('/customers/:id/contacts/:contactId', { schema: { tags, summary: 'Delete a contact entry (its author or HR) / 删除联系记录', params: contactParam } },
    async (req, reply) => { await bigCustomerContactsService.remove(app.db, req.actor(), req.params.id, req.params.contactId); return reply.status(204).send(); });

  app.get('/territories', { schema: { tags, summary: 'Territories / 管片', response: { 200: territoryList } } },
    async (req) => ({ items: await territoriesService.list(app.db, req.actor()) }));
  app.post('/territories', { schema: { tags, summary: 'Create a territory / 新建管片', body: territoryCreate, response: { 201: territory } } },
    async (req, reply) => reply.status(201).send(await territoriesService.create(app.db, req.actor(), req.body)));
  app.patch('/territories/:id', { schema: { tags, summary: 'Rename a territory / 修改管片', params: idParam, body: territoryUpdate, response: { 200: territory } } },
    (req) => territoriesService.update(app.db, req.actor(), req.params.id, req.body));
  app.post('/territories/:id/customers', { schema: { tags, summary: 'Put customers into a territory, all or none / 划入管片', params: idParam, body: territoryAssign, response: { 200: territory } } },
    (req) => territoriesService.assign(app.db, req.actor(), req.params.id, req.body.customerIds));
  app.post('/territories/:id/customers/remove', { schema: { tags, summary: 'Take customers out of a territory, all or none / 移出管片', params: idParam, body: territoryRemove, response: { 200: territory } } },
    (req) => territoriesService.unassign(app.db, req.actor(), req.params.id, req.body.customerIds));
  app.delete('/territories/:id', {
    schema: { tags, summary: 'Delete a territory; its customers become unassigned / 删除管片', description: 'Pass the active-customer count the user confirmed as `customers`; a different count answers 409.', params: idParam, querystring: territoryDeleteQuery },
  }, async (req, reply) => { await territoriesService.remove(app.db, req.actor(), req.params.id, req.query.customers); return reply.status(204).send(); });
  app.get('/portfolio-policy', { schema: { tags, summary: 'The portfolio policy in force / 管户制度', response: { 200: portfolioPolicyView } } },
    (req) => portfolioPolicyService.get(app.db, req.actor()));
  app.put('/portfolio-policy', { schema: { tags, summary: 'Put a portfolio policy in force from a date / 设置管户制度', body: portfolioPolicySet, response: { 200: portfolioPolicyView } } },
    (req) => portfolioPolicyService.set(app.db, req.actor(), req.body));

  app.get('/staffing', { schema: { tags, summary: 'Staffing ratios per manager / 管户配比', querystring: z.object({ orgUnitId: z.coerce.number().int().positive().optional() }), response: { 200: staffingReport } } },
    (req) => customersService.staffing(app.db, req.actor(), req.query.orgUnitId));

  app.get('/retention', { schema: { tags, summary: 'Retention rate per manager / 客户保有率', querystring: retentionQuery, response: { 200: retentionReport } } },
    (req) => customersMetricsService.retention(app.db, req.actor(), req.query));
  app.get('/big-customers', { schema: { tags, summary: 'Big-customer selection by the policy / 大客户评定', response: { 200: bigCustomerReport } } },
    (req) => customersMetricsService.bigCustomers(app.db, req.actor()));
  app.post('/big-customers/apply', { schema: { tags, summary: 'Mark exactly the selected big customers / 按评定结果标记大客户', response: { 200: bigCustomerReport } } },
    (req) => customersMetricsService.applyBigCustomers(app.db, req.actor()));

  const rtags = ['assignment-requests'];
  app.get('/assignment-requests', { schema: { tags: rtags, summary: 'Claims and transfers / 认领与移交申请', querystring: assignmentRequestQuery, response: { 200: assignmentRequestPage } } },
    (req) => requestsService.list(app.db, req.actor(), req.query));
  app.get('/assignment-requests/colleagues', { schema: { tags: rtags, summary: 'Who a customer may be transferred to / 可移交的客户经理', response: { 200: colleagueList } } },
    async (req) => ({ items: await requestsService.colleagues(app.db, req.actor()) }));
  app.get('/assignment-requests/:id', { schema: { tags: rtags, summary: 'One request / 申请详情', params: idParam, response: { 200: assignmentRequest } } },
    (req) => requestsService.get(app.db, req.actor(), req.params.id));
  app.post('/assignment-requests', { schema: { tags: rtags, summary: 'Claim a customer or ask for a transfer / 认领或申请移交', body: assignmentRequestCreate, response: { 201: assignmentRequest } } },
    async (req, reply) => reply.status(201).send(await requestsService.create(app.db, req.actor(), req.body)));
  app.post('/assignment-requests/:id/decision', { schema: { tags: rtags, summary: 'Approve or reject / 审批', params: idParam, body: requestDecision, response: { 200: assignmentRequest } } },
    (req) => requestsService.decide(app.db, req.actor(), req.params.id, req.body));
  app.post('/handovers', { schema: { tags: rtags, summary: 'Hand over a leaving manager’s customers / 离岗交接', body: handoverCreate, response: { 200: handoverResult } } },
    (req) => requestsService.handover(app.db, req.actor(), req.body));
};
