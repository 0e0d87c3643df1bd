import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { evaluate } from './evaluate.ts';
import { PolicyError, toPolicy } from './parse.ts';
import { loadPreset, presetSource } from '../presets/index.ts';
import type { CompensationResult } from './result.ts';

const spa = loadPreset('spa-pay');
const money = fc.integer({ min: 0, max: 5_000_000 }).map((fen) => fen / 100);
const facts = fc.record({
  period: fc.constantFrom('2026-01', '2026-02', '2026-10', '2026-12'),
  manager: fc.record({ hireType: fc.constantFrom('staff', 'external', 'agent'), firstMonth: fc.boolean(), baseFen: fc.integer({ min: 0, max: 1_000_000 }) }),
  bookingTarget: fc.integer({ min: 0, max: 200 }),
  bookings: fc.array(fc.record({ cardFaceValue: money, spent: money }), { maxLength: 150 }),
  cards: fc.array(fc.record({ amount: money, giftedDrinks: fc.boolean() }), { maxLength: 60 }),
  leaveDates: fc.array(fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { maxLength: 10 }),
  deductions: fc.record({ attendance: money, phoneCard: money, other: money }),
});

describe('policy engine properties', () => {
  it('never throws on valid facts, and the total is always the sum of its lines', () => {
    fc.assert(fc.property(facts, (f) => {
      const r = evaluate(spa, f) as CompensationResult;
      expect(r.totalFen).toBe(r.lines.reduce((a, l) => a + l.amountFen, 0));
      expect(Number.isSafeInteger(r.totalFen)).toBe(true);
      expect(r.total).toBe(`${r.totalFen < 0 ? '-' : ''}${Math.floor(Math.abs(r.totalFen) / 100)}.${String(Math.abs(r.totalFen) % 100).padStart(2, '0')}`);
    }), { numRuns: 300 });
  });

  const card = (amount: number, gifted: boolean) => (evaluate(spa, { period: '2026-10', manager: { hireType: 'staff', firstMonth: false, baseFen: 0 }, bookingTarget: 0, bookings: [], cards: [{ amount, giftedDrinks: gifted }], leaveDates: [], deductions: { attendance: 0, phoneCard: 0, other: 0 } }) as CompensationResult).lines.find((l) => l.id === 'cardCommission')!.amountFen;
  const rooms = (n: number) => (evaluate(spa, { period: '2026-10', manager: { hireType: 'staff', firstMonth: false, baseFen: 0 }, bookingTarget: 100, bookings: Array.from({ length: n }, () => ({ cardFaceValue: 500, spent: 300 })), cards: [], leaveDates: [], deductions: { attendance: 0, phoneCard: 0, other: 0 } }) as CompensationResult).lines.find((l) => l.id === 'bookingCommission')!.amountFen;

  it('keeps declared-monotone tiers monotone: a larger card never earns less', () => {
    fc.assert(fc.property(money, money, fc.boolean(), (a, b, g) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(card(lo, g)).toBeLessThanOrEqual(card(hi, g));
    }), { numRuns: 300 });
  });

  it('keeps booking commission monotone in the number of rooms', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), (n) => {
      expect(rooms(n)).toBeLessThanOrEqual(rooms(n + 1));
    }), { numRuns: 100 });
  });

  it('names the path of every problem in an invalid document', () => {
    const raw = parseYaml(presetSource('spa-pay'), { merge: true }) as Record<string, unknown>;
    const mutations: [string, (d: Record<string, unknown>) => void][] = [
      ['version', (d) => { d.version = 'one'; }],
      ['kind', (d) => { d.kind = 'payroll'; }],
      ['components', (d) => { d.components = []; }],
      ['components.1.calc.tiers.0', (d) => { ((((d.components as Record<string, unknown>[])[1]!.calc) as Record<string, unknown>).tiers as Record<string, unknown>[])[0]!.price = 'five'; }],
      ['components.2.calc.apply', (d) => { (((d.components as Record<string, unknown>[])[2]!.calc) as Record<string, unknown>).apply = 'sometimes'; }],
      ['effective.from', (d) => { (d.effective as Record<string, unknown>).from = '1 Jan'; }],
      ['title.zh', (d) => { delete (d.title as Record<string, unknown>).zh; }],
    ];
    fc.assert(fc.property(fc.constantFrom(...mutations), ([path, mutate]) => {
      const doc = structuredClone(raw);
      mutate(doc);
      try {
        toPolicy(doc);
        expect.unreachable(`mutation at ${path} was accepted`);
      } catch (e) {
        expect(e).toBeInstanceOf(PolicyError);
        const paths = (e as PolicyError).issues.map((i) => i.path);
        expect(paths.some((p) => p.startsWith(path.split('.')[0]!))).toBe(true);
        expect((e as PolicyError).issues.every((i) => i.message.zh && i.message.en)).toBe(true);
      }
    }));
  });

  it('names the path of every bad fact', () => {
    const bad = fc.constantFrom<unknown>('abc', null, true, [], { x: 1 }, Number.NaN);
    fc.assert(fc.property(facts, fc.nat(), bad, (f, k, value) => {
      if (f.cards.length === 0) return;
      const i = k % f.cards.length;
      const broken = structuredClone(f) as { cards: Record<string, unknown>[] };
      broken.cards[i]!.amount = value;
      expect(() => evaluate(spa, broken)).toThrow(PolicyError);
      try { evaluate(spa, broken); } catch (e) {
        expect((e as PolicyError).issues.map((x) => x.path)).toContain(`cards.${i}.amount`);
      }
    }), { numRuns: 100 });
    expect(() => evaluate(spa, { period: '2026-10' })).toThrow(/bookingTarget|Booking target/);
  });
});

