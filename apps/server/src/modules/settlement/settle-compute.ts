import { nextPayPeriod, payPeriodBounds, pickPlanRule, sumOfFen, yuanOfFen } from '@kehu/domain';
import type { Executor } from '@kehu/db';
import { AppError } from '../../errors/app-error.ts';
import { payCoefficientsService } from '../evaluation/pay-coefficients.service.ts';
import { compilePlan, type EvaluatedLine, type Evaluation, type PersonFacts, type PlanEvaluator } from './plan-evaluator.ts';
import { settlementRepository as repo, type PersonAggregate, type PeriodRow, type StaffForPay } from './settlement.repository.ts';
import { creditSplitRepository, type SharedCardGroup } from './credit-split.repository.ts';
import type { FactCut } from './fact-cut.ts';

/** Plans that read facts the same way share one aggregate pass. */
const aggKey = (ev: PlanEvaluator) => `${ev.bookingFaceMinFen}:${ev.bookingSpentMinFen}:${ev.cardFloorsFen.join(',')}`;

export interface PersonResultFull { staff: StaffForPay; planId: number; facts: PersonFacts; evaluation: Evaluation; lines: (EvaluatedLine & { adjustmentId: number | null })[]; totalFen: number }

const maskDays = (mask: number, month: string): string[] => {
  const out: string[] = [];
  for (let d = 1; d <= 31; d++) if (Math.floor(mask / 2 ** (d - 1)) % 2 === 1) out.push(`${month}-${String(d).padStart(2, '0')}`);
  return out;
};

/** One row per customer and share (bands and gift flags folded together), for the slip's explanation. */
function mergeCredits(items: PersonFacts['credits']): PersonFacts['credits'] {
  const by = new Map<string, PersonFacts['credits'][number]>();
  for (const c of items) {
    const k = `${c.customerId}:${c.share ?? ''}:${c.keptFor?.staffId ?? ''}`;
    const x = by.get(k);
    if (x) { x.cards += c.cards; x.wholeFen += c.wholeFen; x.creditedFen += c.creditedFen; } else by.set(k, { ...c });
  }
  return [...by.values()];
}

/**
 * One person's month from their aggregate row. Card sales of one rate band and gift flag become
 * one group: how many, their exact total (the rate applies to it), and one card of the band's
 * amount (⌊average⌋, inside the band, so it picks the band's rate). Split cards of shared
 * customers are a group per band and gift flag, their total the part credited to this person.
 */
export function personFacts(s: StaffForPay, period: string, a: PersonAggregate | undefined, shared: readonly SharedCardGroup[] = [], floorsFen: readonly number[] = [], evaluation: PersonFacts['evaluation'] = null): PersonFacts {
  const { from, to } = payPeriodBounds(period);
  const floors = [0, ...floorsFen];
  // Cards of shared customers sold on a day they had one manager only are ordinary cards: into their band.
  const bands = (a?.cardBands ?? []).map((b) => ({ ...b }));
  for (const g of shared.filter((x) => !x.split)) {
    const floorFen = floors[g.bandIndex] ?? 0;
    const b = bands.find((x) => x.floorFen === floorFen && x.gifted === g.gifted);
    if (b) { b.count += g.cards; b.sumFen += g.creditedFen; } else bands.push({ floorFen, gifted: g.gifted, count: g.cards, sumFen: g.creditedFen });
  }
  const cards: PersonFacts['cards'] = bands.filter((b) => b.count > 0).map((b) => ({ amountFen: Math.floor(b.sumFen / b.count), gifted: b.gifted, count: b.count, sumFen: b.sumFen }));
  // Split cards: one group per band and gift flag, priced by a whole card of the band, the rate on the credited part.
  const splitBy = new Map<string, PersonFacts['cards'][number]>();
  for (const g of shared.filter((x) => x.split)) {
    const key = `${g.bandIndex}:${g.gifted}`;
    const c = splitBy.get(key);
    if (c) { c.count += g.cards; c.sumFen += g.creditedFen; c.amountFen = Math.min(c.amountFen, g.minWholeFen); } else splitBy.set(key, { amountFen: g.minWholeFen, gifted: g.gifted, count: g.cards, sumFen: g.creditedFen, shared: true });
  }
  cards.push(...splitBy.values());
  cards.sort((x, y) => x.amountFen - y.amountFen || Number(x.gifted) - Number(y.gifted) || Number(x.shared ?? false) - Number(y.shared ?? false));
  const credits = shared.filter((g) => g.split).map((g) => ({ customerId: g.customerId, customerName: g.customerName, share: g.share, keptFor: g.keptFor, cards: g.cards, wholeFen: g.wholeFen, creditedFen: g.creditedFen }));
  return {
    staffId: s.id, period, hireType: s.hireType, firstMonth: s.hireDate >= from && s.hireDate <= to, baseFen: a?.baseFen ?? 0,
    bookingTarget: a?.target ?? null, bookings: a?.bookings ?? [], cards,
    leaveDates: a ? [...maskDays(a.leaveThisMask, period), ...maskDays(a.leaveNextMask, nextPayPeriod(period))] : [],
    deductions: a?.deductions ?? { attendance: 0, phoneCard: 0, other: 0 },
    credits: mergeCredits(credits), evaluation,
  };
}

