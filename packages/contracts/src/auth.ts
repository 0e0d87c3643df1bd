import { z } from 'zod';
import { ROLES, PERMISSIONS } from '@kehu/domain';

export const signInBody = z.object({
  login: z.string().trim().min(1, { message: 'required' }).max(40),
  password: z.string().min(1, { message: 'required' }).max(200),
});
export type SignInBody = z.infer<typeof signInBody>;

export const me = z.object({
  userId: z.number().int(),
  tenantId: z.number().int(),
  tenantName: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  permissions: z.array(z.enum(PERMISSIONS)),
  orgUnitId: z.number().int().nullable(),
  orgUnitName: z.string().nullable(),
  staffId: z.number().int().nullable(),
  locale: z.enum(['zh-CN', 'en']),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof me>;

export const localeBody = z.object({ locale: z.enum(['zh-CN', 'en']) });
