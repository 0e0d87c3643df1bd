// Stored notifications (站内提醒): deadline alerts and risk warnings per recipient.
import { z } from 'zod';

export const notificationItem = z.object({
  id: z.number().int(), kind: z.string(), severity: z.string(), titleZh: z.string(), titleEn: z.string(), link: z.string(), refDate: z.string(), createdAt: z.string(), readAt: z.string().nullable(),
});
export const notificationList = z.object({ unread: z.number().int(), items: z.array(notificationItem) });
export const notificationQuery = z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).optional() });
export const alertRunResult = z.object({ today: z.string(), deadlines: z.number().int(), warnings: z.number().int(), created: z.number().int() });
export const alertRunQuery = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });

export type NotificationItem = z.infer<typeof notificationItem>;
export type NotificationList = z.infer<typeof notificationList>;
export type AlertRunResult = z.infer<typeof alertRunResult>;
