import { PolicyError, defaultPayday, evaluate, fenOfYuan, isPreset, listPresets, parsePolicies, presetSource, sumOfFen, type CompensationResult, type Policy } from '@kehu/domain';
import type { PayLineExplain } from '@kehu/contracts';
import { namedExpression, planNames } from './plan-names.ts';

/**
 * The one seam between settlement and the policy engine (issue 3). Settlement aggregates facts in
 * SQL per person and per item attributes that matter (card amount + gifted flag; booking
 * qualifies or not, with counts); this file turns one person's aggregate into the engine's input
 * and the engine's result into slip lines with their explanation.
 */

/** A group of a person's bookings on the same side of the plan's face-value and spend thresholds, with its count (rooms). */
export interface BookingGroup { faceOk: boolean; spentOk: boolean; count: number }
/**
 * A group of a person's card sales of one rate band and gift flag: `count` cards, `sumFen` their
 * total, which the band's rate applies to; `amountFen` is one card of the band (it picks the
 * rate). With `shared` the cards are of shared customers and `sumFen` is the part credited to
 * this person.
 */
export interface CardGroup { amountFen: number; gifted: boolean; count: number; sumFen: number; shared?: boolean }
/**
 * What a person was credited from the card sales of one shared customer (share null: the rest below
 * 100%; `keptFor` set: the share of another manager who gets no slip, kept by this person as the seller).
 */
export interface SharedCredit {
  customerId: number; customerName: string; share: string | null;
  keptFor?: { staffId: number; staffName: string; reason: 'left' | 'no_plan' } | null;
  cards: number; wholeFen: number; creditedFen: number;
}
/** The published evaluation result a plan reads for the period (issue 5), or null when there is none. */
export interface PayEvaluation { coefficient: string; band: string | null; cycleId: number; cycleName: string }

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
  /** Card sales of shared customers, split by share (the slip shows them). */
  credits: SharedCredit[];
  evaluation: PayEvaluation | null;
}

/**
 * A line's explanation as stored. The clause's text is left out: it is the plan's (plans never
 * change once made), so the slip fills it in when read (withPlanTexts) instead of every line of
 * every run carrying it. A line that says `clauseText` itself (an adjustment: null) keeps it.
 */
export type StoredLineExplain = Omit<PayLineExplain, 'clauseText'> & { clauseText?: PayLineExplain['clauseText'] };
export interface EvaluatedLine { component: string; labelZh: string; labelEn: string; clause: string; amountFen: number; explain: StoredLineExplain }
export interface Evaluation { totalFen: number; payday: string; lines: EvaluatedLine[]; trace: unknown }

/** How a line names its clause: `spa-pay §2` (the policy, then the clause's ref in its source). */
const clauseName = (policyId: string, ref: string) => `${policyId} §${ref}`;
const clauseRef = (name: string): string | null => {
  const at = name.lastIndexOf(' §');
  return at < 0 ? null : name.slice(at + 2);
};

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

/**
 * The spa-pay input shape fixed by issue 3, from one person's aggregate. Each SQL group is
 * handed over as one item with its `count` (the plan's tiered calcs read it as `countField`),
 * so the engine does per-group, not per-fact, work. A booking group stands for its bookings by
 * a face value and a spend on the same side of the plan's thresholds (the threshold itself, or
 * one fen below it), so the engine's filter decides for the group as it would for each booking.
 */
export function spaPayInput(p: PersonFacts, bookingFaceMinFen: number, bookingSpentMinFen: number) {
  const side = (ok: boolean, minFen: number) => yuan(ok ? minFen : minFen - 1);
  return {
    period: p.period,
    manager: { hireType: p.hireType === 'external' ? 'external' : 'staff', firstMonth: p.firstMonth, baseFen: p.baseFen },
    bookingTarget: p.bookingTarget ?? 0,
    bookings: p.bookings.filter((g) => g.count > 0).map((g) => ({ cardFaceValue: side(g.faceOk, bookingFaceMinFen), spent: side(g.spentOk, bookingSpentMinFen), count: g.count })),
    // `credited`: the total the rate applies to (the plan's card calcs read it as `creditField`).
    cards: p.cards.filter((g) => g.count > 0).map((g) => ({ amount: yuan(g.amountFen), giftedDrinks: g.gifted, count: g.count, credited: yuan(g.sumFen), ...(g.shared ? { shared: true } : {}) })),
    leaveDates: p.leaveDates,
    deductions: { attendance: yuan(p.deductions.attendance), phoneCard: yuan(p.deductions.phoneCard), other: yuan(p.deductions.other) },
    // The period's published evaluation (issue 5); without one a plan reads the neutral 1.
    evaluation: { coefficient: p.evaluation ? Number(p.evaluation.coefficient) : 1, band: p.evaluation?.band ?? 'none', published: p.evaluation !== null },
  };
}

