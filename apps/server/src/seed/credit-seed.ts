import { addDays, addMonths, addYears, buildDaySums, rateHousehold, rateVillage } from '@kehu/domain';
import type { RawQuery } from '@kehu/db';
import { businessDate } from '@kehu/domain/business-date';

/**
 * Demo credit ledger for the bank: loans in every five-class category and limitation claims in
 * every state (running, alert at 90/30/7 days, expired with a deduction after expiry, revived by an
 * agreement to pay, lapsed under the old 2-year rule, suspended, in proceedings), guarantees
 * running/kept/released, NPL plans with actions, interest and a signed demand notice. Dates are
 * relative to the seed day.
 */
interface DemoLoan {
  no: string; customer: string; manager: string; recommender?: string; product: string; yuan: number; balanceYuan: number; rate: string;
  start: string; maturity: string; guarantee: string; collateral?: string; cls: string; village?: string; coDebtors?: string[];
  /** Instalments as [due date, principal yuan, paid yuan]. */
  inst?: [string, number, number][];
  history?: [string, string | null, string, string][];
  events?: { kind: string; date: string; debtor?: string; ended?: string | null; proceedingsEnded?: string | null; evidence: string }[];
  guarantors?: { name: string; kind: 'general' | 'joint' | 'unclear'; agreedEnd?: string; problem?: string; actions?: [string, string][] }[];
  plan?: { method: string; targetYuan: number; targetDate: string; actions: [string, string, number][] };
  interest?: [number, number];
}

