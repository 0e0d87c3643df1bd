import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, importReport, staff, staffCreate, staffHistory, staffPage, staffQuery, staffUpdate } from '@kehu/contracts';
import { AppError } from '../../errors/app-error.ts';
import { staffService } from './staff.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['staff'];
  app.get('/staff', { schema: { tags, summary: 'Search staff / 员工列表', querystring: staffQuery, response: { 200: staffPage } } },
    (req) => staffService.list(app.db, req.actor(), req.query));

  app.get('/staff/export.xlsx', { schema: { tags, summary: 'Staff list as Excel / 导出员工', querystring: staffQuery } },
    async (req, reply) => {
      const file = await staffService.exportXlsx(app.db, req.actor(), req.query);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="staff.xlsx"; filename*=UTF-8''${encodeURIComponent('员工名单')}.xlsx`).send(file);
    });

  app.get('/staff/import-template.xlsx', { schema: { tags, summary: 'Empty import sheet / 导入模板' } },
    async (req, reply) => reply.type(XLSX).header('content-disposition', `attachment; filename="staff-template.xlsx"`).send(await staffService.importTemplate(req.actor())));

  app.post('/staff/import', {
    bodyLimit: 20 * 1024 * 1024,
    schema: { tags, summary: 'Import staff from Excel, all rows or none / 导入员工', description: `Body: the raw .xlsx bytes with content-type ${XLSX}.`, response: { 200: importReport } },
  }, async (req) => {
    if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported_media_type');
    return staffService.importXlsx(app.db, req.actor(), req.body);
  });

  app.get('/staff/:id', { schema: { tags, summary: 'One staff member / 员工详情', params: idParam, response: { 200: staff } } },
    (req) => staffService.get(app.db, req.actor(), req.params.id));
  app.get('/staff/:id/history', { schema: { tags, summary: 'Change history / 变更历史', params: idParam, response: { 200: staffHistory } } },
    async (req) => ({ items: await staffService.history(app.db, req.actor(), req.params.id) }));
  app.post('/staff', { schema: { tags, summary: 'Create a staff member / 新建员工', body: staffCreate, response: { 201: staff } } },
    async (req, reply) => reply.status(201).send(await staffService.create(app.db, req.actor(), req.body)));
  app.patch('/staff/:id', { schema: { tags, summary: 'Change a staff member / 修改员工', params: idParam, body: staffUpdate, response: { 200: staff } } },
    (req) => staffService.update(app.db, req.actor(), req.params.id, req.body));
};