describe('items standing for several identical ones (countField)', () => {
  const grouped = structuredClone(spa);
  if (grouped.kind !== 'compensation') throw new Error('kind');
  const setCount = (c: { calc: { type: string; countField?: string } }) => { if (c.calc.type === 'tiered') c.calc.countField = 'count'; };
  grouped.components.forEach(setCount);
  for (const v of grouped.variants) for (const r of Object.values(v.replace)) if (r.calc?.type === 'tiered') r.calc.countField = 'count';
  const group = <T extends object>(items: T[]) => {
    const m = new Map<string, T & { count: number }>();
    for (const it of items) {
      const k = JSON.stringify(it);
      const g = m.get(k);
      if (g) g.count++; else m.set(k, { ...it, count: 1 });
    }
    return [...m.values()];
  };
  it('gives exactly the same lines as the expanded items', () => {
    fc.assert(fc.property(facts, (f) => {
      const a = evaluate(spa, f) as CompensationResult;
      const b = evaluate(grouped, { ...f, bookings: group(f.bookings), cards: group(f.cards) }) as CompensationResult;
      expect(b.lines.map((l) => [l.id, l.amountFen])).toEqual(a.lines.map((l) => [l.id, l.amountFen]));
      expect(b.totalFen).toBe(a.totalFen);
      // How many facts a line read and counted: the cards, not the items that stand for them.
      expect(b.lines.map((l) => [l.id, l.inputs.items, l.inputs.counted])).toEqual(a.lines.map((l) => [l.id, l.inputs.items, l.inputs.counted]));
    }), { numRuns: 200 });
  });
  // Cards of one spa band (the filter's 500 and the tier bounds) and gift flag as one item: one card of
  // the band picks the rate, `count` says how many, `credited` is their exact total (what SQL hands over).
  const floors = [500, 800, 1500, 3000, 5000, 10000];
  const byBand = (cards: { amount: number; giftedDrinks: boolean }[]) => {
    const m = new Map<string, { fen: number; n: number; giftedDrinks: boolean }>();
    for (const c of cards) {
      const k = `${floors.filter((f) => c.amount >= f).length}:${c.giftedDrinks}`;
      const g = m.get(k) ?? { fen: 0, n: 0, giftedDrinks: c.giftedDrinks };
      g.fen += Math.round(c.amount * 100);
      g.n++;
      m.set(k, g);
    }
    return [...m.values()].map((g) => ({ amount: Math.floor(g.fen / g.n) / 100, giftedDrinks: g.giftedDrinks, count: g.n, credited: g.fen / 100 }));
  };
  const withCredit = (policy: typeof grouped, change: (calc: { creditField?: string; apply?: string; measure?: unknown }) => void = () => undefined) => {
    const p = structuredClone(policy);
    if (p.kind !== 'compensation') throw new Error('kind');
    const calcs = [...p.components.map((c) => c.calc), ...p.variants.flatMap((v) => Object.values(v.replace).map((r) => r.calc))];
    for (const c of calcs) if (c?.type === 'tiered' && c.source === 'cards') { c.creditField = 'credited'; change(c); }
    return p;
  };
  it('gives the same lines when the cards of one band come as one item with their exact total (per-item rate)', () => {
    const banded = withCredit(grouped);
    fc.assert(fc.property(facts, (f) => {
      const a = evaluate(spa, f) as CompensationResult;
      const b = evaluate(banded, { ...f, bookings: group(f.bookings), cards: byBand(f.cards) }) as CompensationResult;
      expect(b.lines.map((l) => [l.id, l.amountFen])).toEqual(a.lines.map((l) => [l.id, l.amountFen]));
    }), { numRuns: 200 });
  });
  it('adds an item\'s credited total, not one card × count, to a sum of the amounts', () => {
    const whole = (p: typeof grouped) => withCredit(p, (c) => { c.apply = 'whole'; c.measure = { sum: 'amount' }; });
    const expanded = whole(grouped);
    const banded = whole(grouped);
    fc.assert(fc.property(facts, (f) => {
      const a = evaluate(expanded, f) as CompensationResult;
      const b = evaluate(banded, { ...f, cards: byBand(f.cards) }) as CompensationResult;
      expect(b.lines.map((l) => [l.id, l.amountFen])).toEqual(a.lines.map((l) => [l.id, l.amountFen]));
    }), { numRuns: 200 });
  });
  it('refuses a count that is not a whole number, naming its path', () => {
    expect(() => evaluate(grouped, { period: '2026-10', manager: { hireType: 'staff', firstMonth: false, baseFen: 0 }, bookingTarget: 1, bookings: [{ cardFaceValue: 500, spent: 300, count: 1.5 }], cards: [], leaveDates: [], deductions: { attendance: 0, phoneCard: 0, other: 0 } })).toThrow(/bookings\.0\.count/);
  });
});
