/** Who a plan (a policy version) applies to: any criterion left null matches everyone. */
export interface PlanAssignmentRule {
  id: number;
  planId: number;
  position: string | null;
  /** The unit's materialised path: the rule covers the unit's whole subtree. */
  orgUnitPath: string | null;
  hireType: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface AssignablePerson { position: string; orgUnitPath: string; hireType: string }

/**
 * The rule that decides a person's plan on `onDate`: among the rules in force that match, the most
 * specific (most criteria set; a deeper unit beats a shallower one), then the latest start, then
 * the highest id. Null when no rule matches, so the person gets no slip.
 */
export function pickPlanRule(person: AssignablePerson, rules: readonly PlanAssignmentRule[], onDate: string): PlanAssignmentRule | null {
  let best: { rule: PlanAssignmentRule; key: [number, number, string, number] } | null = null;
  for (const r of rules) {
    if (r.validFrom > onDate || (r.validTo !== null && r.validTo < onDate)) continue;
    if (r.position !== null && r.position !== person.position) continue;
    if (r.hireType !== null && r.hireType !== person.hireType) continue;
    if (r.orgUnitPath !== null && !person.orgUnitPath.startsWith(r.orgUnitPath)) continue;
    const specificity = (r.position ? 1 : 0) + (r.hireType ? 1 : 0) + (r.orgUnitPath ? 1 : 0);
    const key: [number, number, string, number] = [specificity, r.orgUnitPath?.length ?? 0, r.validFrom, r.id];
    if (!best || compareKey(key, best.key) > 0) best = { rule: r, key };
  }
  return best?.rule ?? null;
}

function compareKey(a: [number, number, string, number], b: [number, number, string, number]): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0) || a[3] - b[3];
}

/** The group a plan assignment covers: position, unit and hire type (null = any), compared as given. */
export interface AssignmentGroup { position: string | null; orgUnitId: number | null; hireType: string | null }
export interface AssignmentSpan extends AssignmentGroup { id: number; validFrom: string; validTo: string | null }

export type AssignmentProblem = { field: 'validTo'; code: 'before_start' } | { field: 'validFrom'; code: 'overlap'; with: AssignmentSpan };

/**
 * Checks an assignment (new or edited) against the others: it ends on or after it starts, and no
 * other assignment of the very same group is in force on any of its days — that would give a
 * person two plans on one day with nothing to choose between them. (Different groups may overlap:
 * the most specific one wins, see pickPlanRule.) Dates are YYYY-MM-DD, both ends inclusive.
 */
export function assignmentProblem(a: AssignmentSpan, others: readonly AssignmentSpan[]): AssignmentProblem | null {
  if (a.validTo !== null && a.validTo < a.validFrom) return { field: 'validTo', code: 'before_start' };
  for (const o of others) {
    if (o.id === a.id || o.position !== a.position || o.orgUnitId !== a.orgUnitId || o.hireType !== a.hireType) continue;
    const overlap = (a.validTo === null || o.validFrom <= a.validTo) && (o.validTo === null || a.validFrom <= o.validTo);
    if (overlap) return { field: 'validFrom', code: 'overlap', with: o };
  }
  return null;
}

/**
 * Whether changing an assignment from `before` to `after` changes who had which plan on any day up
 * to `lockedThrough` (the last day of the latest locked pay period). Locked periods never change,
 * and a correction of one recomputes it with today's assignments, so those days must stay as they were.
 */
export function changesLockedDays(before: AssignmentSpan & { planId: number }, after: AssignmentSpan & { planId: number }, lockedThrough: string | null): boolean {
  if (lockedThrough === null) return false;
  const clip = (s: AssignmentSpan) => (s.validFrom > lockedThrough ? null : { from: s.validFrom, to: s.validTo === null || s.validTo > lockedThrough ? lockedThrough : s.validTo });
  const a = clip(before);
  const b = clip(after);
  if (!a && !b) return false;
  if (!a || !b) return true;
  const sameWho = before.planId === after.planId && before.position === after.position && before.orgUnitId === after.orgUnitId && before.hireType === after.hireType;
  return !sameWho || a.from !== b.from || a.to !== b.to;
}
