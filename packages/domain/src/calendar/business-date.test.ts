import { describe, expect, it } from 'vitest';
import { businessDate } from './business-date.ts';

describe('business date', () => {
  it('is the date in China, which turns over at 16:00 UTC', () => {
    expect(businessDate(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(businessDate(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
    expect(businessDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it('does not depend on the zone the process runs in', () => {
    const at = new Date('2026-11-29T16:20:00Z');
    expect(businessDate(at)).toBe('2026-11-30');
    expect(at.toLocaleDateString('sv-SE', { timeZone: 'America/Los_Angeles' })).toBe('2026-11-29');
  });
});
