import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { Staff } from '@kehu/contracts';
import type { EducationLevel, Gender, HireType, Position, StaffCategory, StaffStatus } from '@kehu/domain';

/** What the antd form holds: dates as dayjs, everything possibly empty while typing. */
export interface StaffFormValues {
  name?: string;
  gender?: Gender;
  birthDate?: Dayjs | null;
  idCardNo?: string;
  phone?: string;
  education?: EducationLevel;
  hireDate?: Dayjs | null;
  hireType?: HireType;
  position?: Position;
  category?: StaffCategory;
  orgUnitId?: number;
  status?: StaffStatus;
}

export const STAFF_FORM_FIELDS = [
  'name', 'gender', 'birthDate', 'idCardNo', 'phone', 'education', 'hireDate',
  'hireType', 'position', 'category', 'orgUnitId', 'status',
] as const;

export function toFormValues(s: Staff): StaffFormValues {
  return {
    name: s.name, gender: s.gender, birthDate: dayjs(s.birthDate), idCardNo: s.idCardNo, phone: s.phone,
    education: s.education, hireDate: dayjs(s.hireDate), hireType: s.hireType, position: s.position,
    category: s.category, orgUnitId: s.orgUnitId, status: s.status,
  };
}

/** Form values → the plain object the contract schema checks (dates as YYYY-MM-DD). */
export function toBody(v: StaffFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of STAFF_FORM_FIELDS) {
    const value = v[k];
    if (value === undefined || value === null || value === '') continue;
    out[k] = dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : value;
  }
  return out;
}
