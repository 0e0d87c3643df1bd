import { aggregate360, anonymise, buildFacts, loadPreset, loadPresetDocuments, quotaAllowed, runScorecard, scorecardInputs, type Rating, type ScorecardPolicy } from '@kehu/domain';
import type { RawQuery } from '@kehu/db';
import { FIGURE_KEYS } from '../modules/evaluation/figure-sources.ts';

const T = loadPreset('tobacco-evaluation') as ScorecardPolicy;
const RC = loadPresetDocuments('rural-credit').find((d) => d.id === 'rural-credit-evaluation') as ScorecardPolicy;

/** bank-2005 grades held by the demo bank's staff, and the level qualifications they hold. */
const GRADES: Record<string, { grade: string; qualified: string[] }> = {
  李娜: { grade: 'manager-2', qualified: ['assistant', 'manager'] },
  张伟: { grade: 'manager-1', qualified: ['assistant'] },
  刘洋: { grade: 'assistant-2', qualified: ['assistant'] },
  周敏: { grade: 'manager-3', qualified: ['assistant', 'manager'] },
  吴磊: { grade: 'senior-1', qualified: ['assistant', 'manager', 'senior'] },
  郑晓燕: { grade: 'trainee-1', qualified: [] },
  宋佳: { grade: 'assistant-3', qualified: ['assistant'] },
  马丽: { grade: 'manager-1', qualified: ['assistant', 'manager'] },
  朱志强: { grade: 'assistant-1', qualified: ['assistant'] },
  胡桂英: { grade: 'manager-2', qualified: ['assistant', 'manager'] },
  林峰: { grade: 'assistant-3', qualified: ['assistant'] },
  罗红梅: { grade: 'assistant-1', qualified: ['assistant'] },
};

/** Figures per person for the third quarter: sales %, new customers, average order %, complaints, survey, retention %. */
const Q3: Record<string, [number, number, number, number, number, number, number]> = {
  李娜: [108, 6, 102, 0, 4.8, 96, 92],
  张伟: [95, 4, 98, 1, 4.5, 90, 85],
  刘洋: [82, 3, 90, 2, 4.1, 85, 78],
  周敏: [101, 5, 100, 0, 4.6, 93, 88],
  吴磊: [88, 4, 95, 1, 4.3, 88, 80],
  郑晓燕: [70, 2, 85, 1, 4.0, 80, 75],
  宋佳: [92, 5, 97, 0, 4.4, 91, 84],
  罗红梅: [90, 3, 96, 1, 4.2, 89, 82],
};

/**
 * Evaluation demo for the bank: grades with history and qualifications for the staff, two
 * conduct records, and the third quarter of 2026 on the tobacco scorecard for the city branch
 * (城区分行) — drafted by 王建国, reviewed and calibrated by HR, published on 2026-10-15.
 */
