import { describe, expect, it } from 'vitest';
import { inputLabel, yuan } from './pay-text.ts';

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
  it('leaves names the engine writes itself as they are', () => {
    expect(inputLabel('× 考核系数 / coefficient', 'zh-CN')).toBe('× 考核系数 / coefficient');
  });
});
