import type { RaterRole, ScorecardDef } from './scorecard.ts';

/**
 * 360-degree aggregation (tobacco grades rule book: superior, subordinate and peers).
 * Each rater role counts only with at least its minimum number of respondents; roles that
 * do not count drop out and the remaining weights are scaled back to 100 %. Anonymous roles
 * (peers, subordinates) are reported as counts and averages only, never per person.
 */
export interface Rating { raterRole: RaterRole; raterId: number; scores: Record<string, number> }

export interface RoleSummary {
  role: RaterRole; weight: number; respondents: number; minRespondents: number; counted: boolean; anonymous: boolean;
  /** Average per item (two decimals); empty when the role does not count. */
  averages: Record<string, number>;
}

export interface Aggregate360 { perItem: Record<string, number>; roles: RoleSummary[]; trace: string[] }

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Aggregates submitted ratings into one 0..100 score per 360 item. */
export function aggregate360(def: ScorecardDef, ratings: Rating[]): Aggregate360 {
  const items = def.items.filter((i) => i.source === '360').map((i) => i.id);
  const trace: string[] = [];
  const roles: RoleSummary[] = def.raters.filter((r) => r.role !== 'customer').map((r) => {
    const mine = ratings.filter((x) => x.raterRole === r.role);
    const respondents = new Set(mine.map((x) => x.raterId)).size;
    const counted = respondents >= r.minRespondents && respondents > 0;
    const averages: Record<string, number> = {};
    if (counted) {
      for (const id of items) {
        const vals = mine.map((x) => x.scores[id]).filter((v): v is number => typeof v === 'number');
        if (vals.length) averages[id] = round2(vals.reduce((a, b) => a + b, 0) / vals.length);
      }
    }
    trace.push(`${r.role}: ${respondents} respondent(s), minimum ${r.minRespondents} → ${counted ? 'counted' : 'not counted'}`);
    return { role: r.role, weight: r.weight, respondents, minRespondents: r.minRespondents, counted, anonymous: r.anonymous, averages };
  });
  const perItem: Record<string, number> = {};
  for (const id of items) {
    const parts = roles.filter((r) => r.counted && r.averages[id] !== undefined);
    const w = parts.reduce((a, r) => a + r.weight, 0);
    if (w <= 0) continue;
    perItem[id] = round2(parts.reduce((a, r) => a + r.averages[id]! * r.weight, 0) / w);
    trace.push(`${id}: ${parts.map((r) => `${r.role} ${r.averages[id]}×${r.weight}`).join(' + ')} ÷ ${w} = ${perItem[id]}`);
  }
  return { perItem, roles, trace };
}

/** What the evaluated person may see of the 360: per role counts and averages, never who. */
export function anonymise(agg: Aggregate360): { role: RaterRole; respondents: number; counted: boolean; averages: Record<string, number> }[] {
  return agg.roles.map((r) => ({ role: r.role, respondents: r.respondents, counted: r.counted, averages: r.averages }));
}