type Cmp = Extract<Policy, { kind: 'compensation' }>['components'][number];
type TieredCalc = Extract<Cmp['calc'], { type: 'tiered' }>;

/** Fen where a bound starts to hold, for amount buckets [floor, next floor): ≥ v → v; > v → v + 1 fen. */
const floorOf = (value: number, startsAt: boolean) => Math.round(value * 100) + (startsAt ? 0 : 1);

function tieredOn(policy: Extract<Policy, { kind: 'compensation' }>, source: string): TieredCalc[] {
  const calcs: Cmp['calc'][] = [...policy.components.map((c) => c.calc)];
  for (const v of policy.variants) {
    for (const r of Object.values(v.replace)) if (r.calc) calcs.push(r.calc);
    for (const c of v.add) calcs.push(c.calc);
  }
  return calcs.filter((c): c is TieredCalc => c.type === 'tiered' && c.source === source);
}

/** Lowest value a filter `field op value` lets through, in fen (spa pay: card ≥ 500, spent ≥ 300). */
function thresholdFen(calcs: TieredCalc[], field: string): number {
  let fen = 0;
  for (const c of calcs) {
    for (const f of c.filter) {
      const w = f.when as { field?: string; op?: string; value?: unknown };
      if (w.field === field && typeof w.value === 'number' && (w.op === 'gte' || w.op === 'gt')) fen = Math.max(fen, floorOf(w.value, w.op === 'gte'));
    }
  }
  return fen;
}

/** Every amount at which a card's rate can change: tier bounds and filter thresholds, in fen. */
function cardFloors(calcs: TieredCalc[]): number[] {
  const out = new Set<number>();
  for (const c of calcs) {
    for (const t of c.tiers) {
      if (t.min) out.add(floorOf(t.min.value, t.min.inclusive));
      if (t.max) out.add(floorOf(t.max.value, !t.max.inclusive));
    }
    const th = thresholdFen([c], c.basis ?? 'amount');
    if (th) out.add(th);
  }
  return [...out].filter((x) => x > 0).sort((a, b) => a - b);
}

/** The count is the row's own column: a note keeps the sum for one item ("500 × 1% = 5", not "… × 12"). */
const one = (s: string) => s.replace(/ × \d+$/, '');

/**
 * The engine's per-item trace as the slip lists it: one row per item. Items are already the SQL's
 * groups (one per booking qualification, card band and gift flag), each with its count, so no
 * two rows describe the same facts.
 */
function fold(items: { item: unknown; note?: { zh: string; en: string }; reason?: { zh: string; en: string } }[], source: string | null, thresholds: BookingThresholds): PayLineExplain['counted'] {
  return items.map((it) => {
    const { count: c, ...item } = it.item as { count?: unknown };
    const n = typeof c === 'number' ? c : 1;
    const note = it.note ? { zh: one(it.note.zh), en: one(it.note.en) } : undefined;
    // A card group's amount is its total (all `n` cards together), which the input carries as `credited`.
    const credited = (item as { credited?: unknown }).credited;
    const amountFen = source === 'cards' && typeof credited === 'number' ? Math.round(credited * 100) : null;
    return { label: describeItem(item, n, source, thresholds, note), count: n, amountFen, reason: it.reason ? { 'zh-CN': it.reason.zh, en: it.reason.en } : null };
  });
}

/** The plan's booking thresholds in fen (0: none). */
interface BookingThresholds { faceMinFen: number; spentMinFen: number }

/** A booking group's label: which side of each threshold its bookings are on. */
function bookingLabel(i: Record<string, unknown>, t: BookingThresholds): { 'zh-CN': string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  const side = (value: unknown, minFen: number, zhName: string, enName: string) => {
    if (minFen <= 0) return;
    const ok = typeof value === 'number' && Math.round(value * 100) >= minFen;
    zh.push(`${zhName} ${ok ? '≥' : '<'} ${minFen / 100} 元`);
    en.push(`${enName} ${ok ? '≥' : '<'} ${minFen / 100} yuan`);
  };
  side(i.cardFaceValue, t.faceMinFen, '卡面额', 'card');
  side(i.spent, t.spentMinFen, '消费', 'spent');
  return zh.length ? { 'zh-CN': `订房（${zh.join('，')}）`, en: `Bookings (${en.join(', ')})` } : { 'zh-CN': '订房', en: 'Bookings' };
}