export async function seedEvaluation(q: RawQuery, tenant: { id: number; code: string }, staffIds: Map<string, number>): Promise<void> {
  if (tenant.code !== 'QSRCB') return;
  for (const [name, g] of Object.entries(GRADES)) {
    const id = staffIds.get(name);
    if (!id) continue;
    await q(`insert into grade_history (tenant_id, staff_id, ladder_id, from_grade, to_grade, effective_on, reason) values ($1, $2, 'bank-2005', null, $3, '2026-01-01', '2026年度定级')`, [tenant.id, id, g.grade]);
    for (const level of g.qualified) {
      await q(`insert into qualifications (tenant_id, staff_id, kind, name, level, score, passed, taken_on) values ($1, $2, 'qualification', $3, $4, null, true, '2025-11-20')`, [tenant.id, id, `${level} 任职资格`, level]);
    }
  }
  const sup = staffIds.get('王建国')!;
  const zhang = staffIds.get('张伟');
  const liu = staffIds.get('刘洋');
  if (zhang) await q(`insert into conduct_records (tenant_id, staff_id, occurred_on, kind, clause, points, amount_fen, note) values ($1, $2, '2026-08-12', 'reward', '酒店客服经理规章·奖惩：客户书面表扬', 3, 20000, '客户来信表扬')`, [tenant.id, zhang]);
  if (liu) await q(`insert into conduct_records (tenant_id, staff_id, occurred_on, kind, clause, points, amount_fen, note) values ($1, $2, '2026-09-03', 'penalty', '足浴规章·纪律：着装不规范', -2, -5000, '晨会检查')`, [tenant.id, liu]);

  const [cycle] = await q<{ id: number }>(`insert into eval_cycles (tenant_id, name, period_kind, starts_on, ends_on, scorecard_id, scorecard, status) values ($1, '2026年第三季度客户经理考核', 'quarter', '2026-07-01', '2026-09-30', $2, $3::jsonb, 'published') returning id`,
    [tenant.id, T.id, JSON.stringify(T)]);
  const people = Object.keys(Q3).filter((n) => staffIds.has(n));
  const units: Record<string, string[]> = { CQ01: ['李娜', '张伟', '刘洋'], CQ02: ['周敏', '吴磊', '郑晓燕', '宋佳'], CQ: ['罗红梅'] };
  const unitOf = (n: string) => Object.entries(units).find(([, v]) => v.includes(n))![0];
  const inputs = scorecardInputs(T, FIGURE_KEYS);
  const period = '2026-07-01~2026-09-30';
  const scored = people.map((name, k) => {
    const staffId = staffIds.get(name)!;
    const [sales, nc, aov, comp, survey, ret, comp360] = Q3[name]!;
    const peers = people.filter((p) => p !== name && unitOf(p) === unitOf(name));
    const ratings: Rating[] = [
      { raterRole: 'superior', raterId: sup, scores: { communication: comp360, teamwork: comp360 + 2, learning: comp360 - 1 } },
      { raterRole: 'self', raterId: staffId, scores: { communication: 90, teamwork: 90, learning: 90 } },
      ...peers.map((p, j) => ({ raterRole: 'peer' as const, raterId: staffIds.get(p)!, scores: { communication: comp360 - 2 + j, teamwork: comp360 + j, learning: comp360 - 3 + j } })),
    ];
    // Customers answered 4 to 7 surveys each: below five they do not count (the policy's minimum).
    const answered = 4 + (k % 4);
    const voice = { respondents: answered, rating: survey, source: `满意度调查 ${period}：${answered}/8 份答卷，平均 ${survey.toFixed(2)} 分` };
    const agg = aggregate360(T, ratings, voice);
    const conduct = name === '张伟' ? [{ points: 3, veto: false, ref: '2026-08-12 客户书面表扬' }] : name === '刘洋' ? [{ points: -2, veto: false, ref: '2026-09-03 着装不规范' }] : [];
    const entered = {
      salesYuan: { value: sales * 1000, comment: '', evidence: '卷烟销售台账' }, salesTargetYuan: { value: 100_000, comment: '', evidence: '季度任务书' },
      newCustomers: { value: nc, comment: '', evidence: '客户档案：本季新建' }, newCustomersTarget: { value: 5, comment: '', evidence: '季度任务书' },
      avgOrderYuan: { value: aov, comment: '', evidence: '订单系统' }, avgOrderTargetYuan: { value: 100, comment: '', evidence: '季度任务书' },
    };
    const figures = {
      complaints: { value: comp, source: `投诉登记 ${period}：${comp} 件` }, surveyRating: { value: survey, source: voice.source },
      retentionRate: { value: ret / 100, source: `客户管户：保有 ${ret}/100 户（2026-04-01~2026-06-30 → ${period}）` },
    };
    const built = buildFacts(T, inputs, { figures, entered, ratings360: agg.perItem, survey: { value: survey, source: voice.source }, conduct });
    const run = runScorecard(T, inputs, built.facts, built.provenance);
    return { name, staffId, ratings, agg, run, entered };
  });
  // HR calibration as it happened: the A band keeps its 20 % quota; the others above the line are calibrated to B.
  const allowedA = quotaAllowed(T.bands[0]!.quotaPercent!, scored.length);
  const aByScore = scored.filter((x) => x.run.band.grade === 'A').sort((a, b) => Number(b.run.total) - Number(a.run.total));
  const demoted = new Set(aByScore.slice(allowedA).map((x) => x.name));
  for (const [i, { name, staffId, ratings, agg, run, entered }] of scored.entries()) {
    const stored = { policy: run.policy, lines: run.lines, trace: [...agg.trace, ...run.trace], conductPoints: run.conductPoints, vetoed: run.vetoed, raters: anonymise(agg) };
    const status = name === '李娜' || i % 2 === 0 ? 'acknowledged' : 'published';
    const cal = demoted.has(name) ? { band: 'B', reason: '优秀名额（20%）已满，校准为良好' } : null;
    const coefficient = (cal ? T.bands.find((b) => b.grade === cal.band)!.coefficient : run.band.coefficient).toFixed(2);
    const [res] = await q<{ id: number }>(
      `insert into eval_results (tenant_id, cycle_id, staff_id, drafter_staff_id, status, entered, score, total, band, coefficient, calibrated_band, calibration_reason, published_on, appeal_deadline, acknowledged_at)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11, $12, '2026-10-15', '2026-10-22', $13) returning id`,
      [tenant.id, cycle!.id, staffId, sup, status, JSON.stringify(entered), JSON.stringify(stored), run.total, run.band.grade, coefficient, cal?.band ?? null, cal?.reason ?? null, status === 'acknowledged' ? '2026-10-16T09:00:00+08:00' : null]);
    for (const r of ratings) {
      await q(`insert into eval_ratings (tenant_id, result_id, rater_staff_id, rater_role, scores, comment, submitted_at) values ($1, $2, $3, $4, $5::jsonb, '', '2026-10-08T10:00:00+08:00')`,
        [tenant.id, res!.id, r.raterId, r.raterRole, JSON.stringify(r.scores)]);
    }
  }
  await seedCreditCycle(q, tenant, staffIds);
}

