import { z } from 'zod';
import { pageQuery, pageOf, isoDate } from './common.ts';

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = pageQuery.extend({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  action: z.string().max(40).optional(),
  actor: z.string().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
export const auditPage = pageOf(auditEntry);
export type AuditPage = z.infer<typeof auditPage>;
