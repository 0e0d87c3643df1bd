import { createHash } from 'node:crypto';
import { addDays, halfYearOf } from '@kehu/domain';
import type { RawQuery } from '@kehu/db';
import { businessDate } from '@kehu/domain/business-date';
import { demoIdCard } from './demo-data.ts';

/**
 * Demo portfolios: customers with archives, assignments (some shared by percentage), visits
 * (some overdue on the day the seed runs), complaints, a claim and a transfer waiting for
 * approval, and a satisfaction survey with answered links. Dates are relative to the seed day.
 */
interface DemoCustomer {
  no: string; name: string; kind: string; segment: 'retail' | 'corporate'; unit: string; loanYuan: number; depositYuan?: number;
  big?: boolean; problem?: boolean; visitMonths?: number; rating?: string; territory?: string; phone?: string; consumption?: number;
  managers: { staff: string; role: string; share: string; sinceDaysAgo: number }[];
  /** Visits, as days before the seed day, by the first manager. */
  visits?: number[];
  person?: { birth: string; gender: 'male' | 'female' };
  archive?: Record<string, unknown>;
}

const m = (staff: string, sinceDaysAgo = 400, share = '100', role = 'manage') => ({ staff, role, share, sinceDaysAgo });

const BANK: DemoCustomer[] = [
  { no: 'C0001', name: '王大山', kind: 'farming_household', segment: 'retail', unit: 'CQ01', loanYuan: 350_000, depositYuan: 12_000, territory: 'CQ01-A', phone: '13973100001', rating: 'AA',
    person: { birth: '1972-03-15', gender: 'male' }, managers: [m('李娜')], visits: [40, 75],
    archive: { householdSize: 5, householdHead: '王大山', business: '水稻种植 120 亩、生猪养殖', annualIncomeFen: 18_000_000, assetsFen: 95_000_000, liabilitiesFen: 35_000_000, creditStanding: '信用户，无逾期' } },
  { no: 'C0002', name: '刘桂兰', kind: 'resident', segment: 'retail', unit: 'CQ01', loanYuan: 50_000, depositYuan: 86_000, territory: 'CQ01-A', phone: '13873100002', rating: 'A',
    person: { birth: '1980-07-02', gender: 'female' }, managers: [m('李娜')], visits: [86],
    archive: { householdSize: 3, business: '个体运输', annualIncomeFen: 9_000_000, creditStanding: '良好' } },
  { no: 'C0003', name: '青山农机专业合作社', kind: 'enterprise', segment: 'corporate', unit: 'CQ01', loanYuan: 1_200_000, depositYuan: 300_000, territory: 'CQ01-B', phone: '07318880003', rating: 'AA',
    managers: [m('李娜')], visits: [10, 41], archive: { business: '农机租赁与维修', annualIncomeFen: 260_000_000, assetsFen: 820_000_000, creditStanding: '正常类' } },
  { no: 'C0004', name: '李记杂货店', kind: 'individual_business', segment: 'retail', unit: 'CQ01', loanYuan: 80_000, territory: 'CQ01-B', phone: '13573100004', rating: 'A',
    person: { birth: '1985-11-20', gender: 'male' }, managers: [m('李娜', 120)], archive: { business: '日用杂货零售' } },
  { no: 'C0005', name: '陈晓', kind: 'resident', segment: 'retail', unit: 'CQ01', loanYuan: 0, depositYuan: 230_000, territory: 'CQ01-A', phone: '15973100005',
    person: { birth: '1994-01-09', gender: 'female' }, managers: [m('李娜')] },
  { no: 'C0006', name: '青山米业有限公司', kind: 'enterprise', segment: 'corporate', unit: 'CQ01', loanYuan: 3_000_000, depositYuan: 1_500_000, phone: '07318880006', rating: 'AAA',
    managers: [m('李娜', 400, '60'), m('张伟', 400, '40', 'develop')], visits: [20, 52], archive: { business: '大米加工', annualIncomeFen: 1_800_000_000, creditStanding: '正常类' } },
  { no: 'C0007', name: '青山水泥厂', kind: 'big_customer', segment: 'corporate', unit: 'CQ01', loanYuan: 5_000_000, depositYuan: 2_000_000, big: true, phone: '07318880007', rating: 'AA', consumption: 9_800_000,
    managers: [m('李娜')], visits: [35], archive: { business: '水泥生产', creditStanding: '关注类' } },
  { no: 'C0008', name: '周建华', kind: 'farming_household', segment: 'retail', unit: 'CQ01', loanYuan: 30_000, phone: '13773100008', problem: true, rating: 'B',
    person: { birth: '1968-05-30', gender: 'male' }, managers: [m('张伟')], visits: [100], archive: { business: '柑橘种植', creditStanding: '次级类，逾期 95 天' } },
  { no: 'C0009', name: '张兰芳', kind: 'resident', segment: 'retail', unit: 'CQ01', loanYuan: 120_000, phone: '13673100009',
    person: { birth: '1979-09-12', gender: 'female' }, managers: [m('张伟')], visits: [30] },
  { no: 'C0010', name: '刘氏五金', kind: 'individual_business', segment: 'retail', unit: 'CQ01', loanYuan: 400_000, phone: '13473100010',
    person: { birth: '1983-04-04', gender: 'male' }, managers: [m('刘洋')], visits: [5] },
  { no: 'C0011', name: '赵六', kind: 'farming_household', segment: 'retail', unit: 'CQ01', loanYuan: 0, depositYuan: 15_000, territory: 'CQ01-A', phone: '13373100011',
    person: { birth: '1975-12-01', gender: 'male' }, managers: [] },
  { no: 'C0012', name: '孙家茶园', kind: 'individual_business', segment: 'retail', unit: 'CQ01', loanYuan: 60_000, territory: 'CQ01-B', phone: '13273100012',
    person: { birth: '1977-02-17', gender: 'female' }, managers: [] },
  { no: 'C0013', name: '解放路商贸有限公司', kind: 'enterprise', segment: 'corporate', unit: 'CQ02', loanYuan: 800_000, phone: '07318880013', managers: [m('周敏')], visits: [15] },
  { no: 'C0014', name: '黄秀英', kind: 'resident', segment: 'retail', unit: 'CQ02', loanYuan: 20_000, phone: '13173100014',
    person: { birth: '1988-08-08', gender: 'female' }, managers: [m('吴磊')], visits: [120] },
  { no: 'C0015', name: '青石镇养殖场', kind: 'farming_household', segment: 'retail', unit: 'DB01', loanYuan: 500_000, phone: '13073100015',
    person: { birth: '1970-10-10', gender: 'male' }, managers: [m('马丽')], visits: [12] },
];

