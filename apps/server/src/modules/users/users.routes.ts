import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, user, userCreate, userList, userUpdate } from '@kehu/contracts';
import { usersService } from './users.service.ts';

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['users'];
  app.get('/users', { schema: { tags, summary: 'Sign-in accounts / 用户列表', response: { 200: userList } } },
    async (req) => ({ items: await usersService.list(app.db, req.actor()) }));
  app.post('/users', { schema: { tags, summary: 'Create an account / 新建用户', body: userCreate, response: { 201: user } } },
    async (req, reply) => reply.status(201).send(await usersService.create(app.db, req.actor(), req.body)));
  app.patch('/users/:id', { schema: { tags, summary: 'Change an account / 修改用户', params: idParam, body: userUpdate, response: { 200: user } } },
    (req) => usersService.update(app.db, req.actor(), req.params.id, req.body));
};
