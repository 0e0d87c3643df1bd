import { Decimal } from 'decimal.js';
import { dec, yuanToFen } from '../money/fen.ts';
import { yuanOfFen } from '../money/yuan.ts';
import { payday as computePayday } from '../calendar/payday.ts';
import { holds, readPath } from './conditions.ts';
import { DivideByZero, evaluateNumber } from './expression.ts';
import { PolicyError } from './parse.ts';
import { describeTier, findTier, portionIn } from './tiers.ts';
import type { Component, CompensationPolicy } from './schema.ts';
import type { CompensationResult, Line } from './result.ts';

type Facts = Record<string, unknown>;

/** Applies the variants whose condition holds for this person, in document order. */
export function applyVariants(policy: CompensationPolicy, facts: Facts) {
  let components: Component[] = policy.components.map((c) => ({ ...c }));
  const applied: CompensationResult['variants'] = [];
  for (const v of policy.variants) {
    if (!holds(v.when, facts)) continue;
    applied.push({ id: v.id, label: v.label, clause: v.clause });
    components = components.filter((c) => !v.remove.includes(c.id)).map((c) => {
      const r = v.replace[c.id];
      if (!r) return c;
      const next: Component = { ...c, ...(r.calc ? { calc: r.calc, clause: v.clause } : {}) };
      if (r.multiplier === null) delete next.multiplier;
      else if (r.multiplier) next.multiplier = r.multiplier;
      return next;
    });
    components.push(...v.add);
  }
  return { components, applied };
}

const s = (d: Decimal) => d.toFixed();

interface Computed { amount: Decimal; measure: Decimal; line: Omit<Line, 'amountFen' | 'multiplier' | 'sign' | 'id' | 'label' | 'clause'> }

