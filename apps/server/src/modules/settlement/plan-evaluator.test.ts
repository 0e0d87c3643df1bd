import { describe, expect, it } from 'vitest';
import { compilePlan, presetDocument, withPlanTexts } from './plan-evaluator.ts';

const doc = presetDocument('spa-pay')!;
const person = {
  staffId: 1, period: '2026-10', hireType: 'staff', firstMonth: false, baseFen: 0, bookingTarget: 100,
  bookings: [{ faceOk: true, spentOk: true, count: 100 }], cards: [{ amountFen: 50_000, gifted: false, count: 2, sumFen: 100_000 }],
  leaveDates: [], deductions: { attendance: 0, phoneCard: 0, other: 0 }, credits: [], evaluation: null,
};

describe('card groups', () => {
  const plan = compilePlan({ presetId: 'spa-pay', document: doc });
  const cardLine = (cards: typeof person.cards) => plan.evaluate({ ...person, cards }).lines.find((l) => l.component === 'cardCommission')!;

  it('pays a band group the rate on its exact total, as for each card alone, and says so in one row', () => {
    // An 866.67 and a 1,000.00 card: both in the 800–1500 band (1.25 %).
    const group = cardLine([{ amountFen: 93_333, gifted: false, count: 2, sumFen: 186_667 }]);
    const apart = cardLine([{ amountFen: 86_667, gifted: false, count: 1, sumFen: 86_667 }, { amountFen: 100_000, gifted: false, count: 1, sumFen: 100_000 }]);
    expect(group.amountFen).toBe(2333); // 1,866.67 × 1.25 % = 23.333375
    expect(apart.amountFen).toBe(group.amountFen);
    expect(group.explain.counted).toHaveLength(1);
    const [row] = group.explain.counted;
    expect(row).toMatchObject({ count: 2, amountFen: 186_667 });
    expect(row!.label['zh-CN']).toBe('办卡 2 张，合计 1866.67 元；800及以上、1500以下（不含）：1866.67 × 1.25% = 23.333375');
    expect(row!.label.en).toBe('2 cards, 1866.67 yuan in all; ≥ 800 and < 1500: 1866.67 × 1.25% = 23.333375');
    // No card of an amount nobody sold (the average) appears on the slip.
    expect(row!.label['zh-CN']).not.toContain('933');
  });

  it('lists a group below the threshold as not counted, with the rule book\'s reason', () => {
    const line = cardLine([{ amountFen: 30_000, gifted: true, count: 3, sumFen: 90_001 }]);
    expect(line.explain.counted).toHaveLength(0);
    expect(line.explain.excluded).toEqual([{ label: { 'zh-CN': '办卡 3 张，合计 900.01 元（赠送酒水）', en: '3 cards, 900.01 yuan in all (gifted drinks)' }, count: 3, amountFen: 90_001, reason: { 'zh-CN': '办续卡金额不足500元', en: 'Card below 500 yuan' } }]);
  });
});

describe('stored line explanations', () => {
  it("name the inputs that are the plan's facts in the plan's words", () => {
    const lines = compilePlan({ presetId: 'spa-pay', document: doc }).evaluate({ ...person, deductions: { attendance: 5_000, phoneCard: 0, other: 0 } }).lines;
    const attendance = lines.find((l) => l.component === 'attendance')!;
    expect(attendance.explain.inputs).toEqual({ 'deductions.attendance': '50' });
    expect(withPlanTexts(attendance.explain, doc).inputLabels).toEqual({ 'deductions.attendance': { 'zh-CN': '差勤扣款', en: 'Attendance deduction' } });
    // The formula reads the same fact: written by its name too.
    expect(withPlanTexts(attendance.explain, doc).formulaLabel).toEqual({ 'zh-CN': '差勤扣款', en: 'Attendance deduction' });
    // Inputs the engine names itself (measure, band) are left to the page's own words, and a formula of numbers reads as it is.
    const booking = withPlanTexts(lines.find((l) => l.component === 'bookingCommission')!.explain, doc);
    expect(booking.inputLabels).toBeUndefined();
    expect(booking).not.toHaveProperty('formulaLabel');
  });

  it("write the multiplier's expression with the plan's names for the measure and the fact it divides", () => {
    const card = compilePlan({ presetId: 'spa-pay', document: doc }).evaluate(person).lines.find((l) => l.component === 'cardCommission')!;
    const shown = withPlanTexts(card.explain, doc);
    expect(shown.inputLabels?.['measure.bookingCommission / bookingTarget']).toEqual({ 'zh-CN': '订房提成（计量） ÷ 订房基数', en: 'Booking commission (measure) ÷ Booking target' });
    // The card formula is numbers per band: nothing to name.
    expect(shown.formula).toBe('(1000 × 1%) × 1');
    expect(shown).not.toHaveProperty('formulaLabel');
  });

  it('leave the clause text to the plan, and get it back when read', () => {
    const lines = compilePlan({ presetId: 'spa-pay', document: doc }).evaluate(person).lines;
    const card = lines.find((l) => l.component === 'cardCommission')!;
    expect(card.explain).not.toHaveProperty('clauseText');
    const shown = withPlanTexts(card.explain, doc);
    expect(shown.clause).toBe('spa-pay §2');
    expect(shown.clauseText?.['zh-CN']).toContain('卡提成');
    expect(withPlanTexts({ ...card.explain, clause: 'spa-pay §99' }, doc).clauseText).toBeNull();
  });

  it('keep a clause text a line was stored with (earlier runs, adjustments)', () => {
    const stored = { formula: 'adjustment', clause: '', clauseText: null, inputs: {}, counted: [], excluded: [], corrects: null };
    expect(withPlanTexts(stored, doc)).toEqual(stored);
    const older = { ...stored, clause: 'spa-pay §2', clauseText: { 'zh-CN': '旧文本', en: 'old text' } };
    expect(withPlanTexts(older, doc).clauseText).toEqual({ 'zh-CN': '旧文本', en: 'old text' });
  });
});
