import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { loadPreset } from '../presets/index.ts';
import type { CompensationResult } from './result.ts';

const spa = loadPreset('spa-pay');
const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
const base = {
  period: '2026-10', manager: { hireType: 'staff', firstMonth: false, baseFen: 0 }, bookingTarget: 100,
  bookings: [] as { cardFaceValue: number; spent: number }[], cards: [] as { amount: number; giftedDrinks: boolean }[],
  leaveDates: [] as string[], deductions: { attendance: 0, phoneCard: 0, other: 0 },
};
const run = (over: Partial<typeof base>) => evaluate(spa, { ...base, ...over }) as CompensationResult;
const line = (r: CompensationResult, id: string) => r.lines.find((l) => l.id === id)!;

describe('spa pay preset', () => {
  it("reproduces the rule book's worked example: 5000 × 1 + 100 × 10 = 6000", () => {
    const r = run({ cards: times(40, { amount: 5000, giftedDrinks: false }), bookings: times(100, { cardFaceValue: 1000, spent: 350 }), leaveDates: ['2026-11-03'] });
    expect(r.total).toBe('6000.00');
    expect(line(r, 'cardCommission').amountFen).toBe(500_000);
    expect(line(r, 'bookingCommission').amountFen).toBe(100_000);
    expect(line(r, 'cardCommission').multiplier?.applied).toBe('1');
    // The formulas in numbers, as the rule book's example writes them.
    expect(line(r, 'cardCommission').formula).toBe('(200000 × 2.5%) × 1');
    expect(line(r, 'bookingCommission').formula).toBe('100 × 10');
    expect(r.payday).toMatchObject({ date: '2026-11-16', delayDays: 1 });
    expect(r.totalFen).toBe(r.lines.reduce((a, l) => a + l.amountFen, 0));
  });

  it.each([
    ['card below 500 does not qualify', { cardFaceValue: 499, spent: 1000 }, 0, '客人持卡面额不足500元'],
    ['card of exactly 500 qualifies (及以上 includes it)', { cardFaceValue: 500, spent: 300 }, 1, null],
    ['spent 299.99 does not qualify', { cardFaceValue: 800, spent: 299.99 }, 0, '当次累计消费不足300元'],
  ])('booking filter: %s', (_n, booking, counted, reason) => {
    const r = run({ bookings: [booking] });
    const l = line(r, 'bookingCommission');
    expect(l.counted).toHaveLength(counted);
    if (reason) expect(l.excluded[0]!.reason.zh).toBe(reason);
  });

  it.each([
    [79, 79 * 5],
    [80, 80 * 10],
    [81, 81 * 10],
  ])('%i qualifying rooms earn %i yuan (the whole volume at the reached tier)', (rooms, yuan) => {
    expect(line(run({ bookings: times(rooms, { cardFaceValue: 500, spent: 300 }) }), 'bookingCommission').amountFen).toBe(yuan * 100);
  });

  it.each([
    [499, 0], [500, 5], [750, 7.5], [800, 10], [1499, 18.74], [1500, 22.5], [3000, 60], [5000, 125], [9999, 249.98], [10000, 400], [20000, 800],
  ])('a card of %d earns %d yuan at full completion', (amount, yuan) => {
    const r = run({ cards: [{ amount, giftedDrinks: false }], bookings: times(100, { cardFaceValue: 500, spent: 300 }) });
    expect(line(r, 'cardCommission').amountFen).toBe(Math.round(yuan * 100));
  });

  it('takes 0.5 percentage points off a card sold with gifted drinks', () => {
    const r = run({ cards: [{ amount: 5000, giftedDrinks: true }], bookings: times(100, { cardFaceValue: 500, spent: 300 }) });
    expect(line(r, 'cardCommission').amountFen).toBe(10_000); // 5000 × 2%
  });

  it('multiplies card commission by the booking completion rate, uncapped', () => {
    const half = run({ cards: [{ amount: 10000, giftedDrinks: false }], bookings: times(50, { cardFaceValue: 500, spent: 300 }) });
    expect(line(half, 'cardCommission').amountFen).toBe(20_000);
    const over = run({ cards: [{ amount: 10000, giftedDrinks: false }], bookings: times(120, { cardFaceValue: 500, spent: 300 }) });
    expect(line(over, 'cardCommission').amountFen).toBe(48_000);
    const noTarget = run({ bookingTarget: 0, cards: [{ amount: 10000, giftedDrinks: false }] });
    expect(line(noTarget, 'cardCommission').amountFen).toBe(40_000);
  });

  it('pays an external hire in the first month base plus card commission at the lower rates', () => {
    const r = run({ manager: { hireType: 'external', firstMonth: true, baseFen: 250_000 }, cards: [{ amount: 5000, giftedDrinks: false }, { amount: 600, giftedDrinks: true }], bookings: times(10, { cardFaceValue: 500, spent: 300 }) });
    expect(r.variants.map((v) => v.id)).toEqual(['external-first-month']);
    expect(r.lines.find((l) => l.id === 'bookingCommission')).toBeUndefined();
    expect(line(r, 'base').amountFen).toBe(250_000);
    // 5000 × 2% = 100; 600 × (0.5% − 0.5 pp) = 0, never negative.
    expect(line(r, 'cardCommission').amountFen).toBe(10_000);
    expect(r.total).toBe('2600.00');
  });

  it("words each card's sum in each language, a rate adjustment included", () => {
    const r = run({ cards: [{ amount: 1000, giftedDrinks: true }], bookings: times(100, { cardFaceValue: 500, spent: 300 }) });
    expect(line(r, 'cardCommission').counted[0]!.note).toEqual({
      zh: '800及以上、1500以下（不含）：1000 × 0.75%（-0.5 个百分点） = 7.5',
      en: '≥ 800 and < 1500: 1000 × 0.75% (-0.5 pp) = 7.5',
    });
  });

  it('writes a per-card formula as one term per band and rate, in band order, summing to the line', () => {
    const cards = [{ amount: 5000, giftedDrinks: false }, { amount: 600, giftedDrinks: false }, { amount: 1000, giftedDrinks: true }, { amount: 5500, giftedDrinks: false }, { amount: 800, giftedDrinks: false }];
    const l = line(run({ cards, bookings: times(100, { cardFaceValue: 500, spent: 300 }) }), 'cardCommission');
    expect(l.formula).toBe('(600 × 1% + 800 × 1.25% + 1000 × 0.75% + 10500 × 2.5%) × 1');
    // 6 + 10 + 7.5 + 262.5
    expect(l.amountFen).toBe(28_600);
    expect(line(run({}), 'cardCommission').formula).toBe('(0) × 0');
  });

  it('subtracts deductions and moves payday by leave days between the 1st and the 15th', () => {
    const r = run({ deductions: { attendance: 50, phoneCard: 20.5, other: 0 }, leaveDates: ['2026-10-30', '2026-11-01', '2026-11-15', '2026-11-16', '2026-11-01'] });
    expect(r.totalFen).toBe(-7050);
    // Each deduction line names the fact it read and its value.
    expect(line(r, 'attendance').inputs).toEqual({ 'deductions.attendance': '50' });
    expect(line(r, 'phoneCard').inputs).toEqual({ 'deductions.phoneCard': '20.5' });
    expect(r.payday).toMatchObject({ base: '2026-11-15', date: '2026-11-17', delayDays: 2, countedLeave: ['2026-11-01', '2026-11-15'] });
  });
});
