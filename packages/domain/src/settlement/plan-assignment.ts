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
