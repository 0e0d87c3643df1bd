import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, orgUnit, orgUnitCreate, orgUnitList, orgUnitUpdate, okResponse } from '@kehu/contracts';
import { orgUnitsService } from './org-units.service.ts';

export const orgUnitsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['org-units'];
  app.get('/org-units', { schema: { tags, summary: 'Org units in scope / 机构列表', response: { 200: orgUnitList } } },
    async (req) => ({ items: await orgUnitsService.list(app.db, req.actor()) }));
  app.get('/org-units/:id', { schema: { tags, summary: 'One org unit / 机构详情', params: idParam, response: { 200: orgUnit } } },
    (req) => orgUnitsService.get(app.db, req.actor(), req.params.id));
  app.post('/org-units', { schema: { tags, summary: 'Create an org unit / 新建机构', body: orgUnitCreate, response: { 201: orgUnit } } },
    async (req, reply) => reply.status(201).send(await orgUnitsService.create(app.db, req.actor(), req.body)));
  app.patch('/org-units/:id', { schema: { tags, summary: 'Change an org unit / 修改机构', params: idParam, body: orgUnitUpdate, response: { 200: orgUnit } } },
    (req) => orgUnitsService.update(app.db, req.actor(), req.params.id, req.body));
  app.delete('/org-units/:id', { schema: { tags, summary: 'Delete an empty org unit / 删除机构', params: idParam, response: { 200: okResponse } } },
    async (req) => { await orgUnitsService.remove(app.db, req.actor(), req.params.id); return { ok: true as const }; });
};
