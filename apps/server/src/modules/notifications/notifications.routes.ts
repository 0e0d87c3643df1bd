import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, notificationList, notificationQuery } from '@kehu/contracts';
import { notificationsService } from './notifications.service.ts';

const unread = z.object({ unread: z.number().int() });

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];
  app.get('/notifications', { schema: { tags, summary: 'My notifications and unread count / 我的提醒', querystring: notificationQuery, response: { 200: notificationList } } },
    (req) => notificationsService.list(app.db, req.actor(), { unread: req.query.unread === 'true', limit: req.query.limit }));
  app.post('/notifications/:id/read', { schema: { tags, summary: 'Mark one read / 标为已读', params: idParam, response: { 200: unread } } },
    (req) => notificationsService.markRead(app.db, req.actor(), req.params.id));
  app.post('/notifications/read-all', { schema: { tags, summary: 'Mark all read / 全部已读', response: { 200: unread } } },
    (req) => notificationsService.markAllRead(app.db, req.actor()));
};
