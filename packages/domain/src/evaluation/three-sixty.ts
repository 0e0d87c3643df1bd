import type { ScorecardPolicy } from '../policy/schema.ts';

/**
 * 360-degree aggregation (tobacco grades rule book: superior, subordinate and peers; customers
 * through the satisfaction survey). The weights and minimum respondents come from the scorecard
 * policy's `raters`. A role counts only with at least its minimum number of respondents; roles
 * that do not count drop out and the remaining weights are scaled back to 100 %. Anonymous roles
 * (peers, subordinates) are reported as counts and averages only, never per person.
 */
export type RaterRole = 'superior' | 'peer' | 'subordinate' | 'self' | 'customer';
export const RATER_ROLES: readonly RaterRole[] = ['superior', 'peer', 'subordinate', 'self', 'customer'];
export interface Rating { raterRole: RaterRole; raterId: number; scores: Record<string, number> }
/** The customers as one rater group: answered surveys and their mean rating (1–5), with its source. */
export interface CustomerVoice { respondents: number; rating: number; source: string }
export interface RoleSummary {
  role: RaterRole; weight: number; respondents: number; minRespondents: number; counted: boolean; anonymous: boolean;
  /** Average per item (two decimals, 0–100); empty when the role does not count. */
  averages: Record<string, number>;
  /** Where the answers came from when not from Kehu's own rating tasks (customers: the survey module). */
  source: string | null;
}
export interface Aggregate360 { perItem: Record<string, number>; roles: RoleSummary[]; trace: string[] }

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The items a policy has the raters score. */
export const threeSixtyItems = (policy: ScorecardPolicy): string[] => policy.items.filter((i) => i.source === '360').map((i) => i.id);

/** Aggregates submitted ratings (and the customers' survey, when the policy weighs customers) into one 0..100 score per 360 item. */
export function aggregate360(policy: ScorecardPolicy, ratings: Rating[], customers: CustomerVoice | null = null): Aggregate360 {
  const items = threeSixtyItems(policy);
  const trace: string[] = [];
  const roles: RoleSummary[] = policy.raters.map((r) => {
    const isCustomer = r.role === 'customer';
    const mine = ratings.filter((x) => x.raterRole === r.role);
    const respondents = isCustomer ? (customers?.respondents ?? 0) : new Set(mine.map((x) => x.raterId)).size;
    const counted = respondents >= r.minRespondents && respondents > 0;
    const averages: Record<string, number> = {};
    if (counted) {
      for (const id of items) {
        // 客户评价 on a 1–5 scale counts as rating × 20 on the 0–100 scale of the other raters.
        const vals = isCustomer ? [customers!.rating * 20] : mine.map((x) => x.scores[id]).filter((v): v is number => typeof v === 'number');
        if (vals.length) averages[id] = round2(vals.reduce((a, b) => a + b, 0) / vals.length);
      }
    }
    trace.push(`${r.role}: ${respondents} respondent(s), minimum ${r.minRespondents} → ${counted ? 'counted' : 'not counted'}${isCustomer && customers ? `（${customers.source}）` : ''}`);
    return { role: r.role, weight: r.weight, respondents, minRespondents: r.minRespondents, counted, anonymous: r.anonymous, averages, source: isCustomer ? (customers?.source ?? '满意度调查：本期无答卷') : null };
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
export function anonymise(agg: Aggregate360): { role: RaterRole; respondents: number; minRespondents: number; counted: boolean; averages: Record<string, number>; source: string | null }[] {
  return agg.roles.map((r) => ({ role: r.role, respondents: r.respondents, minRespondents: r.minRespondents, counted: r.counted, averages: r.averages, source: r.source }));
}
