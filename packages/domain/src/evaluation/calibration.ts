import type { BandDef } from './scorecard.ts';

/**
 * HR calibration: the distribution of results per band against the band's headcount quota.
 * A quota of q % over n people allows floor(n × q / 100) people, but at least one when q > 0
 * (a small team can still have one excellent member — a decision, not in the rule books).
 */
export interface BandCount { grade: string; count: number; allowed: number | null; over: boolean }

export function allowedFor(band: BandDef, n: number): number | null {
  if (band.quotaPercent === null) return null;
  if (band.quotaPercent <= 0) return 0;
  return Math.max(1, Math.floor((n * band.quotaPercent) / 100));
}

export function distribution(bands: BandDef[], grades: string[]): BandCount[] {
  const n = grades.length;
  return bands.map((b) => {
    const count = grades.filter((g) => g === b.grade).length;
    const allowed = allowedFor(b, n);
    return { grade: b.grade, count, allowed, over: allowed !== null && count > allowed };
  });
}

/** True when every band keeps its quota. */
export function withinQuotas(bands: BandDef[], grades: string[]): boolean {
  return distribution(bands, grades).every((d) => !d.over);
}
