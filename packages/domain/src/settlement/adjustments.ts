import { nextPayPeriod } from './periods.ts';
import type { PersonResult } from './diff.ts';

/** A line of a locked slip, as a correction must point at it. */
export interface LockedLine { lineId: number; staffId: number; component: string; amountFen: number }

/** A correction to a locked period: paid in a later open period, pointing at what it corrects. */
export interface AdjustmentDraft {
  staffId: number;
  component: string;
  amountFen: number;
  /** The locked line it corrects, or null when the locked slip had no such component. */
  correctsLineId: number | null;
}

/**
 * The adjustments that bring a locked period's lines to a recomputed result. A locked period never
 * changes, so each difference becomes its own adjustment (recomputed − paid, per person and
 * component); no difference, no adjustment. Σ adjustments = Σ recomputed − Σ paid, exactly.
 */
export function correctionsFor(locked: readonly LockedLine[], recomputed: readonly PersonResult[]): AdjustmentDraft[] {
  const paid = new Map<string, LockedLine>();
  const paidFen = new Map<string, number>();
  for (const l of locked) {
    const k = `${l.staffId}\u0000${l.component}`;
    if (!paid.has(k)) paid.set(k, l);
    paidFen.set(k, (paidFen.get(k) ?? 0) + l.amountFen);
  }
  const now = new Map<string, number>();
  for (const p of recomputed) for (const [c, v] of Object.entries(p.components)) now.set(`${p.staffId}\u0000${c}`, (now.get(`${p.staffId}\u0000${c}`) ?? 0) + v);
  const out: AdjustmentDraft[] = [];
  for (const k of [...new Set([...paidFen.keys(), ...now.keys()])].sort()) {
    const delta = (now.get(k) ?? 0) - (paidFen.get(k) ?? 0);
    if (delta === 0) continue;
    const [staff, component] = k.split('\u0000') as [string, string];
    out.push({ staffId: Number(staff), component, amountFen: delta, correctsLineId: paid.get(k)?.lineId ?? null });
  }
  return out;
}

/**
 * Where a correction is paid: the earliest open period not before `from` (YYYY-MM).
 * Returns null when none is open yet (the caller opens periodToOpen).
 */
export function targetPeriod(from: string, periods: readonly { period: string; status: 'open' | 'locked' }[]): string | null {
  const open = periods.filter((p) => p.status === 'open' && p.period >= from).map((p) => p.period).sort();
  return open[0] ?? null;
}

/**
 * The period to open for a correction when none is open from `from` on: `from` itself when no
 * period reaches it yet, else the month after the last (every one from `from` on is locked).
 */
export function periodToOpen(from: string, periods: readonly { period: string }[]): string {
  const last = periods.map((p) => p.period).sort().at(-1);
  return last !== undefined && last >= from ? nextPayPeriod(last) : from;
}
