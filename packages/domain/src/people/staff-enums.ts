/**
 * Enumerations of a staff record, with their Chinese and English labels.
 * Order matters for education: it runs from lowest to highest so that
 * "education at least X" is a comparison of indexes.
 */
export const EDUCATION_LEVELS = ['junior_middle', 'senior_middle', 'technical_secondary', 'college', 'bachelor', 'master', 'doctor'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const HIRE_TYPES = ['staff', 'external', 'agent'] as const;
export type HireType = (typeof HIRE_TYPES)[number];

export const POSITIONS = ['customer_manager', 'seat_operator', 'big_customer_manager', 'supervisor', 'branch_head', 'hr_specialist', 'agent', 'other'] as const;
export type Position = (typeof POSITIONS)[number];

export const STAFF_CATEGORIES = ['market', 'credit', 'marketing_design', 'specialist', 'service'] as const;
export type StaffCategory = (typeof STAFF_CATEGORIES)[number];

export const STAFF_STATUSES = ['active', 'probation', 'on_leave', 'left'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export const ORG_UNIT_KINDS = ['head_office', 'branch', 'sub_branch', 'store', 'department'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const LABELS = {
  education: {
    junior_middle: { zh: '初中', en: 'Junior middle school' },
    senior_middle: { zh: '高中', en: 'Senior high school' },
    technical_secondary: { zh: '中专', en: 'Technical secondary' },
    college: { zh: '大专', en: 'College' },
    bachelor: { zh: '本科', en: "Bachelor's" },
    master: { zh: '硕士', en: "Master's" },
    doctor: { zh: '博士', en: 'Doctorate' },
  } satisfies Labels<EducationLevel>,
  gender: {
    male: { zh: '男', en: 'Male' },
    female: { zh: '女', en: 'Female' },
  } satisfies Labels<Gender>,
  hireType: {
    staff: { zh: '正式员工', en: 'Staff' },
    external: { zh: '外聘', en: 'External hire' },
    agent: { zh: '代办员', en: 'Agent' },
  } satisfies Labels<HireType>,
  position: {
    customer_manager: { zh: '客户经理', en: 'Customer manager' },
    seat_operator: { zh: '座席员', en: 'Seat operator' },
    big_customer_manager: { zh: '大客户经理', en: 'Big-customer manager' },
    supervisor: { zh: '主管', en: 'Supervisor' },
    branch_head: { zh: '支行行长/主任', en: 'Branch head' },
    hr_specialist: { zh: '人力专员', en: 'HR specialist' },
    agent: { zh: '业务代办员', en: 'Agent' },
    other: { zh: '其他', en: 'Other' },
  } satisfies Labels<Position>,
  category: {
    market: { zh: '市场经理', en: 'Market manager' },
    credit: { zh: '信贷业务经理', en: 'Credit business manager' },
    marketing_design: { zh: '营销设计经理', en: 'Marketing design manager' },
    specialist: { zh: '专业经理', en: 'Specialist manager' },
    service: { zh: '服务类', en: 'Service' },
  } satisfies Labels<StaffCategory>,
  status: {
    active: { zh: '在岗', en: 'Active' },
    probation: { zh: '见习', en: 'Probation' },
    on_leave: { zh: '休假', en: 'On leave' },
    left: { zh: '离职', en: 'Left' },
  } satisfies Labels<StaffStatus>,
  orgUnitKind: {
    head_office: { zh: '总行/总部', en: 'Head office' },
    branch: { zh: '分行/分部', en: 'Branch' },
    sub_branch: { zh: '支行/网点', en: 'Sub-branch' },
    store: { zh: '门店', en: 'Store' },
    department: { zh: '部门', en: 'Department' },
  } satisfies Labels<OrgUnitKind>,
} as const;

/** Finds the enum key whose Chinese or English label (or key) equals `text`; used by imports. */
export function keyFromLabel<K extends string>(labels: Labels<K>, text: string): K | undefined {
  const t = text.trim().toLowerCase();
  for (const [key, l] of Object.entries(labels) as [K, { zh: string; en: string }][]) {
    if (key.toLowerCase() === t || l.zh === text.trim() || l.en.toLowerCase() === t) return key;
  }
  return undefined;
}
