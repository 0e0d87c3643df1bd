import { allowedFor, anonymise, aggregate360, scoreCard, TOBACCO_SCORECARD as T, type Rating } from '@kehu/domain';
import type { RawQuery } from '@kehu/db';

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
  const scored = people.map((name) => {
    const staffId = staffIds.get(name)!;
    const [sales, nc, aov, comp, survey, ret, comp360] = Q3[name]!;
    const peers = people.filter((p) => p !== name && unitOf(p) === unitOf(name));
    const ratings: Rating[] = [
      { raterRole: 'superior', raterId: sup, scores: { communication: comp360, teamwork: comp360 + 2, learning: comp360 - 1 } },
      { raterRole: 'self', raterId: staffId, scores: { communication: 90, teamwork: 90, learning: 90 } },
      ...peers.map((p, k) => ({ raterRole: 'peer' as const, raterId: staffIds.get(p)!, scores: { communication: comp360 - 2 + k, teamwork: comp360 + k, learning: comp360 - 3 + k } })),
    ];
    const agg = aggregate360(T, ratings);
    const conduct = name === '张伟' ? [{ points: 3, veto: false, ref: '2026-08-12 客户书面表扬' }] : name === '刘洋' ? [{ points: -2, veto: false, ref: '2026-09-03 着装不规范' }] : [];
    const figures = {
      sales: { value: sales, source: '考核人录入（依据：卷烟销售台账）' }, newCustomers: { value: nc, source: '客户档案：本季新建' },
      avgOrder: { value: aov, source: '考核人录入（依据：订单系统）' }, complaints: { value: comp, source: `投诉登记 2026-07-01~2026-09-30: ${comp} 件` },
      surveyRating: { value: survey, source: '满意度调查' }, retention: { value: ret, source: '客户管户：保有率' },
    };
    return { name, staffId, sales, aov, ratings, agg, s: scoreCard(T, { figures, ratings: agg.perItem, conduct }) };
  });
  // HR calibration as it happened: the A band keeps its 20 % quota; the others above the line are calibrated to B.
  const allowedA = allowedFor(T.bands[0]!, scored.length) ?? scored.length;
  const aByScore = scored.filter((x) => x.s.band.grade === 'A').sort((a, b) => b.s.total - a.s.total);
  const demoted = new Set(aByScore.slice(allowedA).map((x) => x.name));
  for (const [i, { name, staffId, sales, aov, ratings, agg, s }] of scored.entries()) {
    const raters = anonymise(agg).map((r) => ({ ...r, minRespondents: T.raters.find((x) => x.role === r.role)!.minRespondents }));
    const stored = { lines: s.lines, trace: [...agg.trace, ...s.trace], conductPoints: s.conductPoints, vetoed: s.vetoed, raters };
    const status = name === '李娜' || i % 2 === 0 ? 'acknowledged' : 'published';
    const entered = { sales: { value: sales, comment: '', evidence: '卷烟销售台账' }, avgOrder: { value: aov, comment: '', evidence: '订单系统' } };
    const cal = demoted.has(name) ? { band: 'B', reason: '优秀名额（20%）已满，校准为良好' } : null;
    const coefficient = (cal ? T.bands.find((b) => b.grade === cal.band)! : s.band).coefficient.toFixed(2);
    const [res] = await q<{ id: number }>(
      `insert into eval_results (tenant_id, cycle_id, staff_id, drafter_staff_id, status, entered, score, total, band, coefficient, calibrated_band, calibration_reason, published_on, appeal_deadline, acknowledged_at)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11, $12, '2026-10-15', '2026-10-22', $13) returning id`,
      [tenant.id, cycle!.id, staffId, sup, status, JSON.stringify(entered), JSON.stringify(stored), s.total.toFixed(2), s.band.grade, coefficient, cal?.band ?? null, cal?.reason ?? null, status === 'acknowledged' ? '2026-10-16T09:00:00+08:00' : null]);
    for (const r of ratings) {
      await q(`insert into eval_ratings (tenant_id, result_id, rater_staff_id, rater_role, scores, comment, submitted_at) values ($1, $2, $3, $4, $5::jsonb, '', '2026-10-08T10:00:00+08:00')`,
        [tenant.id, res!.id, r.raterId, r.raterRole, JSON.stringify(r.scores)]);
    }
  }
}