function describeItem(item: unknown, count: number, source: string | null, thresholds: BookingThresholds, note?: { zh: string; en: string }): { 'zh-CN': string; en: string } {
  const i = item as Record<string, unknown>;
  if (source === 'bookings') return bookingLabel(i, thresholds);
  if (source === 'cards') {
    const gift = i.giftedDrinks === true;
    // Every card group carries its total as `credited` (spaPayInput): a band of own cards, or a shared customer's part.
    if (i.shared === true) return { 'zh-CN': `共管客户的卡（按 ${String(i.amount)} 元卡档次）分得 ${String(i.credited)} 元${gift ? '（赠送酒水）' : ''}${note ? ` ${note.zh}` : ''}`, en: `Shared customers' cards (band of a ${String(i.amount)}-yuan card), credited ${String(i.credited)} yuan${gift ? ' (gifted drinks)' : ''}${note ? ` ${note.en}` : ''}` };
    return { 'zh-CN': `办卡 ${count} 张，合计 ${String(i.credited)} 元${gift ? '（赠送酒水）' : ''}${note ? `；${note.zh}` : ''}`, en: `${count} card${count === 1 ? '' : 's'}, ${String(i.credited)} yuan in all${gift ? ' (gifted drinks)' : ''}${note ? `; ${note.en}` : ''}` };
  }
  return { 'zh-CN': JSON.stringify(item), en: JSON.stringify(item) };
}

/**
 * Prepares a plan for evaluation: parses its document with the policy engine (issue 3) and reads
 * off what the SQL aggregate needs (booking thresholds, card amount bands). Throws PolicyError on
 * a document the engine cannot read.
 */
export function compilePlan(plan: { presetId: string | null; document: string }): PlanEvaluator {
  const docs = parsePolicies(plan.document);
  const policy = docs.find((d): d is Extract<Policy, { kind: 'compensation' }> => d.kind === 'compensation');
  if (!policy) throw new PolicyError([{ path: 'kind', message: { zh: '方案文档不是薪酬类（compensation）', en: 'The document is not a compensation policy' } }]);
  const bookingCalcs = tieredOn(policy, 'bookings');
  const cardCalcs = tieredOn(policy, 'cards');
  // The input hands the engine SQL groups with a count (see spaPayInput).
  for (const calc of [...bookingCalcs, ...cardCalcs]) calc.countField = 'count';
  // A shared customer's card: the band by the whole card, the rate on the credited part.
  for (const calc of cardCalcs) calc.creditField = 'credited';
  const sourceOf = new Map(policy.components.map((c) => [c.id, c.calc.type === 'tiered' ? c.calc.source : null]));
  for (const v of policy.variants) for (const [id, r] of Object.entries(v.replace)) if (r.calc?.type === 'tiered') sourceOf.set(id, r.calc.source);
  const thresholds: BookingThresholds = { faceMinFen: thresholdFen(bookingCalcs, 'cardFaceValue'), spentMinFen: thresholdFen(bookingCalcs, 'spent') };
  return {
    bookingFaceMinFen: thresholds.faceMinFen,
    bookingSpentMinFen: thresholds.spentMinFen,
    cardFloorsFen: cardFloors(cardCalcs),
    evaluate(p: PersonFacts): Evaluation {
      const input = spaPayInput(p, thresholds.faceMinFen, thresholds.spentMinFen);
      const r = evaluate(policy, input) as CompensationResult;
      const lines: EvaluatedLine[] = [];
      for (const l of r.lines) {
        // Base pay and deductions that are not there are not lines of the slip.
        if (l.amountFen === 0 && l.counted.length === 0 && l.excluded.length === 0) continue;
        const source = sourceOf.get(l.id) ?? null;
        const inputs: PayLineExplain['inputs'] = { ...l.inputs };
        if (l.multiplier) Object.assign(inputs, { [`× ${l.multiplier.label.zh} / ${l.multiplier.label.en}`]: l.multiplier.applied, [`${l.multiplier.expr}`]: l.multiplier.value });
        lines.push({
          component: l.id, labelZh: l.label.zh, labelEn: l.label.en, clause: clauseName(policy.id, l.clause), amountFen: l.amountFen,
          explain: {
            formula: l.formula, clause: clauseName(policy.id, l.clause), inputs,
            counted: fold(l.counted, source, thresholds), excluded: fold(l.excluded, source, thresholds), corrects: null,
          },
        });
      }
      return {
        totalFen: sumOfFen(lines.map((l) => l.amountFen)),
        payday: r.payday?.date ?? defaultPayday(p.period, p.leaveDates),
        lines,
        // What the lines do not say: the policy version, the engine's total, the variants that applied and how
        // the payday came about. The figures it read are the slip's input (credits and evaluation included).
        trace: { policy: { id: r.policy.id, version: r.policy.version }, total: r.total, variants: r.variants, payday: r.payday },
      };
    },
  };
}

