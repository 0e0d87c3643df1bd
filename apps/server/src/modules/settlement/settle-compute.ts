import { payPeriodBounds, pickPlanRule, sumOfFen, yuanOfFen } from '@kehu/domain';
import type { Executor } from '@kehu/db';
import { AppError } from '../../errors/app-error.ts';
import { compilePlan, type EvaluatedLine, type Evaluation, type PersonFacts, type PlanEvaluator } from './plan-evaluator.ts';
import { settlementRepository as repo, type FactGroupRow, type PeriodRow, type StaffForPay } from './settlement.repository.ts';

export interface PersonResultFull { staff: StaffForPay; planId: number; facts: PersonFacts; evaluation: Evaluation; lines: (EvaluatedLine & { adjustmentId: number | null })[]; totalFen: number }

function personFacts(s: StaffForPay, period: string, groups: FactGroupRow[]): PersonFacts {
  const { from, to } = payPeriodBounds(period);
  const p: PersonFacts = {
    staffId: s.id, period, hireType: s.hireType, firstMonth: s.hireDate >= from && s.hireDate <= to, baseFen: 0, bookingTarget: null,
    bookings: [], cards: [], leaveDates: [], deductions: { attendance: 0, phoneCard: 0, other: 0 },
  };
  for (const g of groups) {
    switch (g.kind) {
      case 'booking': p.bookings.push({ faceOk: g.faceOk, spentOk: g.spentOk, count: g.qty, rows: g.rows, minFaceFen: g.minFace, minSpentFen: g.minSpent }); break;
      case 'card': p.cards.push({ amountFen: g.amountFen, gifted: g.gifted, count: g.qty }); break;
      case 'leave': p.leaveDates.push(...(g.leave ?? [])); break;
      case 'deduction': {
        const k = g.subKind === 'attendance' || g.subKind === 'phoneCard' ? g.subKind : 'other';
        p.deductions[k] += g.sumAmount;
        break;
      }
      // The month's booking target (订房基数): the highest one announced for the person.
      case 'target': p.bookingTarget = Math.max(p.bookingTarget ?? 0, g.maxQty); break;
      case 'base': p.baseFen += g.sumAmount; break;
      default: break;
    }
  }
  p.leaveDates = [...new Set(p.leaveDates)].sort();
  p.bookings.sort((a, b) => Number(b.faceOk && b.spentOk) - Number(a.faceOk && a.spentOk));
  p.cards.sort((a, b) => a.amountFen - b.amountFen || Number(a.gifted) - Number(b.gifted));
  return p;
}

/**
 * Computes every person's pay for a period from the facts up to `watermark`: who is on which plan
 * (most specific assignment in force on the last day), one SQL aggregate per distinct set of plan
 * thresholds, the engine per person, then the period's adjustments as extra lines.
 * `override` evaluates everyone who has a plan with another (draft) plan: the what-if.
 */
export async function computePeriod(db: Executor, tenantId: number, period: PeriodRow, watermark: number, override?: { planId: number; evaluator: PlanEvaluator }, timings?: (step: string) => void): Promise<PersonResultFull[]> {
  const { to } = payPeriodBounds(period.period);
  // One after another: inside a transaction they share one connection.
  const people = await repo.staffForPay(db, tenantId);
  const rules = await repo.assignments(db, tenantId);
  const plans = await repo.plans(db, tenantId);
  const evaluators = new Map<number, PlanEvaluator>();
  for (const pl of plans) {
    try {
      evaluators.set(pl.id, compilePlan(pl));
    } catch (e) {
      throw new AppError('validation_failed', { message: { 'zh-CN': `方案“${pl.title}”无法执行：${(e as Error).message}`, en: `Plan "${pl.title}" cannot run: ${(e as Error).message}` } });
    }
  }
  const assigned: { staff: StaffForPay; planId: number; ev: PlanEvaluator }[] = [];
  for (const s of people) {
    const rule = pickPlanRule({ position: s.position, orgUnitPath: s.orgPath, hireType: s.hireType }, rules.map((r) => ({ ...r, orgUnitPath: r.orgUnitPath })), to);
    if (!rule) continue;
    const planId = override?.planId ?? rule.planId;
    assigned.push({ staff: s, planId, ev: override?.evaluator ?? evaluators.get(rule.planId)! });
  }
  const groupsBy = new Map<string, Map<number, FactGroupRow[]>>();
  for (const key of new Set(assigned.map((a) => `${a.ev.bookingFaceMinFen}:${a.ev.bookingSpentMinFen}`))) {
    const [face, spent] = key.split(':').map(Number) as [number, number];
    const byStaff = new Map<number, FactGroupRow[]>();
    for (const g of await repo.factGroups(db, tenantId, period.id, watermark, face, spent)) {
      const list = byStaff.get(g.staffId);
      if (list) list.push(g);
      else byStaff.set(g.staffId, [g]);
    }
    groupsBy.set(key, byStaff);
  }
  timings?.('aggregate');
  const adjustments = override ? [] : await repo.adjustmentsFor(db, tenantId, period.id);
  const adjBy = new Map<number, typeof adjustments>();
  for (const a of adjustments) adjBy.set(a.staffId, [...(adjBy.get(a.staffId) ?? []), a]);
  const out: PersonResultFull[] = [];
  for (const a of assigned) {
    const facts = personFacts(a.staff, period.period, groupsBy.get(`${a.ev.bookingFaceMinFen}:${a.ev.bookingSpentMinFen}`)!.get(a.staff.id) ?? []);
    const evaluation = a.ev.evaluate(facts);
    const lines: PersonResultFull['lines'] = evaluation.lines.map((l) => ({ ...l, adjustmentId: null }));
    for (const adj of adjBy.get(a.staff.id) ?? []) {
      const what = adj.labelZh ? `${adj.correctsPeriod} ${adj.labelZh}` : `${adj.correctsPeriod} ${adj.component}`;
      lines.push({
        component: 'adjustment', labelZh: `更正：${what}`, labelEn: `Correction: ${adj.correctsPeriod} ${adj.labelEn ?? adj.component}`, clause: adj.source === 'dispute' ? 'dispute' : 'late facts',
        amountFen: adj.amountFen, adjustmentId: adj.id,
        explain: { formula: 'adjustment', clause: '', clauseText: null, inputs: { amount: yuanOfFen(adj.amountFen), source: adj.source }, counted: [], excluded: [], corrects: { period: adj.correctsPeriod, lineId: adj.correctsLineId, reason: adj.reason } },
      });
    }
    out.push({ staff: a.staff, planId: a.planId, facts, evaluation, lines, totalFen: sumOfFen(lines.map((l) => l.amountFen)) });
  }
  timings?.('evaluate');
  return out;
}

/** Per-person component totals, the shape the domain diff and corrections take. */
export function asPersonResults(rs: PersonResultFull[], withAdjustments = true) {
  return rs.map((r) => {
    const components: Record<string, number> = {};
    for (const l of r.lines) if (withAdjustments || l.component !== 'adjustment') components[l.component] = (components[l.component] ?? 0) + l.amountFen;
    return { staffId: r.staff.id, totalFen: sumOfFen(Object.values(components)), components };
  });
}
