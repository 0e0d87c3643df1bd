import { quotaAllowed } from '../policy/scorecard.ts';
import type { ScorecardPolicy } from '../policy/schema.ts';

/**
 * HR calibration: the distribution of results per band against the band's headcount quota.
 * The allowed number is the policy engine's one rule (quotaAllowed: rounded down, no minimum).
 */
export interface BandCount { grade: string; count: number; allowed: number | null; over: boolean }

export function distribution(bands: ScorecardPolicy['bands'], grades: string[]): BandCount[] {
  const n = grades.length;
  return bands.map((b) => {
    const count = grades.filter((g) => g === b.grade).length;
    const allowed = b.quotaPercent === undefined ? null : quotaAllowed(b.quotaPercent, n);
    return { grade: b.grade, count, allowed, over: allowed !== null && count > allowed };
  });
}

/** True when every band keeps its quota. */
export function withinQuotas(bands: ScorecardPolicy['bands'], grades: string[]): boolean {
  return distribution(bands, grades).every((d) => !d.over);
}

/** A band's place for grade proposals: the top band proposes a step up, the bottom one a step down. */
export function bandPosition(bands: ScorecardPolicy['bands'], grade: string): 'top' | 'middle' | 'bottom' {
  const i = bands.findIndex((b) => b.grade === grade);
  if (i === 0) return 'top';
  if (i === bands.length - 1) return 'bottom';
  return 'middle';
}
