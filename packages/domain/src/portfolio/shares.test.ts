import { describe, expect, it } from 'vitest';
import { allocateByShares, peakShare, periodsOverlap, shareProblem, sumShares, validateShares } from './shares.ts';

describe('share validation (管户比例, sum ≤ 100%)', () => {
  it.each([
    ['whole number', '60', null],
    ['two decimals', '33.33', null],
    ['exactly 100 allowed', '100', null],
    ['three decimals', '33.333', 'format'],
    ['zero', '0', 'not_positive'],
    ['negative written', '-5', 'format'],
    ['above 100', '100.01', 'over_100'],
    ['text', 'abc', 'format'],
  ])('%s', (_n, share, problem) => expect(shareProblem(share)).toBe(problem));

  it.each([
    ['60 + 40 = 100 is fine', ['60', '40'], null],
    ['33.33 × 3 = 99.99 is fine', ['33.33', '33.33', '33.33'], null],
    ['33.34 + 33.33 + 33.33 = 100 exactly (no float drift)', ['33.34', '33.33', '33.33'], null],
    ['0.1 + 0.2 + 99.7 = 100 exactly', ['0.1', '0.2', '99.7'], null],
    ['50.01 + 50 is over', ['50.01', '50'], { problem: 'sum_over_100', index: -1 }],
    ['bad member named by index', ['50', '0'], { problem: 'not_positive', index: 1 }],
    ['empty set', [], null],
  ])('%s', (_n, shares, result) => expect(validateShares(shares)).toEqual(result));

  it('sums exactly', () => expect(sumShares(['0.1', '0.2'])).toBe('0.3'));
});

describe('validity periods', () => {
  it.each([
    ['disjoint', { from: '2026-01-01', to: '2026-03-31' }, { from: '2026-04-01', to: null }, false],
    ['touching on one day (inclusive ends)', { from: '2026-01-01', to: '2026-03-31' }, { from: '2026-03-31', to: null }, true],
    ['both open', { from: '2026-01-01', to: null }, { from: '2025-01-01', to: null }, true],
  ])('%s', (_n, a, b, overlap) => expect(periodsOverlap(a, b)).toBe(overlap));

  it('peak share counts only what is in force on the same day', () => {
    expect(peakShare([{ share: '60', from: '2026-01-01', to: '2026-03-31' }, { share: '60', from: '2026-04-01', to: null }])).toBe('60');
    expect(peakShare([{ share: '60', from: '2026-01-01', to: null }, { share: '40.5', from: '2026-04-01', to: null }])).toBe('100.5');
  });
});

describe('allocation by shares (largest remainder)', () => {
  it.each([
    ['even split', 100, ['50', '50'], [50, 50]],
    ['thirds of 100 fen: remainder to the first', 100, ['33.33', '33.33', '33.34'], [33, 33, 34]],
    ['1 fen to three equal shares: earliest wins the tie', 1, ['33.33', '33.33', '33.34'], [0, 0, 1]],
    ['shares under 100 leave the rest unallocated', 1000, ['60', '30'], [600, 300]],
    ['rounded total half up', 5, ['50'], [3]],
    ['negative amount mirrors', -100, ['33.33', '33.33', '33.34'], [-33, -33, -34]],
    ['zero', 0, ['60', '40'], [0, 0]],
    ['large amount', 123_456_789_01, ['12.5', '87.5'], [15_432_098_63, 108_024_690_38]],
  ])('%s', (_n, amount, shares, parts) => {
    expect(allocateByShares(amount, shares)).toEqual(parts);
  });

  it('always sums back to the whole amount when shares sum to 100', () => {
    const shareSets = [['33.33', '33.33', '33.34'], ['10', '20', '30', '40'], ['99.99', '0.01'], ['14.29', '14.29', '14.29', '14.29', '14.28', '14.28', '14.28']];
    for (const shares of shareSets) {
      for (let amount = 0; amount < 2000; amount += 7) {
        const parts = allocateByShares(amount, shares);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
        for (const p of parts) expect(p).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('refuses fractional fen and bad shares', () => {
    expect(() => allocateByShares(1.5, ['100'])).toThrow(RangeError);
    expect(() => allocateByShares(100, ['60', '41'])).toThrow(/sum_over_100/);
  });
});
