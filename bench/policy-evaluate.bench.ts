/**
 * Policy evaluation benchmark (issue 3). Not part of `npm test`.
 *
 *   npx tsx bench/policy-evaluate.bench.ts [--iterations 20000]
 *
 * Times `evaluate(policy, facts)` — one person's month (or cycle) — on every shipped preset
 * document that has benchmark facts, after a warm-up, and prints ops/sec and µs per evaluation.
 * Facts are built once, outside the timed loop; the loop is pure domain code (no I/O).
 */
import { evaluate, listPresets, loadPresetDocuments, type Policy } from '@kehu/domain';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const ITERATIONS = Number(opt('iterations') ?? 20000);

/** A busy spa manager's month: 120 bookings (some not qualifying), 40 cards across the bands, two leave days. */
function spaMonth(): Record<string, unknown> {
  const faces = [300, 500, 1000, 2000, 5000];
  const amounts = [500, 600, 750, 800, 1000, 1500, 2000, 3000, 5000, 10000, 20000];
  return {
    period: '2026-10',
    manager: { hireType: 'staff', firstMonth: false, baseFen: 250000 },
    bookingTarget: 100,
    bookings: Array.from({ length: 120 }, (_, i) => ({ cardFaceValue: faces[i % faces.length], spent: 250 + (i % 7) * 30 })),
    cards: Array.from({ length: 40 }, (_, i) => ({ amount: amounts[i % amounts.length], giftedDrinks: i % 9 === 0 })),
    leaveDates: ['2026-11-03', '2026-11-10'],
    deductions: { attendance: 50, phoneCard: 20, other: 0 },
  };
}

/** Benchmark facts per document id; documents without an entry are listed as skipped. */
const FACTS: Record<string, () => Record<string, unknown>> = {
  'spa-pay': spaMonth,
};

function time(policy: Policy, facts: Record<string, unknown>): { opsPerSec: number; usPerOp: number } {
  for (let i = 0; i < Math.min(2000, ITERATIONS); i++) evaluate(policy, facts);
  const t0 = performance.now();
  for (let i = 0; i < ITERATIONS; i++) evaluate(policy, facts);
  const ms = performance.now() - t0;
  return { opsPerSec: (ITERATIONS / ms) * 1000, usPerOp: (ms * 1000) / ITERATIONS };
}

console.log(`node ${process.version}, ${ITERATIONS} iterations per document`);
console.log(`${'preset'.padEnd(22)} ${'document'.padEnd(28)} ${'kind'.padEnd(13)} ${'ops/sec'.padStart(10)} ${'µs/op'.padStart(8)}`);
for (const preset of listPresets()) {
  for (const doc of loadPresetDocuments(preset.id)) {
    const make = FACTS[doc.id];
    if (!make) {
      console.log(`${preset.id.padEnd(22)} ${doc.id.padEnd(28)} ${doc.kind.padEnd(13)} ${'skipped (no bench facts)'.padStart(19)}`);
      continue;
    }
    const r = time(doc, make());
    console.log(`${preset.id.padEnd(22)} ${doc.id.padEnd(28)} ${doc.kind.padEnd(13)} ${Math.round(r.opsPerSec).toLocaleString('en-US').padStart(10)} ${r.usPerOp.toFixed(1).padStart(8)}`);
  }
}