export async function seedCredit(q: RawQuery, tenant: { id: number; code: string }, unitIds: Map<string, { id: number }>, staffIds: Map<string, number>, today = businessDate()): Promise<void> {
  if (tenant.code !== 'QSRCB') return;
  const d = (days: number) => addDays(today, days);
  const ym = (years: number, days = 0) => addDays(addYears(today, years), days);
  const y = today.slice(0, 4);
  const loans: DemoLoan[] = [
    { no: 'L2026001', customer: 'C0001', manager: '李娜', product: 'micro', yuan: 300_000, balanceYuan: 250_000, rate: '0.0585', start: `${y}-01-15`, maturity: ym(1), guarantee: 'credit', cls: 'normal', village: '青山村',
      inst: [[`${y}-07-15`, 50_000, 50_000], [d(60), 50_000, 0], [d(240), 100_000, 0], [ym(1), 100_000, 0]], history: [[`${y}-01-15`, null, 'normal', '发放']], interest: [9_000, 9_000] },
    { no: 'L2025002', customer: 'C0002', manager: '李娜', product: 'joint_guarantee', yuan: 50_000, balanceYuan: 30_000, rate: '0.0650', start: addMonths(today, -18), maturity: addDays(addMonths(today, -6), 20), guarantee: 'guarantee', cls: 'special_mention', village: '青山村',
      inst: [[addMonths(today, -12), 20_000, 20_000], [addDays(addMonths(today, -6), 20), 30_000, 0]], history: [[addMonths(today, -18), null, 'normal', '发放'], [d(-30), 'normal', 'special_mention', '到期未还']],
      guarantors: [{ name: '刘建军', kind: 'joint' }, { name: '王小红', kind: 'joint', problem: '保证人外出务工，联系不上' }], interest: [2_000, 1_200] },
    { no: 'L2023003', customer: 'C0004', manager: '李娜', product: 'micro', yuan: 80_000, balanceYuan: 80_000, rate: '0.0720', start: ym(-4), maturity: ym(-3, 25), guarantee: 'guarantee', cls: 'substandard', village: '青山村',
      inst: [[ym(-3, 25), 80_000, 0]], history: [[ym(-4), null, 'normal', '发放'], [ym(-3, 120), 'normal', 'special_mention', '逾期'], [`${y}-03-31`, 'special_mention', 'substandard', '逾期超过90天']],
      guarantors: [{ name: '李大勇', kind: 'unclear', actions: [['demand_to_guarantor', ym(-3, 100)]] }],
      plan: { method: 'cash', targetYuan: 80_000, targetDate: d(60), actions: [[d(-40), '上门催收，借款人承诺分期归还', 0], [d(-10), '收回现金', 5_000]] }, interest: [4_800, 0] },
    { no: 'L2022004', customer: 'C0008', manager: '张伟', product: 'mortgage', yuan: 400_000, balanceYuan: 260_000, rate: '0.0610', start: ym(-5), maturity: ym(-2, -30), guarantee: 'mortgage', collateral: '住房一套（青山镇建设路18号）', cls: 'doubtful',
      inst: [[ym(-2, -30), 400_000, 140_000]], history: [[ym(-5), null, 'normal', '发放'], [ym(-1), 'special_mention', 'doubtful', '抵押物处置困难']],
      events: [{ kind: 'demand_delivered', date: ym(-1, -60), evidence: '催收通知书，借款人签收' }], interest: [15_000, 6_000] },
    { no: 'L2020005', customer: 'C0011', manager: '李娜', recommender: '张伟', product: 'micro', yuan: 30_000, balanceYuan: 30_000, rate: '0.0720', start: ym(-6), maturity: ym(-5), guarantee: 'credit', cls: 'loss', village: '青山村',
      inst: [[ym(-5), 30_000, 0]], history: [[ym(-6), null, 'normal', '发放'], [ym(-3), 'doubtful', 'loss', '借款人无还款能力']],
      events: [{ kind: 'message_arrived', date: ym(-4), evidence: '短信催收送达' }, { kind: 'account_deduction', date: ym(-1, 20), evidence: '扣收存款 312.50 元（时效届满后，不构成中断）' }] },
    { no: 'L2014006', customer: 'C0009', manager: '李娜', product: 'micro', yuan: 20_000, balanceYuan: 20_000, rate: '0.0800', start: '2013-05-10', maturity: '2014-05-10', guarantee: 'credit', cls: 'loss',
      inst: [[`2014-05-10`, 20_000, 0]], history: [['2013-05-10', null, 'normal', '发放'], ['2016-06-30', 'doubtful', 'loss', '核销前']],
      events: [{ kind: 'demand_delivered', date: '2015-03-01', evidence: '催收通知书签收' }] },
    { no: 'L2021007', customer: 'C0012', manager: '李娜', product: 'joint_guarantee', yuan: 150_000, balanceYuan: 150_000, rate: '0.0650', start: ym(-4), maturity: ym(-3, 100), guarantee: 'guarantee', cls: 'substandard',
      inst: [[ym(-3, 100), 150_000, 0]], history: [[ym(-4), null, 'normal', '发放'], [`${y}-02-28`, 'special_mention', 'substandard', '逾期']],
      events: [{ kind: 'obstacle', date: d(-20), ended: null, evidence: '借款人病故，继承人未确定（民法典第194条）' }],
      guarantors: [{ name: '孙二', kind: 'general', actions: [['demand_to_guarantor', ym(-3, 150)]] }] },
    { no: 'L2023008', customer: 'C0003', manager: '李娜', product: 'corporate', yuan: 1_200_000, balanceYuan: 900_000, rate: '0.0550', start: ym(-3), maturity: ym(-1), guarantee: 'guarantee', cls: 'substandard',
      inst: [[ym(-2), 300_000, 300_000], [ym(-1), 900_000, 0]], history: [[ym(-3), null, 'normal', '发放'], [d(-200), 'special_mention', 'substandard', '逾期']],
      events: [{ kind: 'suit', date: d(-90), proceedingsEnded: null, evidence: '（2026）湘0102民初1234号 起诉' }],
      guarantors: [{ name: '青山农机公司', kind: 'general', actions: [['suit_against_debtor', d(-90)]] }],
      plan: { method: 'suit', targetYuan: 900_000, targetDate: d(180), actions: [[d(-90), '向法院起诉并申请财产保全', 0]] }, interest: [49_500, 30_000] },
    { no: 'L2019009', customer: 'C0010', manager: '李娜', product: 'micro', yuan: 60_000, balanceYuan: 45_000, rate: '0.0700', start: ym(-7), maturity: ym(-6), guarantee: 'credit', cls: 'doubtful',
      inst: [[ym(-6), 60_000, 15_000]], history: [[ym(-7), null, 'normal', '发放'], [ym(-2), 'substandard', 'doubtful', '长期逾期']],
      events: [{ kind: 'agreed_to_pay_after_expiry', date: d(-100), evidence: '借款人在催收通知书上签字同意还款（时效届满后）' }] },
    { no: 'L2026010', customer: 'C0015', manager: '马丽', product: 'micro', yuan: 100_000, balanceYuan: 80_000, rate: '0.0600', start: `${y}-03-01`, maturity: ym(1, -30), guarantee: 'credit', cls: 'normal',
      inst: [[`${y}-09-01`, 30_000, 20_000], [ym(1, -30), 70_000, 0]], history: [[`${y}-03-01`, null, 'normal', '发放']] },
    { no: 'L2023011', customer: 'C0007', manager: '李娜', product: 'corporate', yuan: 5_000_000, balanceYuan: 4_000_000, rate: '0.0500', start: ym(-4), maturity: ym(-3, -200), guarantee: 'guarantee', cls: 'special_mention', coDebtors: ['青山建材有限公司'],
      inst: [[ym(-3, -200), 5_000_000, 1_000_000]], history: [[ym(-4), null, 'normal', '发放'], [d(-45), 'normal', 'special_mention', '经营下滑']],
      events: [{ kind: 'acknowledgement', date: ym(-3, 6), debtor: '青山建材有限公司', evidence: '共同借款人书面确认欠款' }],
      guarantors: [{ name: '青山建材有限公司', kind: 'joint', agreedEnd: ym(-1), actions: [['demand_to_guarantor', ym(-1, -10)]] }], interest: [200_000, 180_000] },
    { no: 'L2024012', customer: 'C0006', manager: '李娜', recommender: '张伟', product: 'mortgage', yuan: 2_000_000, balanceYuan: 1_700_000, rate: '0.0520', start: ym(-2), maturity: d(80), guarantee: 'mortgage', collateral: '厂房及土地使用权', cls: 'normal',
      inst: [[ym(-1), 200_000, 200_000], [`${y}-06-30`, 100_000, 100_000], [d(80), 1_700_000, 0]], history: [[ym(-2), null, 'normal', '发放']], interest: [93_600, 93_600] },
    { no: 'L2024013', customer: 'C0013', manager: '周敏', product: 'micro', yuan: 120_000, balanceYuan: 60_000, rate: '0.0600', start: ym(-2), maturity: d(-100), guarantee: 'credit', cls: 'substandard',
      inst: [[ym(-1), 60_000, 60_000], [d(-100), 60_000, 0]], history: [[ym(-2), null, 'normal', '发放'], [`${y}-09-30`, 'special_mention', 'substandard', '逾期']], interest: [7_200, 3_600] },
  ];
  const customerIds = new Map((await q<{ id: number; customer_no: string; org_unit_id: number }>('select id, customer_no, org_unit_id from customers where tenant_id = $1', [tenant.id])).map((c) => [c.customer_no, c]));
  const borrowerOf = (no: string) => { const l = loans.find((x) => x.no === no); const c = l && customerIds.get(l.customer); return c ? { customerId: c.id } : null; };
  void unitIds;
  for (const l of loans) {
    const c = customerIds.get(l.customer);
    if (!c) continue;
    const mgr = staffIds.get(l.manager)!;
    const [row] = await q<{ id: number }>(
      `insert into loans (tenant_id, loan_no, customer_id, org_unit_id, manager_staff_id, recommender_staff_id, product, amount_fen, balance_fen, annual_rate, start_date, maturity_date, guarantee_type, collateral, loan_class, village, co_debtors)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17::jsonb) returning id`,
      [tenant.id, l.no, c.id, c.org_unit_id, mgr, staffIds.get(l.recommender ?? l.manager)!, l.product, l.yuan * 100, l.balanceYuan * 100, l.rate, l.start, l.maturity, l.guarantee, l.collateral ?? '', l.cls, l.village ?? '', JSON.stringify(l.coDebtors ?? [])]);
    const loanId = row!.id;
    let seq = 1;
    for (const [due, p, paid] of l.inst ?? []) {
      const interest = Math.round(p * 100 * Number(l.rate) / 2);
      await q('insert into loan_instalments (tenant_id, loan_id, seq, due_date, principal_fen, interest_fen, paid_principal_fen, paid_interest_fen) values ($1,$2,$3,$4,$5,$6,$7,$8)',
        [tenant.id, loanId, seq++, due, p * 100, interest, paid * 100, paid >= p ? interest : 0]);
    }
    for (const [on, from, to, reason] of l.history ?? []) {
      await q('insert into loan_class_history (tenant_id, loan_id, changed_on, from_class, to_class, reason, attributed_staff_id) values ($1,$2,$3,$4,$5,$6,$7)',
        [tenant.id, loanId, on, from, to, reason, staffIds.get(l.recommender ?? l.manager)!]);
    }
    for (const e of l.events ?? []) {
      await q('insert into claim_events (tenant_id, loan_id, kind, event_date, debtor_name, ended_on, proceedings_ended_on, evidence, recorded_by) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
        [tenant.id, loanId, e.kind, e.date, e.debtor ?? null, e.ended ?? null, e.proceedingsEnded ?? null, e.evidence, mgr]);
    }
    for (const g of l.guarantors ?? []) {
      const [gr] = await q<{ id: number }>('insert into loan_guarantors (tenant_id, loan_id, name, guarantee_kind, agreed_end, problem) values ($1,$2,$3,$4,$5,$6) returning id',
        [tenant.id, loanId, g.name, g.kind, g.agreedEnd ?? null, g.problem ?? null]);
      for (const [kind, date] of g.actions ?? []) {
        await q('insert into guarantee_actions (tenant_id, guarantor_id, kind, action_date, evidence) values ($1,$2,$3,$4,$5)', [tenant.id, gr!.id, kind, date, '催收记录']);
      }
    }
    if (l.plan) {
      const [p] = await q<{ id: number }>('insert into npl_plans (tenant_id, loan_id, method, target_fen, target_date, notes, staff_id) values ($1,$2,$3,$4,$5,$6,$7) returning id',
        [tenant.id, loanId, l.plan.method, l.plan.targetYuan * 100, l.plan.targetDate, '逐户摸清经营状况和财产信息', mgr]);
      for (const [date, action, yuan] of l.plan.actions) {
        await q('insert into npl_actions (tenant_id, plan_id, action_date, action, evidence, recovered_fen, staff_id) values ($1,$2,$3,$4,$5,$6,$7)', [tenant.id, p!.id, date, action, '走访记录', yuan * 100, mgr]);
      }
    }
    if (l.interest) {
      await q('insert into loan_interest (tenant_id, loan_id, period, due_fen, collected_fen) values ($1,$2,$3,$4,$5)', [tenant.id, loanId, `${y}-06`, l.interest[0] * 100, l.interest[1] * 100]);
    }
    if (l.no === 'L2022004') {
      const [ev] = await q<{ id: number }>('select id from claim_events where tenant_id = $1 and loan_id = $2', [tenant.id, loanId]);
      await q(`insert into demand_notices (tenant_id, notice_no, loan_id, issued_on, issued_by, principal_fen, interest_fen, signed_on, signed_by, claim_event_id) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
        [tenant.id, `CS${ym(-1, -60).slice(0, 4)}-00001`, loanId, ym(-1, -62), mgr, l.balanceYuan * 100, 0, ym(-1, -60), '周建华', ev!.id]);
    }
    await q(`insert into audit_log (tenant_id, actor_name, action, entity, entity_id, after) values ($1, '演示数据 / seed', 'create', 'loan', $2, $3::jsonb)`, [tenant.id, String(loanId), JSON.stringify({ loanNo: l.no, customer: l.customer })]);
  }
  // Daily loan balances this year as day-sums (积数), so averages and the NPL trend read history: each
  // loan paid down in steps (1 January, 1 July) to today's balance from 1 October on.
  for (const l of loans) {
    const id = borrowerOf(l.no);
    if (!id) continue;
    const bal = l.balanceYuan * 100;
    const amt = l.yuan * 100;
    const first = l.start > `${y}-01-01` ? l.start : `${y}-01-01`;
    const points = [
      { date: first, balanceFen: l.start > `${y}-01-01` ? amt : Math.round(bal + (amt - bal) / 2) },
      ...(`${y}-07-01` > first ? [{ date: `${y}-07-01`, balanceFen: Math.round(bal + (amt - bal) / 4) }] : []),
      ...(`${y}-10-01` > first ? [{ date: `${y}-10-01`, balanceFen: bal }] : []),
    ];
    if (first > today) continue;
    const sums = buildDaySums(points, today);
    await q(`insert into balance_day_sums (tenant_id, account_kind, account_no, day, customer_id, balance_fen, day_sum_fen)
      select $1, 'loan', $2, x.d::date, $3, x.b, x.s from jsonb_to_recordset($4::jsonb) as x(d text, b bigint, s bigint) on conflict do nothing`,
    [tenant.id, l.no, id.customerId, JSON.stringify(sums.map((d) => ({ d: d.date, b: d.balanceFen, s: d.cumulativeFen })))]);
  }
  // Foreclosed assets (抵债资产): one awaiting disposal (deadline in 60 days), one disposed of.
  const loanIds = new Map((await q<{ id: number; loan_no: string }>('select id, loan_no from loans where tenant_id = $1', [tenant.id])).map((r) => [r.loan_no, r.id]));
  const assets: [string, string, string, number, string, string, string | null, number | null][] = [
    ['L2021007', '借款人名下临街商铺一间（孙家茶园门面）', d(-300), 12_000_000, '信用社代管', d(60), null, null],
    ['L2022004', '农用车一辆（湘A·5X123）', d(-400), 6_000_000, '抵债资产库', d(-35), d(-50), 5_500_000],
  ];
  for (const [no, desc, received, value, custody, deadline, disposed, proceeds] of assets) {
    const loanId = loanIds.get(no);
    if (!loanId) continue;
    await q('insert into foreclosed_assets (tenant_id, loan_id, description, received_on, valuation_fen, custody, disposal_deadline, disposed_on, proceeds_fen) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
      [tenant.id, loanId, desc, received, value, custody, deadline, disposed, proceeds]);
  }
  await seedCreditExtras(q, tenant.id, d, loanIds);
}

/**
 * Guarantee periods ending in 7 and 90 days (L2025002's ends in about 30), a high-risk ledger with
 * open and closed items, credit villages rated and removed, credit households rated and removed.
 */
async function seedCreditExtras(q: RawQuery, tenantId: number, d: (days: number) => string, loanIds: Map<string, number>): Promise<void> {
  const guarantors: [string, string, number][] = [['L2023008', '青山农资经营部', 7], ['L2021007', '孙家茶园合伙人孙大', 90]];
  for (const [no, name, days] of guarantors) {
    const loanId = loanIds.get(no);
    if (loanId) await q(`insert into loan_guarantors (tenant_id, loan_id, name, guarantee_kind, agreed_end) values ($1, $2, $3, 'joint', $4)`, [tenantId, loanId, name, d(days)]);
  }
  const risks: [string, string, string, string, [string, string][], string | null][] = [
    ['L2023011', 'concentration', '单户贷款余额400万元，超过本社资本净额的10%', d(-60), [[d(-50), '报联社审批并制定压降计划'], [d(-20), '已压降100万元']], null],
    ['L2022004', 'related_guarantee', '借款人与抵押人为同一实际控制人的关联企业', d(-200), [[d(-180), '追加第三方保证']], '已追加保证人，风险缓释'],
    ['L2024012', 'violation', '贷款资金部分用于购买理财产品，与合同约定用途不符', d(-5), [], null],
  ];
  for (const [no, kind, description, opened, actions, closedNote] of risks) {
    const loanId = loanIds.get(no);
    if (!loanId) continue;
    const [item] = await q<{ id: number }>(`insert into risk_items (tenant_id, loan_id, customer_id, org_unit_id, manager_staff_id, kind, description, action_taken, opened_on, closed_on, closed_note)
      select tenant_id, id, customer_id, org_unit_id, manager_staff_id, $3, $4, $5, $6, $7, $8 from loans where tenant_id = $1 and id = $2 returning id`,
    [tenantId, loanId, kind, description, actions.at(-1)?.[1] ?? '', opened, closedNote ? d(-30) : null, closedNote]);
    for (const [on, action] of actions) await q('insert into risk_item_actions (tenant_id, risk_item_id, action_date, action) values ($1, $2, $3, $4)', [tenantId, item!.id, on, action]);
  }
  // Villages: figures as entered at the last rating; the checks are the domain's own.
  const [unit] = await q<{ id: number }>(`select id from org_units where tenant_id = $1 and code = 'CQ01'`, [tenantId]);
  if (!unit) return;
  const villages: [string, number, { creditHouseholds: number; borrowingHouseholds: number; borrowersWithoutArrears: number; loanBalanceFen: number; nplBalanceFen: number; newLoansFen: number; newNplFen: number }, string | null][] = [
    ['白沙村', 120, { creditHouseholds: 96, borrowingHouseholds: 40, borrowersWithoutArrears: 37, loanBalanceFen: 8_000_000_00, nplBalanceFen: 160_000_00, newLoansFen: 3_000_000_00, newNplFen: 15_000_00 }, null],
    ['石门村', 80, { creditHouseholds: 50, borrowingHouseholds: 30, borrowersWithoutArrears: 24, loanBalanceFen: 5_000_000_00, nplBalanceFen: 400_000_00, newLoansFen: 1_000_000_00, newNplFen: 30_000_00 }, '年度复评：信用户占比降至62.5%，不良率8%，取消信用村称号'],
  ];
  const villageIds = new Map<string, number>();
  for (const [name, households, f, removed] of villages) {
    const r = rateVillage({ households, ...f });
    const [v] = await q<{ id: number }>(`insert into credit_villages (tenant_id, org_unit_id, name, households, status, rated_on, checks, credit_line_fen, removed_on, removal_reason) values ($1,$2,$3,$4,$5,$6,$7::jsonb,$8,$9,$10) returning id`,
      [tenantId, unit.id, name, households, removed ? 'removed' : r.qualifies ? 'rated' : 'failed', d(-300), JSON.stringify({ figures: { households, ...f }, checks: r.checks }), r.creditLineFen, removed ? d(-10) : null, removed]);
    villageIds.set(name, v!.id);
  }
  const households: [string, number, string, string | null][] = [['C0001', 92, '白沙村', null], ['C0005', 78, '白沙村', null], ['C0010', 65, '石门村', '借款人长期拖欠，取消信用户']];
  for (const [no, score, village, removed] of households) {
    const r = rateHousehold({ hasArrears: false, hasNpl: false, ratingScore: score }, undefined, village === '白沙村');
    await q(`insert into credit_households (tenant_id, customer_id, village_id, status, rated_on, credit_line_fen, removed_on, removal_reason, grade, score, checks)
      select tenant_id, id, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb from customers where tenant_id = $1 and customer_no = $2`,
    [tenantId, no, villageIds.get(village) ?? null, removed ? 'removed' : 'rated', d(-300), removed ? 0 : r.creditLineFen, removed ? d(-15) : null, removed, r.grade ?? '', score, JSON.stringify(r.checks)]);
  }
}
