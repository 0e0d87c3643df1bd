import { Decimal } from 'decimal.js';
import { defaultPayday, fenOfYuan, sumOfFen } from '@kehu/domain';
import type { PayLineExplain } from '@kehu/contracts';

/**
 * The one seam between settlement and the policy engine (issue 3). Settlement aggregates facts in
 * SQL per person and per item attributes that matter (card amount + gifted flag; booking
 * qualifies or not, with counts); this file turns one person's aggregate into the engine's input
 * and the engine's result into slip lines with their explanation.
 */

/** A group of a person's bookings with the same qualification, with its count (rooms). */
export interface BookingGroup { faceOk: boolean; spentOk: boolean; count: number; rows: number; minFaceFen: number; minSpentFen: number }
/** A group of a person's card sales of one amount and gift flag. */
export interface CardGroup { amountFen: number; gifted: boolean; count: number }

/** Everything one person's month contributes, already aggregated by SQL. */
export interface PersonFacts {
  staffId: number;
  period: string;
  hireType: string;
  firstMonth: boolean;
  baseFen: number;
  bookingTarget: number | null;
  bookings: BookingGroup[];
  cards: CardGroup[];
  leaveDates: string[];
  deductions: { attendance: number; phoneCard: number; other: number };
}

export interface EvaluatedLine { component: string; labelZh: string; labelEn: string; clause: string; amountFen: number; explain: PayLineExplain }
export interface Evaluation { totalFen: number; payday: string; lines: EvaluatedLine[]; input: unknown; trace: unknown }

/** A plan made ready to evaluate many people: thresholds the SQL aggregate needs, and evaluate(). */
export interface PlanEvaluator {
  /** spa pay rules, clause 2: a booking counts only with a 500+ card and 300+ spent. */
  bookingFaceMinFen: number;
  bookingSpentMinFen: number;
  /** Where the card commission rate can change (the plan's band bounds), ascending: SQL sums cards per band. */
  cardFloorsFen: number[];
  evaluate(person: PersonFacts): Evaluation;
}

const yuan = (fen: number): number => fen / 100;

/** The spa-pay input shape fixed by issue 3, from one person's aggregate (groups expanded by count). */
export function spaPayInput(p: PersonFacts) {
  const bookings: { cardFaceValue: number; spent: number }[] = [];
  for (const g of p.bookings) for (let i = 0; i < g.count; i++) bookings.push({ cardFaceValue: yuan(g.minFaceFen), spent: yuan(g.minSpentFen) });
  const cards: { amount: number; giftedDrinks: boolean }[] = [];
  for (const g of p.cards) for (let i = 0; i < g.count; i++) cards.push({ amount: yuan(g.amountFen), giftedDrinks: g.gifted });
  return {
    period: p.period,
    manager: { hireType: p.hireType === 'external' ? 'external' : 'staff', firstMonth: p.firstMonth, baseFen: p.baseFen },
    bookingTarget: p.bookingTarget ?? 0,
    bookings, cards, leaveDates: p.leaveDates,
    deductions: { attendance: yuan(p.deductions.attendance), phoneCard: yuan(p.deductions.phoneCard), other: yuan(p.deductions.other) },
  };
}

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** Facts counted and left out, per booking group, with the reason in both languages. */
export function bookingGroupsExplained(p: PersonFacts, faceMin: number, spentMin: number) {
  const counted = p.bookings.filter((g) => g.faceOk && g.spentOk).reduce((a, g) => a + g.count, 0);
  const excluded = p.bookings.filter((g) => !(g.faceOk && g.spentOk)).map((g) => ({
    label: t('订房', 'Bookings'), count: g.count, amountFen: null,
    reason: !g.faceOk && !g.spentOk ? t(`卡面额不足 ${faceMin / 100} 元且消费不足 ${spentMin / 100} 元`, `card below ${faceMin / 100} yuan and spent below ${spentMin / 100} yuan`)
      : !g.faceOk ? t(`客人卡面额不足 ${faceMin / 100} 元`, `guest's card below ${faceMin / 100} yuan`)
        : t(`当次消费不足 ${spentMin / 100} 元`, `spent below ${spentMin / 100} yuan on the visit`),
  }));
  return { counted, excluded };
}

// ---------------------------------------------------------------------------------------------
// Interim spa-pay evaluation, used until the engine's evaluate() and the spa-pay preset land
// (issue 3). It follows the rule book's reading in DOMAIN.md and reproduces its worked example;
// the adapter switches to the engine as soon as it is available, and this block goes away.
// ---------------------------------------------------------------------------------------------
const CARD_BANDS: { min: number; staff: string; external: string }[] = [
  // Band floors in fen, rates in percent. Gaps in the rule book (700–800, 1000–1500, …) take the
  // band below; above 10,000 takes the top band.
  { min: 1000000, staff: '4', external: '2.5' },
  { min: 500000, staff: '2.5', external: '2' },
  { min: 300000, staff: '2', external: '1.5' },
  { min: 150000, staff: '1.5', external: '1.25' },
  { min: 80000, staff: '1.25', external: '1' },
  { min: 50000, staff: '1', external: '0.5' },
];

