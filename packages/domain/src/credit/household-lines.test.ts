import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_VILLAGE_RULES } from './credit-rating.ts';
import { householdGradesOf, householdLineByPolicy, householdLinesPolicy, inCreditVillageLine } from './household-lines.ts';

describe('credit-line table through the policy engine', () => {
  const policy = householdLinesPolicy();
  it('the preset’s bands are the default grades (best first)', () => {
    expect(householdGradesOf(policy)).toEqual(DEFAULT_CREDIT_VILLAGE_RULES.householdGrades);
  });
  it.each([
    ['90 exactly: excellent', 90, false, false, 100_000_00, '90及以上'],
    ['89: good', 89, false, false, 50_000_00, '75'],
    ['60 exactly: fair', 60, false, false, 30_000_00, '60'],
    ['59: no band', 59, false, false, 0, '59'],
    ['in arrears: excluded whatever the score', 95, true, false, 0, '有拖欠'],
    ['with an NPL: excluded', 95, false, true, 0, '有不良贷款'],
  ] as const)('%s', (_n, score, hasArrears, hasNpl, fen, note) => {
    const r = householdLineByPolicy(policy, { ratingScore: score, hasArrears, hasNpl });
    expect(r.creditLineFen).toBe(fen);
    expect(r.note.zh).toContain(note);
    // Each language its own words: the Chinese note has no English connective, the English no Chinese band words.
    expect(r.note.zh).not.toMatch(/ and |≥/);
    expect(r.note.en).not.toMatch(/及以上|以下/);
  });
  it('inside a rated credit village the line is raised by the factor (half up to the fen)', () => {
    expect(inCreditVillageLine(50_000_00, DEFAULT_CREDIT_VILLAGE_RULES)).toBe(60_000_00);
    expect(inCreditVillageLine(5, { villageCreditLineFactor: '1.25' })).toBe(6);
    expect(inCreditVillageLine(0, DEFAULT_CREDIT_VILLAGE_RULES)).toBe(0);
  });
});
