import { z } from 'zod';
import {
  EDUCATION_LEVELS, GENDERS, HIRE_TYPES, POSITIONS, STAFF_CATEGORIES, STAFF_STATUSES,
  idCardProblem, idCardBirthDate, idCardGender, isMobilePhone,
} from '@kehu/domain';
import { isoDate, pageQuery, pageOf } from './common.ts';

const idCardMessage = { format: 'idCard.format', birth_date: 'idCard.birthDate', checksum: 'idCard.checksum' } as const;

/** Field rules of a staff record, shared by the API, the form and the Excel import. */
export const staffFields = z.object({
  name: z.string().trim().min(1, { message: 'name.length' }).max(50, { message: 'name.length' }),
  gender: z.enum(GENDERS),
  birthDate: isoDate,
  idCardNo: z.string().trim().toUpperCase().superRefine((v, ctx) => {
    const problem = idCardProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: idCardMessage[problem] });
  }),
  phone: z.string().trim().refine(isMobilePhone, { message: 'phone' }),
  education: z.enum(EDUCATION_LEVELS),
  hireDate: isoDate,
  hireType: z.enum(HIRE_TYPES),
  position: z.enum(POSITIONS),
  category: z.enum(STAFF_CATEGORIES),
  orgUnitId: z.number().int().positive(),
  status: z.enum(STAFF_STATUSES),
});

type StaffFieldsShape = Partial<z.infer<typeof staffFields>>;

/** Cross-field checks: birth date and gender agree with the ID number; hired after birth. */
export function checkStaffConsistency(v: StaffFieldsShape, ctx: z.RefinementCtx): void {
  if (v.idCardNo && !idCardProblem(v.idCardNo)) {
    if (v.birthDate && idCardBirthDate(v.idCardNo) !== v.birthDate) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'idCard.birthMismatch' });
    if (v.gender && idCardGender(v.idCardNo) !== v.gender) ctx.addIssue({ code: 'custom', path: ['gender'], message: 'idCard.genderMismatch' });
  }
  if (v.birthDate && v.hireDate && v.hireDate < v.birthDate) ctx.addIssue({ code: 'custom', path: ['hireDate'], message: 'hireDate.beforeBirth' });
}

/** The cross-field checks alone, for a merged record (an update applied to what is stored). */
export const staffConsistency = z.custom<StaffFieldsShape>((v) => typeof v === 'object' && v !== null).superRefine(checkStaffConsistency);

export const staffCreate = staffFields.strict().superRefine(checkStaffConsistency);
export type StaffCreate = z.infer<typeof staffCreate>;

/** A change carries the version it was made from; a stale version is refused with 409. */
export const staffUpdate = staffFields.partial().extend({ version: z.number().int().positive() }).strict().superRefine(checkStaffConsistency);
export type StaffUpdate = z.infer<typeof staffUpdate>;

export const staff = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  idCardNo: z.string().describe('Masked (110105********1234) unless the caller may read ID numbers'),
  phone: z.string().describe('Masked in lists'),
  education: z.enum(EDUCATION_LEVELS),
  hireDate: z.string(),
  hireType: z.enum(HIRE_TYPES),
  position: z.enum(POSITIONS),
  category: z.enum(STAFF_CATEGORIES),
  orgUnitId: z.number().int(),
  orgUnitName: z.string(),
  status: z.enum(STAFF_STATUSES),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Staff = z.infer<typeof staff>;

export const staffQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional().describe('Name, phone or ID number (part of)'),
  orgUnitId: z.coerce.number().int().positive().optional().describe('Includes the unit subtree'),
  status: z.enum(STAFF_STATUSES).optional(),
  position: z.enum(POSITIONS).optional(),
  hireType: z.enum(HIRE_TYPES).optional(),
  sort: z.enum(['name', 'hireDate', 'updatedAt']).default('name'),
});
export type StaffQuery = z.infer<typeof staffQuery>;

export const staffPage = pageOf(staff);
export type StaffPage = z.infer<typeof staffPage>;

export const historyEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});
export type HistoryEntry = z.infer<typeof historyEntry>;
export const staffHistory = z.object({ items: z.array(historyEntry) });

export const importRowError = z.object({
  sheet: z.string().optional().describe('Sheet of a workbook or file the row is in, when an import reads several'),
  row: z.number().int().describe('Row number in the sheet, header is row 1'),
  column: z.string(),
  message: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
export type ImportRowError = z.infer<typeof importRowError>;
export const importReport = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importRowError),
});
export type ImportReport = z.infer<typeof importReport>;