const SPA: DemoCustomer[] = [
  { no: 'V001', name: '林女士', kind: 'resident', segment: 'retail', unit: 'S01', loanYuan: 0, depositYuan: 5_000, visitMonths: 1, phone: '13977720001',
    person: { birth: '1990-06-06', gender: 'female' }, managers: [m('黄小燕', 200)], visits: [10] },
  { no: 'V002', name: '韦先生', kind: 'resident', segment: 'retail', unit: 'S01', loanYuan: 0, depositYuan: 10_000, visitMonths: 1, phone: '13977720002',
    person: { birth: '1985-03-03', gender: 'male' }, managers: [m('黄小燕', 200)], visits: [45] },
  { no: 'V003', name: '蓝女士', kind: 'resident', segment: 'retail', unit: 'S02', loanYuan: 0, depositYuan: 3_000, visitMonths: 2, phone: '13977720003',
    person: { birth: '1992-09-09', gender: 'female' }, managers: [m('蒙秋菊', 200)], visits: [20] },
];

const QUESTIONS_BANK = [
  { key: 'attitude', text: '客户经理的服务态度 / Attitude of your manager' },
  { key: 'expertise', text: '业务专业程度 / Expertise' },
  { key: 'timeliness', text: '办理及时性 / Timeliness' },
  { key: 'overall', text: '总体满意度 / Overall satisfaction' },
];
const QUESTIONS_SPA = [
  { key: 'service', text: '服务态度 / Service' },
  { key: 'hygiene', text: '卫生与消毒 / Hygiene' },
  { key: 'overall', text: '总体满意度 / Overall' },
];

/** Demo survey tokens are fixed so the demo links can be opened; real links are random. */
export const DEMO_SURVEY_TOKENS = { bankOpen: 'demo-bank-survey-open-token-0001', spaOpen: 'demo-spa-survey-open-token-0001' } as const;
const sha = (t: string) => createHash('sha256').update(t).digest('hex');