/** What a slip reads from the plan it was paid by: its clauses' texts and its facts' names. */
interface PlanTexts { clauses: Map<string, string>; names: Map<string, { 'zh-CN': string; en: string }>; components: string[] }
const textsOf = new Map<string, PlanTexts>();

function planTexts(planDocument: string): PlanTexts {
  let t = textsOf.get(planDocument);
  if (!t) {
    const policy = parsePolicies(planDocument).find((d): d is Extract<Policy, { kind: 'compensation' }> => d.kind === 'compensation');
    t = {
      clauses: new Map((policy?.source.clauses ?? []).map((c) => [c.ref, c.text])), names: planNames(policy),
      components: policy ? [...policy.components, ...policy.variants.flatMap((v) => v.add)].map((c) => c.id) : [],
    };
    if (textsOf.size >= 64) textsOf.clear();
    textsOf.set(planDocument, t);
  }
  return t;
}

/**
 * A stored line's explanation as the slip shows it, with what it reads from the plan it was paid
 * by (plans never change once made): the text of its clause (see clauseName) — lines stored with
 * their own clauseText (runs before it was left out, adjustments) keep it — and the plan's names
 * for the inputs and the formula where they read its facts and measures ("deductions.attendance" →
 * 差勤扣款 / Attendance deduction; "measure.bookingCommission / bookingTarget" → 订房提成（计量） ÷ 订房基数).
 */
export function withPlanTexts(explain: StoredLineExplain, planDocument: string): PayLineExplain {
  const texts = planTexts(planDocument);
  let clauseText = explain.clauseText;
  if (clauseText === undefined) {
    const ref = clauseRef(explain.clause);
    const text = ref === null ? undefined : texts.clauses.get(ref);
    clauseText = text ? { 'zh-CN': text, en: text } : null;
  }
  const inputLabels = Object.fromEntries(Object.keys(explain.inputs).flatMap((k) => {
    const label = namedExpression(k, texts.names);
    return label ? [[k, label]] : [];
  }));
  const formulaLabel = namedExpression(explain.formula, texts.names);
  return { ...explain, clauseText, ...(Object.keys(inputLabels).length ? { inputLabels } : {}), ...(formulaLabel ? { formulaLabel } : {}) };
}

/**
 * Components in the order the plans list them (base and commissions, then deductions, as the plan
 * writes them; the first plan that has one places it), corrections last, the rest after the plans' own.
 */
export function inPlanOrder<T extends { key: string }>(components: T[], planDocuments: string[]): T[] {
  const rank = new Map<string, number>();
  for (const d of planDocuments) planTexts(d).components.forEach((id, i) => { if (!rank.has(id) || rank.get(id)! > i) rank.set(id, i); });
  const place = (key: string) => (key === 'adjustment' ? Number.MAX_SAFE_INTEGER : rank.get(key) ?? Number.MAX_SAFE_INTEGER - 1);
  return [...components].sort((a, b) => place(a.key) - place(b.key));
}

/** Presets a plan can be made from: the engine's compensation presets. */
export function availablePresets(): { id: string; title: string }[] {
  return listPresets().filter((x) => x.kinds.includes('compensation')).map((x) => ({ id: x.id, title: `${x.title.zh} / ${x.title.en}` }));
}

/** The document of a preset, frozen into the plan when HR creates it. */
export function presetDocument(id: string): string | null {
  return isPreset(id) ? presetSource(id) : null;
}

/** Parses the engine's yuan string total. */
export const engineTotalFen = (total: string): number => fenOfYuan(total);

