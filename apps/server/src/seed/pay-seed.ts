import { insertFacts, type RawQuery } from '@kehu/db';
import { presetDocument } from '../modules/settlement/plan-evaluator.ts';

/** Deterministic pseudo-random numbers, so the demo is the same on every machine. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

interface Fact { staff_id: number; kind: string; sub_kind: string; fact_date: string; quantity: number; amount_fen: number; face_value_fen: number; spent_fen: number; gifted: boolean; note: string }

/**
 * Spa demo pay: the spa-pay plan for customer managers, an open October 2026 period whose facts
 * reproduce the rule book's worked example for 黄小燕 (40 cards of 5,000 → 5,000.00 card commission;
 * 100 qualifying bookings against a target of 100 → 6,000.00; leave on 3 November moves payday to
 * the 16th) plus realistic months for the other spa managers, and a few bookings that do not count.
 */
export async function seedPay(q: RawQuery, tenant: { id: number; code: string }, staffIds: Map<string, number>): Promise<void> {
  if (tenant.code !== 'YUETING') return;
  const document = presetDocument('spa-pay');
  if (!document) return;
  const [plan] = await q<{ id: number }>(`insert into pay_plans (tenant_id, code, title, preset_id, version, document) values ($1, 'spa-pay', '客户经理薪资计算办法及标准细则', 'spa-pay', '2026.1', $2) returning id`, [tenant.id, document]);
  await q(`insert into pay_plan_assignments (tenant_id, plan_id, position, valid_from) values ($1, $2, 'customer_manager', '2026-01-01')`, [tenant.id, plan!.id]);
  const [period] = await q<{ id: number }>(`insert into pay_periods (tenant_id, period) values ($1, '2026-10') returning id`, [tenant.id]);
  const facts: Fact[] = [];
  const day = (d: number) => `2026-10-${String(d).padStart(2, '0')}`;
  const add = (staff: number, kind: string, d: number, o: Partial<Fact> = {}) =>
    facts.push({ staff_id: staff, kind, sub_kind: '', fact_date: day(d), quantity: 1, amount_fen: 0, face_value_fen: 0, spent_fen: 0, gifted: false, note: '', ...o });
  const example = staffIds.get('黄小燕');
  if (example) {
    add(example, 'target', 1, { quantity: 100, note: '10月订房基数' });
    for (let i = 0; i < 40; i++) add(example, 'card', 1 + (i % 30), { amount_fen: 500000 });
    for (let i = 0; i < 100; i++) add(example, 'booking', 1 + (i % 31), { face_value_fen: 100000, spent_fen: 35000 });
    // Bookings that do not count: spent under 300, or a card under 500.
    for (let i = 0; i < 4; i++) add(example, 'booking', 5 + i, { face_value_fen: 100000, spent_fen: 28000 });
    for (let i = 0; i < 2; i++) add(example, 'booking', 12 + i, { face_value_fen: 30000, spent_fen: 40000 });
    facts.push({ staff_id: example, kind: 'leave', sub_kind: '', fact_date: '2026-11-03', quantity: 1, amount_fen: 0, face_value_fen: 0, spent_fen: 0, gifted: false, note: '事假' });
  }
  const rnd = lcg(20261031);
  const cardAmounts = [50000, 80000, 100000, 150000, 200000, 300000, 500000, 1000000];
  for (const name of ['覃海波', '梁美玲', '蒙秋菊', '莫文杰', '农晓丹']) {
    const id = staffIds.get(name);
    if (!id) continue;
    const target = 60 + Math.floor(rnd() * 60);
    add(id, 'target', 1, { quantity: target });
    const bookings = Math.floor(target * (0.6 + rnd() * 0.6));
    for (let i = 0; i < bookings; i++) add(id, 'booking', 1 + Math.floor(rnd() * 31), { face_value_fen: [30000, 50000, 100000, 200000][Math.floor(rnd() * 4)]!, spent_fen: 20000 + Math.floor(rnd() * 40) * 1000 });
    const cards = 5 + Math.floor(rnd() * 30);
    for (let i = 0; i < cards; i++) add(id, 'card', 1 + Math.floor(rnd() * 31), { amount_fen: cardAmounts[Math.floor(rnd() * cardAmounts.length)]!, gifted: rnd() < 0.15 });
    if (name === '梁美玲') add(id, 'base', 1, { amount_fen: 200000, note: '接待底薪（外聘首月）' });
    if (rnd() < 0.6) add(id, 'deduction', 20, { sub_kind: 'attendance', amount_fen: 5000 * (1 + Math.floor(rnd() * 4)), note: '迟到' });
    if (rnd() < 0.5) add(id, 'deduction', 25, { sub_kind: 'phoneCard', amount_fen: 3000 });
    if (rnd() < 0.4) facts.push({ staff_id: id, kind: 'leave', sub_kind: '', fact_date: `2026-11-${String(2 + Math.floor(rnd() * 12)).padStart(2, '0')}`, quantity: 1, amount_fen: 0, face_value_fen: 0, spent_fen: 0, gifted: false, note: '请假' });
  }
  // Registered as one file, like every write of facts (fact ids are numbered by file).
  await insertFacts(q, tenant.id, period!.id, facts.map((f) => ({
    staffId: f.staff_id, kind: f.kind, subKind: f.sub_kind, factDate: f.fact_date, quantity: f.quantity, amountFen: f.amount_fen, faceValueFen: f.face_value_fen, spentFen: f.spent_fen, gifted: f.gifted, note: f.note,
  })), { fileName: '演示数据 / demo data', sha256: `seed:${tenant.code}:2026-10` });
  await q(`insert into audit_log (tenant_id, actor_name, action, entity, entity_id, after) values ($1, '演示数据 / seed', 'import', 'pay_facts', null, $2::jsonb)`,
    [tenant.id, JSON.stringify({ period: '2026-10', rows: facts.length })]);
}
