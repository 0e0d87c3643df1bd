import { idCardCheckChar, type EducationLevel, type HireType, type Position, type Role, type StaffCategory, type StaffStatus, type OrgUnitKind } from '@kehu/domain';

/** Demo data: a rural commercial bank and a spa chain, with one login per role. */
export const DEMO_PASSWORD = 'kehu2026';

export interface DemoUnit { code: string; name: string; kind: OrgUnitKind; parent: string | null }
export interface DemoStaff {
  name: string; gender: 'male' | 'female'; birth: string; phone: string; education: EducationLevel; hireDate: string;
  hireType: HireType; position: Position; category: StaffCategory; unit: string; status: StaffStatus;
}
export interface DemoUser { login: string; displayName: string; role: Role; unit: string; staff: string | null }
export interface DemoTenant { code: string; name: string; kind: string; region: string; units: DemoUnit[]; staff: DemoStaff[]; users: DemoUser[] }

/** A valid ID number for a birth date: region code + date + sequence (odd for men) + check character. */
export function demoIdCard(region: string, birth: string, seq: number, gender: 'male' | 'female'): string {
  const s = seq * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${region}${birth.replaceAll('-', '')}${String(s % 1000).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

const s = (name: string, gender: 'male' | 'female', birth: string, phone: string, education: EducationLevel, hireDate: string, position: Position, category: StaffCategory, unit: string, status: StaffStatus = 'active', hireType: HireType = 'staff'): DemoStaff =>
  ({ name, gender, birth, phone, education, hireDate, hireType, position, category, unit, status });

export const DEMO_TENANTS: DemoTenant[] = [
  {
    code: 'QSRCB', name: '青山农村商业银行', kind: 'rural_commercial_bank', region: '430102',
    units: [
      { code: 'HQ', name: '总行', kind: 'head_office', parent: null },
      { code: 'HR', name: '人力资源部', kind: 'department', parent: 'HQ' },
      { code: 'CQ', name: '城区分行', kind: 'branch', parent: 'HQ' },
      { code: 'CQ01', name: '人民路支行', kind: 'sub_branch', parent: 'CQ' },
      { code: 'CQ02', name: '解放路支行', kind: 'sub_branch', parent: 'CQ' },
      { code: 'DB', name: '东部分行', kind: 'branch', parent: 'HQ' },
      { code: 'DB01', name: '青石镇支行', kind: 'sub_branch', parent: 'DB' },
      { code: 'DB02', name: '柳溪镇支行', kind: 'sub_branch', parent: 'DB' },
    ],
    staff: [
      s('陈静', 'female', '1985-04-12', '13907310012', 'master', '2009-07-01', 'hr_specialist', 'specialist', 'HR'),
      s('王建国', 'male', '1978-09-23', '13807310023', 'bachelor', '2001-08-15', 'branch_head', 'market', 'CQ'),
      s('李娜', 'female', '1991-02-08', '13607310108', 'bachelor', '2014-07-10', 'customer_manager', 'market', 'CQ01'),
      s('张伟', 'male', '1988-11-30', '13707310130', 'bachelor', '2012-03-01', 'customer_manager', 'credit', 'CQ01'),
      s('刘洋', 'male', '1993-06-17', '15807310617', 'college', '2016-09-01', 'customer_manager', 'market', 'CQ01'),
      s('周敏', 'female', '1990-01-25', '15907310125', 'bachelor', '2013-07-01', 'customer_manager', 'marketing_design', 'CQ02'),
      s('吴磊', 'male', '1986-08-09', '13307310809', 'bachelor', '2010-07-05', 'customer_manager', 'credit', 'CQ02'),
      s('郑晓燕', 'female', '1995-12-03', '18807311203', 'bachelor', '2019-07-08', 'customer_manager', 'market', 'CQ02', 'probation'),
      s('孙浩', 'male', '1982-03-14', '13507310314', 'college', '2005-04-01', 'supervisor', 'market', 'DB'),
      s('马丽', 'female', '1989-07-21', '13107310721', 'bachelor', '2012-08-01', 'customer_manager', 'credit', 'DB01'),
      s('朱志强', 'male', '1984-10-02', '13207311002', 'technical_secondary', '2003-11-20', 'customer_manager', 'credit', 'DB01'),
      s('胡桂英', 'female', '1979-05-16', '15107310516', 'college', '2000-03-01', 'customer_manager', 'market', 'DB02'),
      s('林峰', 'male', '1992-09-29', '15207310929', 'bachelor', '2015-07-01', 'big_customer_manager', 'specialist', 'DB02'),
      s('何雪', 'female', '1996-04-04', '18907310404', 'master', '2021-07-01', 'customer_manager', 'marketing_design', 'CQ01', 'on_leave'),
      s('高明', 'male', '1975-12-19', '13007311219', 'senior_middle', '1996-06-01', 'customer_manager', 'credit', 'DB02', 'left'),
      s('罗红梅', 'female', '1987-02-27', '17707310227', 'college', '2011-05-01', 'seat_operator', 'specialist', 'CQ'),
      s('赵小军', 'male', '1980-08-18', '17307310818', 'senior_middle', '2018-03-01', 'agent', 'market', 'DB01', 'active', 'agent'),
      s('徐芳', 'female', '1983-11-11', '17807311111', 'junior_middle', '2019-05-01', 'agent', 'market', 'DB02', 'active', 'agent'),
      s('黄德华', 'male', '1981-01-07', '13807310107', 'bachelor', '2004-07-01', 'supervisor', 'market', 'CQ02'),
      s('宋佳', 'female', '1994-03-22', '15007310322', 'bachelor', '2017-07-01', 'customer_manager', 'specialist', 'CQ02'),
    ],
    users: [
      { login: 'bank.admin', displayName: '系统管理员', role: 'sysadmin', unit: 'HQ', staff: null },
      { login: 'bank.hr', displayName: '陈静', role: 'hr', unit: 'HR', staff: '陈静' },
      { login: 'bank.supervisor', displayName: '王建国', role: 'supervisor', unit: 'CQ', staff: '王建国' },
      { login: 'bank.manager', displayName: '李娜', role: 'manager', unit: 'CQ01', staff: '李娜' },
      { login: 'bank.agent', displayName: '赵小军', role: 'agent', unit: 'DB01', staff: '赵小军' },
    ],
  },
  {
    code: 'YUETING', name: '悦庭足浴养生连锁', kind: 'spa_chain', region: '450702',
    units: [
      { code: 'YTHQ', name: '悦庭总部', kind: 'head_office', parent: null },
      { code: 'S01', name: '五一路店', kind: 'store', parent: 'YTHQ' },
      { code: 'S02', name: '河西店', kind: 'store', parent: 'YTHQ' },
    ],
    staff: [
      s('邓丽君', 'female', '1986-06-06', '13977710606', 'college', '2015-03-01', 'hr_specialist', 'service', 'YTHQ'),
      s('韦志刚', 'male', '1983-02-14', '13877710214', 'college', '2012-05-01', 'supervisor', 'service', 'S01'),
      s('黄小燕', 'female', '1995-09-09', '18977710909', 'technical_secondary', '2019-04-01', 'customer_manager', 'service', 'S01'),
      s('覃海波', 'male', '1992-12-12', '18877711212', 'senior_middle', '2018-08-01', 'customer_manager', 'service', 'S01'),
      s('梁美玲', 'female', '1997-03-08', '17777710308', 'technical_secondary', '2026-10-01', 'customer_manager', 'service', 'S01', 'probation', 'external'),
      s('陆建华', 'male', '1985-07-07', '13677710707', 'college', '2013-06-01', 'supervisor', 'service', 'S02'),
      s('蒙秋菊', 'female', '1993-10-10', '15977711010', 'senior_middle', '2017-02-01', 'customer_manager', 'service', 'S02'),
      s('莫文杰', 'male', '1996-05-20', '15877710520', 'college', '2020-09-01', 'customer_manager', 'service', 'S02'),
      s('农晓丹', 'female', '1998-01-18', '18677710118', 'technical_secondary', '2022-03-01', 'customer_manager', 'service', 'S02'),
    ],
    users: [
      { login: 'spa.admin', displayName: '系统管理员', role: 'sysadmin', unit: 'YTHQ', staff: null },
      { login: 'spa.hr', displayName: '邓丽君', role: 'hr', unit: 'YTHQ', staff: '邓丽君' },
      { login: 'spa.supervisor', displayName: '韦志刚', role: 'supervisor', unit: 'S01', staff: '韦志刚' },
      { login: 'spa.manager', displayName: '黄小燕', role: 'manager', unit: 'S01', staff: '黄小燕' },
    ],
  },
];