export async function seedPortfolio(q: RawQuery, tenant: { id: number; code: string; region: string }, unitIds: Map<string, { id: number }>, staffIds: Map<string, number>, today = businessDate()): Promise<void> {
  const bank = tenant.code === 'QSRCB';
  const list = bank ? BANK : tenant.code === 'YUETING' ? SPA : [];
  if (list.length === 0) return;
  const seedAudit = (entity: string, id: number, after: unknown) =>
    q(`insert into audit_log (tenant_id, actor_name, action, entity, entity_id, after) values ($1, '演示数据 / seed', 'create', $2, $3, $4::jsonb)`, [tenant.id, entity, String(id), JSON.stringify(after)]);

  const territoryIds = new Map<string, number>();
  if (bank) {
    for (const [code, name] of [['CQ01-A', '人民路东片'], ['CQ01-B', '人民路西片']] as const) {
      const [t] = await q<{ id: number }>('insert into territories (tenant_id, org_unit_id, code, name) values ($1, $2, $3, $4) returning id', [tenant.id, unitIds.get('CQ01')!.id, code, name]);
      territoryIds.set(code, t!.id);
    }
  }
  const customerIds = new Map<string, number>();
  let seq = 200;
  for (const c of list) {
    const idNo = c.person ? demoIdCard(tenant.region, c.person.birth, seq++, c.person.gender) : `91${tenant.region}MA${String(seq++).padStart(9, '0')}X`.slice(0, 18);
    const [row] = await q<{ id: number }>(
      `insert into customers (tenant_id, org_unit_id, territory_id, customer_no, name, kind, segment, id_no, phone, address, loan_balance_fen, deposit_balance_fen,
         problem_loan, big_customer, consumption, visit_months_override, credit_rating, classification, archive, created_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19::jsonb, ($20::date)::timestamptz) returning id`,
      [tenant.id, unitIds.get(c.unit)!.id, c.territory ? territoryIds.get(c.territory)! : null, c.no, c.name, c.kind, c.segment, idNo, c.phone ?? '',
        bank ? '青山市人民路' : '钦州市', c.loanYuan * 100, (c.depositYuan ?? 0) * 100, c.problem ?? false, c.big ?? false, c.consumption ?? 0,
        c.visitMonths ?? null, c.rating ?? 'unrated', c.problem ? '不良' : '正常', JSON.stringify(c.archive ?? {}), addDays(today, -500)]);
    const id = row!.id;
    customerIds.set(c.no, id);
    await seedAudit('customer', id, { customerNo: c.no, name: c.name });
    for (const a of c.managers) {
      await q('insert into customer_assignments (tenant_id, customer_id, staff_id, role, share, valid_from) values ($1, $2, $3, $4, $5, $6)',
        [tenant.id, id, staffIds.get(a.staff)!, a.role, a.share, addDays(today, -a.sinceDaysAgo)]);
    }
    const visitor = c.managers[0] ? staffIds.get(c.managers[0].staff)! : null;
    for (const daysAgo of visitor ? (c.visits ?? []) : []) {
      await q(`insert into visits (tenant_id, customer_id, staff_id, visit_date, purpose, findings, customer_requests, follow_up) values ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [tenant.id, id, visitor, addDays(today, -daysAgo), bank ? '贷后检查' : '会员回访', bank ? '经营正常，还款意愿良好' : '对服务满意', bank ? '希望提高授信额度' : '希望延长营业时间', bank ? '下月复查' : '下次到店赠送茶饮']);
    }
  }
  // History: 王大山 was once managed by 张伟, handed to 李娜 400 days ago.
  if (bank) {
    await q('insert into customer_assignments (tenant_id, customer_id, staff_id, role, share, valid_from, valid_to) values ($1, $2, $3, $4, $5, $6, $7)',
      [tenant.id, customerIds.get('C0001')!, staffIds.get('张伟')!, 'manage', '100', addDays(today, -900), addDays(today, -401)]);
    await q(`insert into complaints (tenant_id, customer_id, staff_id, source, category, description, received_date, deadline, status) values ($1,$2,$3,'phone','waiting_time',$4,$5,$6,'new')`,
      [tenant.id, customerIds.get('C0002')!, staffIds.get('李娜')!, '办理贷款展期等候时间过长', addDays(today, -2), addDays(today, 13)]);
    await q(`insert into complaints (tenant_id, customer_id, staff_id, handler_staff_id, source, category, description, received_date, deadline, status, outcome, resolved_date)
             values ($1,$2,$3,$4,'counter','service_attitude',$5,$6,$7,'resolved',$8,$9)`,
      [tenant.id, customerIds.get('C0008')!, staffIds.get('张伟')!, staffIds.get('王建国')!, '催收时语气生硬', addDays(today, -40), addDays(today, -25), '已当面致歉，调整催收方式', addDays(today, -30)]);
    await q(`insert into assignment_requests (tenant_id, kind, customer_id, from_staff_id, to_staff_id, role, share, effective_date, reason, status, requested_by_name)
             values ($1,'transfer',$2,$3,$4,'manage','100',$5,'客户搬迁至刘洋管片','pending','张伟')`,
      [tenant.id, customerIds.get('C0009')!, staffIds.get('张伟')!, staffIds.get('刘洋')!, today]);
    // Market-research reports: 李娜's last half-year accepted, 张伟's current one waiting for review.
    await q(`insert into research_reports (tenant_id, staff_id, period, title, content, status, reviewer_name, review_note, reviewed_at) values ($1,$2,$3,$4,$5,'accepted','王建国','内容翔实', now())`,
      [tenant.id, staffIds.get('李娜')!, halfYearOf(addDays(today, -183)), '人民路片区个体工商户融资需求调研', '走访 42 户个体工商户，其中 18 户有 10 万元以下经营性贷款需求……']);
    await q(`insert into research_reports (tenant_id, staff_id, period, title, content) values ($1,$2,$3,$4,$5)`,
      [tenant.id, staffIds.get('张伟')!, halfYearOf(today), '柑橘种植户信贷需求调研', '本片区柑橘种植户 260 户，旺季资金缺口集中在 3–5 月……']);
  }
  const [survey] = await q<{ id: number }>('insert into surveys (tenant_id, title, intro, questions, valid_days) values ($1, $2, $3, $4::jsonb, 30) returning id',
    [tenant.id, bank ? '客户满意度调查' : '会员服务满意度调查', bank ? '感谢您抽出一分钟为我们的服务打分（1 分最低，5 分最高）。' : '请为本次服务打分（1–5 分）。', JSON.stringify(bank ? QUESTIONS_BANK : QUESTIONS_SPA)]);
  const answered = bank
    ? [{ c: 'C0001', staff: '李娜', answers: { attitude: 5, expertise: 4, timeliness: 4, overall: 5 }, score: '4.50' }, { c: 'C0009', staff: '张伟', answers: { attitude: 3, expertise: 4, timeliness: 3, overall: 3 }, score: '3.25' }]
    : [{ c: 'V001', staff: '黄小燕', answers: { service: 5, hygiene: 5, overall: 4 }, score: '4.67' }];
  for (const a of answered) {
    await q(`insert into survey_links (tenant_id, survey_id, customer_id, staff_id, token_hash, expires_at, answered_at, answers, score) values ($1,$2,$3,$4,$5, now() + interval '20 days', now() - interval '3 days', $6::jsonb, $7)`,
      [tenant.id, survey!.id, customerIds.get(a.c)!, staffIds.get(a.staff)!, sha(`answered-${tenant.code}-${a.c}`), JSON.stringify(a.answers), a.score]);
  }
  const open = bank ? { c: 'C0003', staff: '李娜', token: DEMO_SURVEY_TOKENS.bankOpen } : { c: 'V002', staff: '黄小燕', token: DEMO_SURVEY_TOKENS.spaOpen };
  await q(`insert into survey_links (tenant_id, survey_id, customer_id, staff_id, token_hash, expires_at) values ($1,$2,$3,$4,$5, now() + interval '30 days')`,
    [tenant.id, survey!.id, customerIds.get(open.c)!, staffIds.get(open.staff)!, sha(open.token)]);
  await seedAudit('survey', survey!.id, { title: bank ? '客户满意度调查' : '会员服务满意度调查' });
}
