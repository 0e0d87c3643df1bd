import { z } from 'zod';
import { ROLES } from '@kehu/domain';

export const user = z.object({
  id: z.number().int(),
  login: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgUnitId: z.number().int().nullable(),
  staffId: z.number().int().nullable(),
  disabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
});
export type User = z.infer<typeof user>;

const password = z.string().min(8, { message: 'password' }).max(200).regex(/[A-Za-z]/, { message: 'password' }).regex(/\d/, { message: 'password' });

export const userCreate = z.object({
  login: z.string().trim().regex(/^[A-Za-z0-9._-]{3,40}$/, { message: 'login' }),
  displayName: z.string().trim().min(1, { message: 'required' }).max(50),
  role: z.enum(ROLES),
  orgUnitId: z.number().int().positive().nullable(),
  staffId: z.number().int().positive().nullable(),
  password,
}).strict();
export type UserCreate = z.infer<typeof userCreate>;

export const userUpdate = z.object({
  displayName: z.string().trim().min(1, { message: 'required' }).max(50),
  role: z.enum(ROLES),
  orgUnitId: z.number().int().positive().nullable(),
  staffId: z.number().int().positive().nullable(),
  disabled: z.boolean(),
  password,
}).partial().strict();
export type UserUpdate = z.infer<typeof userUpdate>;

export const userList = z.object({ items: z.array(user) });