function computeTiered(c: Component & { calc: { type: 'tiered' } }, facts: Facts): Computed {
  const calc = c.calc;
  const raw = readPath(facts, calc.source);
  const items = Array.isArray(raw) ? raw : [];
  const counted: Line['counted'] = [];
  const excluded: Line['excluded'] = [];
  const passing: { index: number; item: unknown }[] = [];
  items.forEach((item, index) => {
    const failed = calc.filter.find((f) => !holds(f.when, item));
    if (failed) excluded.push({ index, item, reason: failed.reason });
    else passing.push({ index, item });
  });
  const valueOf = (item: unknown, field: string) => dec(readPath(item, field) as number);
  // An item may stand for several identical ones (SQL hands over groups with a count).
  const countField = calc.countField;
  const mult = (item: unknown, index: number): number => {
    if (!countField) return 1;
    const n = readPath(item, countField);
    if (n === undefined) return 1;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw new PolicyError([{ path: `${calc.source}.${index}.${countField}`, message: { zh: '应为非负整数', en: 'must be a whole number ≥ 0' } }]);
    }
    return n;
  };
  if (calc.apply === 'per_item') {
    const basis = calc.basis ?? (typeof calc.measure === 'object' ? calc.measure.sum : 'amount');
    let amount = new Decimal(0);
    const bandZh = calc.tiers.map((x) => describeTier(x, 'zh'));
    const bandEn = calc.tiers.map((x) => describeTier(x, 'en'));
    let countedUnits = 0;
    // The formula in numbers: per band and rate, what it applied to ("1866.67 × 1.25% + 200000 × 2.5%"; "100 × 10").
    const terms = new Map<string, { band: number; base: Decimal; by: string }>();
    const term = (band: number, by: string, base: Decimal) => {
      const key = `${band}|${by}`;
      const t = terms.get(key);
      if (t) t.base = t.base.plus(base);
      else terms.set(key, { band, base, by });
    };
    for (const { index, item } of passing) {
      const n = mult(item, index);
      const rawValue = readPath(item, basis);
      const found = findTier(typeof rawValue === 'number' ? rawValue : valueOf(item, basis), calc.tiers);
      if (!found) {
        excluded.push({ index, item, reason: { zh: `${String(rawValue)} 不在任何档次内`, en: `${String(rawValue)} falls in no band` } });
        continue;
      }
      const t = found.tier;
      // The sum in each language: only a rate adjustment's wording differs ("-0.5 pp" / "-0.5 个百分点").
      let note: { zh: string; en: string };
      if (t.rate !== undefined) {
        let rate = dec(t.rate);
        const adj = calc.adjustments.filter((a) => holds(a.when, item));
        for (const a of adj) rate = rate.plus(a.ratePoints);
        if (adj.some((a) => a.floorAtZero) && rate.isNegative()) rate = new Decimal(0);
        // With a credited amount (a shared customer's part, or a group's total) the rate applies to it,
        // once for all `n`; the band stays the basis's. Otherwise to each item's basis, n times.
        const credited = calc.creditField ? readPath(item, calc.creditField) : undefined;
        const base = typeof credited === 'number' ? dec(credited) : valueOf(item, basis);
        const part = base.times(rate).dividedBy(100);
        const times = typeof credited === 'number' ? 1 : n;
        amount = amount.plus(part.times(times));
        term(found.index, `${rate.toFixed()}%`, base.times(times));
        const sum = `${base.toFixed()} × ${rate.toFixed()}%`;
        const result = ` = ${part.toFixed()}${times !== 1 ? ` × ${times}` : ''}`;
        note = adj.length
          ? { zh: `${sum}（${adj.map((a) => `${a.ratePoints} 个百分点`).join('，')}）${result}`, en: `${sum} (${adj.map((a) => `${a.ratePoints} pp`).join(', ')})${result}` }
          : { zh: sum + result, en: sum + result };
      } else {
        amount = amount.plus(dec(t.price!).times(n));
        term(found.index, String(t.price), new Decimal(n));
        const each = `${t.price}${n !== 1 ? ` × ${n}` : ''}`;
        note = { zh: each, en: each };
      }
      countedUnits += n;
      counted.push({ index, item, note: { zh: `${bandZh[found.index]!}：${note.zh}`, en: `${bandEn[found.index]!}: ${note.en}` } });
    }
    excluded.sort((a, b) => a.index - b.index);
    return { amount, measure: new Decimal(countedUnits), line: { formula: formulaOf(terms), inputs: { items: String(items.reduce((a: number, it, i) => a + mult(it, i), 0)), counted: String(countedUnits) }, counted, excluded } };
  }
  // A sum of the basis takes an item's credited amount where it has one (all `count` of it together), as per_item does.
  const sumOf = (item: unknown, index: number, field: string): Decimal => {
    const credited = calc.creditField && field === (calc.basis ?? field) ? readPath(item, calc.creditField) : undefined;
    return typeof credited === 'number' ? dec(credited) : valueOf(item, field).times(mult(item, index));
  };
  const measure = calc.measure === 'count'
    ? new Decimal(passing.reduce((a, p) => a + mult(p.item, p.index), 0))
    : passing.reduce((a, p) => a.plus(sumOf(p.item, p.index, (calc.measure as { sum: string }).sum)), new Decimal(0));
  for (const p of passing) counted.push(p);
  const price = (t: { rate?: number; price?: number }, q: Decimal) => t.rate !== undefined ? q.times(t.rate).dividedBy(100) : q.times(dec(t.price!));
  if (calc.apply === 'whole') {
    const found = findTier(measure, calc.tiers);
    const amount = found ? price(found.tier, measure) : new Decimal(0);
    const rateText = found ? (found.tier.rate !== undefined ? `${found.tier.rate}%` : `${found.tier.price}`) : '0';
    return { amount, measure, line: { formula: `${s(measure)} × ${rateText}`, inputs: { measure: s(measure), band: found ? describeTier(found.tier, 'en') : 'none' }, counted, excluded } };
  }
  let amount = new Decimal(0);
  const parts: string[] = [];
  for (const t of calc.tiers) {
    const q = portionIn(measure, t);
    if (q.isZero()) continue;
    amount = amount.plus(price(t, q));
    parts.push(`${s(q)} × ${t.rate !== undefined ? `${t.rate}%` : t.price}`);
  }
  return { amount, measure, line: { formula: parts.join(' + ') || '0', inputs: { measure: s(measure) }, counted, excluded } };
}

/** Terms "base × rate" in band order (a band's full rate before its adjusted one), their sum the line's amount; "0" when nothing counted. */
function formulaOf(terms: Map<string, { band: number; base: Decimal; by: string }>): string {
  const rate = (by: string) => new Decimal(by.replace('%', ''));
  const list = [...terms.values()].sort((a, b) => a.band - b.band || rate(b.by).comparedTo(rate(a.by)));
  return list.length ? list.map((t) => `${t.base.toFixed()} × ${t.by}`).join(' + ') : '0';
}

