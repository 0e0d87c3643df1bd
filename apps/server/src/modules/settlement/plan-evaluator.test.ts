import { describe, expect, it } from 'vitest';
import { compilePlan, presetDocument, withClauseText } from './plan-evaluator.ts';

const doc = presetDocument('spa-pay')!;
const person = {
  staffId: 1, period: '2026-10', hireType: 'staff', firstMonth: false, baseFen: 0, bookingTarget: 100,
  bookings: [{ faceOk: true, spentOk: true, count: 100 }], cards: [{ amountFen: 50_000, gifted: false, count: 2 }],
  leaveDates: [], deductions: { attendance: 0, phoneCard: 0, other: 0 }, credits: [], evaluation: null,
};

describe('stored line explanations', () => {
  it('leave the clause text to the plan, and get it back when read', () => {
    const lines = compilePlan({ presetId: 'spa-pay', document: doc }).evaluate(person).lines;
    const card = lines.find((l) => l.component === 'cardCommission')!;
    expect(card.explain).not.toHaveProperty('clauseText');
    const shown = withClauseText(card.explain, doc);
    expect(shown.clause).toBe('spa-pay §2');
    expect(shown.clauseText?.['zh-CN']).toContain('卡提成');
    expect(withClauseText({ ...card.explain, clause: 'spa-pay §99' }, doc).clauseText).toBeNull();
  });

  it('keep a clause text a line was stored with (earlier runs, adjustments)', () => {
    const stored = { formula: 'adjustment', clause: '', clauseText: null, inputs: {}, counted: [], excluded: [], corrects: null };
    expect(withClauseText(stored, doc)).toBe(stored);
    const older = { ...stored, clause: 'spa-pay §2', clauseText: { 'zh-CN': '旧文本', en: 'old text' } };
    expect(withClauseText(older, doc).clauseText).toEqual({ 'zh-CN': '旧文本', en: 'old text' });
  });
});
