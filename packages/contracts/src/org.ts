import { z } from 'zod';
import { ORG_UNIT_KINDS } from '@kehu/domain';

export const orgUnit = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORG_UNIT_KINDS),
  path: z.string(),
  staffCount: z.number().int(),
  updatedAt: z.string(),
});
export type OrgUnit = z.infer<typeof orgUnit>;

export const orgUnitCreate = z.object({
  parentId: z.number().int().positive({ message: 'orgUnit.parentRequired' }),
  code: z.string().trim().min(1, { message: 'required' }).max(30).regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(1, { message: 'required' }).max(60),
  kind: z.enum(ORG_UNIT_KINDS),
}).strict();
export type OrgUnitCreate = z.infer<typeof orgUnitCreate>;

export const orgUnitUpdate = orgUnitCreate.partial().strict();
export type OrgUnitUpdate = z.infer<typeof orgUnitUpdate>;

export const orgUnitList = z.object({ items: z.array(orgUnit) });