function computePieceRate(c: Component & { calc: { type: 'piece_rate' } }, scope: (p: string) => unknown): Computed {
  const calc = c.calc;
  const q = evaluateNumber(calc.quantity, scope);
  const units = q.dividedBy(calc.per);
  let amount: Decimal;
  let formula: string;
  if (calc.target && calc.beyondPrice !== undefined) {
    const target = evaluateNumber(calc.target, scope).dividedBy(calc.per);
    const within = Decimal.min(units, target);
    const beyond = Decimal.max(units.minus(target), 0);
    amount = within.times(calc.price).plus(beyond.times(calc.beyondPrice));
    formula = `${s(within)} × ${calc.price} + ${s(beyond)} × ${calc.beyondPrice}`;
  } else {
    amount = units.times(calc.price);
    formula = `${s(q)} ÷ ${calc.per} × ${calc.price}`;
  }
  return { amount, measure: q, line: { formula, inputs: { quantity: s(q) }, counted: [], excluded: [] } };
}

/**
 * Evaluates a compensation plan for one person's month. Each component becomes one line,
 * rounded to the fen by the policy's rounding mode; the total is the sum of the lines.
 */
export function evaluateCompensation(policy: CompensationPolicy, facts: Facts): CompensationResult {
  const { components, applied } = applyVariants(policy, facts);
  const measures: Record<string, Decimal> = {};
  const amounts: Record<string, Decimal> = {};
  const scope = (p: string): unknown => {
    if (p.startsWith('measure.')) return measures[p.slice(8)];
    if (p.startsWith('amount.')) return amounts[p.slice(7)];
    return readPath(facts, p);
  };
  const lines: Line[] = [];
  for (const c of components) {
    let computed: Computed;
    if (c.calc.type === 'tiered') computed = computeTiered(c as Component & { calc: { type: 'tiered' } }, facts);
    else if (c.calc.type === 'piece_rate') computed = computePieceRate(c as Component & { calc: { type: 'piece_rate' } }, scope);
    else {
      // The facts and amounts the expression read are the line's inputs ("deductions.attendance": "50").
      const read: Record<string, string> = {};
      const v = evaluateNumber(c.calc.expr, (p) => {
        const x = scope(p);
        if (x instanceof Decimal) read[p] = x.toFixed();
        else if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') read[p] = String(x);
        return x;
      });
      computed = { amount: v, measure: v, line: { formula: c.calc.expr, inputs: read, counted: [], excluded: [] } };
    }
    let amount = computed.amount;
    let multiplier: Line['multiplier'];
    if (c.multiplier) {
      const m = c.multiplier;
      let value: Decimal;
      try {
        value = evaluateNumber(m.expr, scope);
      } catch (e) {
        if (!(e instanceof DivideByZero) || m.onUndefined === undefined) throw e;
        value = dec(m.onUndefined);
      }
      let appliedValue = value;
      if (m.cap !== undefined && appliedValue.greaterThan(m.cap)) appliedValue = dec(m.cap);
      if (m.floor !== undefined && appliedValue.lessThan(m.floor)) appliedValue = dec(m.floor);
      amount = amount.times(appliedValue);
      multiplier = { label: m.label, clause: m.clause, expr: m.expr, value: value.toFixed(), applied: appliedValue.toFixed() };
    }
    measures[c.id] = computed.measure;
    amounts[c.id] = amount;
    const fen = yuanToFen(amount, policy.rounding);
    lines.push({
      id: c.id, label: c.label, clause: c.clause, sign: c.sign,
      amountFen: c.sign === 'deduction' && fen !== 0 ? -Math.abs(fen) : fen,
      ...computed.line,
      formula: multiplier ? `(${computed.line.formula}) × ${multiplier.applied}` : computed.line.formula,
      ...(multiplier ? { multiplier } : {}),
    });
  }
  const totalFen = lines.reduce((a, l) => a + l.amountFen, 0);
  let pay: CompensationResult['payday'] = null;
  if (policy.payday && typeof facts.period === 'string') {
    const leave = policy.payday.delayByLeave ? (readPath(facts, policy.payday.delayByLeave.fact) as string[] | undefined) ?? [] : [];
    const d = policy.payday.delayByLeave;
    pay = { ...computePayday(facts.period, leave, { day: policy.payday.dayOfNextMonth, fromDay: d?.fromDay ?? 1, toDay: d?.toDay ?? 0, count: d?.count ?? 'calendar' }), clause: policy.payday.clause };
  }
  return { kind: 'compensation', policy: { id: policy.id, version: policy.version, title: policy.title }, totalFen, total: yuanOfFen(totalFen), lines, variants: applied, payday: pay };
}
