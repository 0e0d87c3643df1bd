/** One person's result in a run, in fen. */
export interface PersonResult {
  staffId: number;
  totalFen: number;
  /** Component key → amount in fen. */
  components: Record<string, number>;
}

export interface PersonDiff {
  staffId: number;
  beforeFen: number | null;
  afterFen: number | null;
  /** after − before; a person missing on one side counts as 0 there. */
  deltaFen: number;
  /** Component key → after − before, only the components that changed. */
  components: Record<string, number>;
  change: 'added' | 'removed' | 'changed' | 'same';
}

export interface RunDiff { people: PersonDiff[]; beforeTotalFen: number; afterTotalFen: number; deltaTotalFen: number; changed: number }

/**
 * The difference per person between two runs (or between what was paid and a what-if),
 * ordered by staff id. Totals are sums of the people, so `deltaTotalFen` = Σ `deltaFen`.
 */
export function diffResults(before: readonly PersonResult[], after: readonly PersonResult[]): RunDiff {
  const a = new Map(before.map((p) => [p.staffId, p]));
  const b = new Map(after.map((p) => [p.staffId, p]));
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
  const people: PersonDiff[] = [];
  let beforeTotalFen = 0;
  let afterTotalFen = 0;
  for (const id of ids) {
    const x = a.get(id);
    const y = b.get(id);
    const components: Record<string, number> = {};
    for (const k of new Set([...Object.keys(x?.components ?? {}), ...Object.keys(y?.components ?? {})])) {
      const d = (y?.components[k] ?? 0) - (x?.components[k] ?? 0);
      if (d !== 0) components[k] = d;
    }
    const deltaFen = (y?.totalFen ?? 0) - (x?.totalFen ?? 0);
    const change = !x ? 'added' : !y ? 'removed' : deltaFen !== 0 || Object.keys(components).length ? 'changed' : 'same';
    beforeTotalFen += x?.totalFen ?? 0;
    afterTotalFen += y?.totalFen ?? 0;
    people.push({ staffId: id, beforeFen: x?.totalFen ?? null, afterFen: y?.totalFen ?? null, deltaFen, components, change });
  }
  return { people, beforeTotalFen, afterTotalFen, deltaTotalFen: afterTotalFen - beforeTotalFen, changed: people.filter((p) => p.change !== 'same').length };
}