function interimSpaPay(p: PersonFacts): Evaluation {
  const external = p.hireType === 'external' && p.firstMonth;
  const { counted: rooms, excluded } = bookingGroupsExplained(p, 50000, 30000);
  const perRoom = rooms >= 80 ? 1000 : 500;
  const bookingFen = rooms * perRoom;
  let cardFen = new Decimal(0);
  const cardCounted: PayLineExplain['counted'] = [];
  const cardExcluded: PayLineExplain['excluded'] = [];
  for (const g of p.cards) {
    const band = CARD_BANDS.find((b) => g.amountFen >= b.min);
    if (!band) { cardExcluded.push({ label: t(`${g.amountFen / 100} 元卡`, `${g.amountFen / 100}-yuan cards`), count: g.count, amountFen: g.amountFen * g.count, reason: t('卡面额不足 500 元', 'card below 500 yuan') }); continue; }
    const rate = Decimal.max(0, new Decimal(external ? band.external : band.staff).minus(g.gifted ? '0.5' : '0'));
    cardFen = cardFen.plus(rate.times(g.amountFen).div(100).times(g.count));
    cardCounted.push({ label: t(`${g.amountFen / 100} 元卡${g.gifted ? '（赠饮）' : ''} × ${rate.toString()}%`, `${g.amountFen / 100}-yuan cards${g.gifted ? ' (gifted drinks)' : ''} × ${rate.toString()}%`), count: g.count, amountFen: g.amountFen * g.count, reason: null });
  }
  const target = p.bookingTarget ?? 0;
  const completion = target > 0 ? new Decimal(rooms).div(target) : new Decimal(1);
  const cardCommission = cardFen.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  const cardLine = external ? cardCommission : completion.times(cardCommission).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  const base = external ? p.baseFen : 0;
  const lines: EvaluatedLine[] = [];
  const explain = (formula: string, clause: string, inputs: PayLineExplain['inputs'], counted: PayLineExplain['counted'] = [], ex: PayLineExplain['excluded'] = []): PayLineExplain =>
    ({ formula, clause, clauseText: null, inputs, counted, excluded: ex, corrects: null });
  if (external) lines.push({ component: 'base', labelZh: '接待底薪', labelEn: 'Reception base', clause: 'spa-pay §5', amountFen: base, explain: explain('base', 'spa-pay §5', { baseFen: base }) });
  lines.push({ component: 'card', labelZh: '办卡提成', labelEn: 'Card commission', clause: 'spa-pay §3', amountFen: cardLine,
    explain: explain(external ? 'Σ card × rate' : 'Σ card × rate × completion', 'spa-pay §3–4', { cardCommissionFen: cardCommission, completionRate: completion.toString(), bookingTarget: target }, cardCounted, cardExcluded) });
  lines.push({ component: 'booking', labelZh: '订房提成', labelEn: 'Booking commission', clause: 'spa-pay §2', amountFen: bookingFen,
    explain: explain('rooms × rate per room', 'spa-pay §2', { rooms, ratePerRoomFen: perRoom }, [{ label: t('合格订房', 'Qualifying bookings'), count: rooms, amountFen: null, reason: null }], excluded) });
  for (const [k, zh, en] of [['attendance', '差勤扣款', 'Attendance deduction'], ['phoneCard', '电话卡扣款', 'Phone-card deduction'], ['other', '其他扣款', 'Other deduction']] as const) {
    const v = p.deductions[k];
    if (v) lines.push({ component: `deduction_${k}`, labelZh: zh, labelEn: en, clause: 'spa-pay §1', amountFen: -v, explain: explain('− deduction', 'spa-pay §1', { amountFen: v }) });
  }
  return { totalFen: sumOfFen(lines.map((l) => l.amountFen)), payday: defaultPayday(p.period, p.leaveDates), lines, input: null, trace: { interim: true } };
}

/** Prepares a plan for evaluation. Throws on a document the engine cannot read. */
export function compilePlan(plan: { presetId: string | null; document: string }): PlanEvaluator {
  void plan.document;
  return { bookingFaceMinFen: 50000, bookingSpentMinFen: 30000, cardFloorsFen: CARD_BANDS.map((b) => b.min).sort((a, b) => a - b), evaluate: interimSpaPay };
}

/** Parses the engine's yuan string total. */
export const engineTotalFen = (total: string): number => fenOfYuan(total);

/** Presets a plan can be made from (the engine's list once it lands). */
export function availablePresets(): { id: string; title: string }[] {
  return [{ id: 'spa-pay', title: '客户经理薪资计算办法及标准细则（足浴/酒店） / Spa & hotel manager pay' }];
}

/** The document of a preset, frozen into the plan when HR creates it. */
export function presetDocument(id: string): string | null {
  return id === 'spa-pay' ? '# spa-pay (preset document is filled in by the policy engine)\nid: spa-pay\n' : null;
}
