import { describe, expect, it } from 'vitest';
import { inputLabel, shortDecimals, yuan } from './pay-text.ts';

describe('yuan', () => {
  it('formats fen as yuan with thousands separators and two decimals', () => {
    expect(yuan(600000)).toBe('6,000.00');
    expect(yuan(-5005)).toBe('-50.05');
    expect(yuan(7)).toBe('0.07');
    expect(yuan(null)).toBe('—');
  });
});

describe('inputLabel', () => {
  it("names a slip line's inputs in the user's language, not the engine's key", () => {
    expect(inputLabel('measure', 'zh-CN')).toBe('计量');
    expect(inputLabel('band', 'en')).toBe('Band');
  });
  it("shows the user's half of a multiplier the engine names in both languages", () => {
    expect(inputLabel('× 订房完成率 / Booking completion rate', 'zh-CN')).toBe('× 订房完成率');
    expect(inputLabel('× 订房完成率 / Booking completion rate', 'en')).toBe('× Booking completion rate');
  });
  it('leaves an expression the engine writes as it is', () => {
    expect(inputLabel('measure.bookingCommission / bookingTarget', 'zh-CN')).toBe('measure.bookingCommission / bookingTarget');
  });
});

describe('shortDecimals', () => {
  it('cuts long exact ratios to four decimals, marked as cut', () => {
    expect(shortDecimals('(1866.67 × 1.25%) × 0.49367088607594936709')).toBe('(1866.67 × 1.25%) × 0.4936…');
    expect(shortDecimals('1.8737864077669902913')).toBe('1.8737…');
  });
  it('leaves amounts, rates and short decimals alone', () => {
    expect(shortDecimals('1866.67 × 1.25% = 23.333375')).toBe('1866.67 × 1.25% = 23.333375');
    expect(shortDecimals('193 × 10')).toBe('193 × 10');
    expect(shortDecimals('0.12345678')).toBe('0.12345678');
  });
});