/**
 * The rural-credit quarterly cycle, open and waiting for 王建国: the loan and deposit figures fill
 * themselves from the credit module when he opens a result (issue 7: credit figures appear in an
 * evaluation cycle). The loans' and some deposits' balances as imported on 1 October give the
 * day-sums the averages are read from.
 */
async function seedCreditCycle(q: RawQuery, tenant: { id: number }, staffIds: Map<string, number>): Promise<void> {
  const start = '2026-10-01';
  await q(`insert into balance_day_sums (tenant_id, account_kind, account_no, day, customer_id, balance_fen, day_sum_fen)
    select tenant_id, 'loan', loan_no, $2::date, customer_id, balance_fen, balance_fen from loans where tenant_id = $1 and start_date <= $2::date and balance_fen > 0
    on conflict do nothing`, [tenant.id, start]);
  // Deposits of the customers each CQ01 manager holds: a demo balance per account.
  await q(`insert into balance_day_sums (tenant_id, account_kind, account_no, day, customer_id, balance_fen, day_sum_fen)
    select distinct on (c.id) c.tenant_id, 'deposit', 'D' || c.customer_no, $2::date, c.id, 100000000 + (c.id % 7) * 25000000, 100000000 + (c.id % 7) * 25000000
    from customers c join customer_assignments a on a.tenant_id = c.tenant_id and a.customer_id = c.id and a.valid_to is null
      join staff s on s.tenant_id = a.tenant_id and s.id = a.staff_id
      join org_units u on u.tenant_id = s.tenant_id and u.id = s.org_unit_id
    where c.tenant_id = $1 and u.code = 'CQ01'
    order by c.id
    on conflict do nothing`, [tenant.id, start]);
  const [cycle] = await q<{ id: number }>(`insert into eval_cycles (tenant_id, name, period_kind, starts_on, ends_on, scorecard_id, scorecard, status) values ($1, '2026年第四季度信贷客户经理考核（人民路支行）', 'quarter', $2, '2026-12-31', $3, $4::jsonb, 'open') returning id`,
    [tenant.id, start, RC.id, JSON.stringify(RC)]);
  for (const name of ['李娜', '张伟', '刘洋']) {
    const id = staffIds.get(name);
    if (id) await q(`insert into eval_results (tenant_id, cycle_id, staff_id, drafter_staff_id, status, entered) values ($1, $2, $3, $4, 'pending', '{}'::jsonb)`, [tenant.id, cycle!.id, id, staffIds.get('王建国')!]);
  }
}