/**
 * Computes every person's pay for a period from the facts of `cut` (up to a watermark, less the voided): who is on which plan
 * (most specific assignment in force on the last day), one SQL aggregate per distinct set of plan
 * thresholds, the engine per person, then the period's adjustments as extra lines.
 */
export interface ComputeOptions {
  /** Evaluates everyone who has a plan with another (draft) plan: the what-if. */
  override?: { planId: number; evaluator: PlanEvaluator };
  /** Called as each step ends ('aggregate', 'evaluate'). */
  timings?: (step: string) => void;
  /** Runs once the figures are read, before the first person is evaluated, with how many will be. */
  beforeEvaluate?: (headcount: number) => Promise<void>;
  /** Sees each person's result as soon as it is computed (no query may run from it). */
  onPerson?: (r: PersonResultFull) => void;
}

export async function computePeriod(db: Executor, tenantId: number, period: PeriodRow, cut: FactCut, opts: ComputeOptions = {}): Promise<PersonResultFull[]> {
  const { override, timings, onPerson } = opts;
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
  const aggBy = new Map<string, Map<number, PersonAggregate>>();
  const sharedBy = new Map<string, Map<number, SharedCardGroup[]>>();
  const { from } = payPeriodBounds(period.period);
  const nextFrom = `${nextPayPeriod(period.period)}-01`;
  const sharedCustomers = assigned.length ? await creditSplitRepository.sharedCustomers(db, tenantId, from, nextFrom) : [];
  // Whoever gets a slip this period; a shared customer's manager outside it (left, or no plan) has their share kept by the seller.
  const paidStaff = assigned.map((a) => a.staff.id);
  for (const a of assigned) {
    const key = aggKey(a.ev);
    if (aggBy.has(key)) continue;
    const rowsOf = await repo.personAggregates(db, tenantId, period.id, cut,
      { faceMinFen: a.ev.bookingFaceMinFen, spentMinFen: a.ev.bookingSpentMinFen, cardFloorsFen: a.ev.cardFloorsFen, periodFrom: from, nextFrom, sharedCustomers });
    aggBy.set(key, new Map(rowsOf.map((r) => [r.staffId, r])));
    const shared = new Map<number, SharedCardGroup[]>();
    for (const g of await creditSplitRepository.sharedCardGroups(db, tenantId, period.id, cut, sharedCustomers, a.ev.cardFloorsFen, paidStaff)) shared.set(g.staffId, [...(shared.get(g.staffId) ?? []), g]);
    sharedBy.set(key, shared);
  }
  const coefficients = assigned.length ? await payCoefficientsService.forPeriodEnding(db, tenantId, to) : new Map<number, NonNullable<PersonFacts['evaluation']>>();
  timings?.('aggregate');
  const adjustments = override ? [] : await repo.adjustmentsFor(db, tenantId, period.id);
  const adjBy = new Map<number, typeof adjustments>();
  for (const a of adjustments) adjBy.set(a.staffId, [...(adjBy.get(a.staffId) ?? []), a]);
  await opts.beforeEvaluate?.(assigned.length);
  const out: PersonResultFull[] = [];
  for (const a of assigned) {
    const facts = personFacts(a.staff, period.period, aggBy.get(aggKey(a.ev))!.get(a.staff.id), sharedBy.get(aggKey(a.ev))!.get(a.staff.id), a.ev.cardFloorsFen, coefficients.get(a.staff.id) ?? null);
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
    const result = { staff: a.staff, planId: a.planId, facts, evaluation, lines, totalFen: sumOfFen(lines.map((l) => l.amountFen)) };
    out.push(result);
    if (onPerson) {
      onPerson(result);
      // Let I/O run now and then: whatever onPerson queued (the lines' COPY) goes out while the next people are computed.
      if (out.length % 64 === 0) await new Promise<void>((go) => setImmediate(go));
    }
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
