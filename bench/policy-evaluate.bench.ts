// Evaluating one person's month on each preset: `npx tsx bench/policy-evaluate.bench.ts [--rounds 5] [--iterations 2000]`.
// Times evaluate(policy, facts) — fact checking and the full trace included — on every document of
// every shipped preset, and prints µs per evaluation and ops/sec (median of the rounds) as a
// Markdown table. Facts are built once, outside the timed loop; the loop is pure domain code.
import { evaluate, listPresets, loadPresetDocuments, type Policy } from '../packages/domain/src/index.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : fallback; };
const ROUNDS = opt('rounds', 5);
const ITERATIONS = opt('iterations', 2000);

const times = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

/** Hand-written months (or cycles) where the facts' size matters; the key is the document id. */
const CASES: Record<string, { label: string; facts: Record<string, unknown> }> = {
  'spa-pay': { label: '120 bookings, 40 cards', facts: {
    period: '2026-10', manager: { hireType: 'staff', firstMonth: false, baseFen: 200_000 }, bookingTarget: 100,
    bookings: times(120, (i) => ({ cardFaceValue: i % 7 === 0 ? 300 : 1000, spent: 250 + (i % 5) * 50 })),
    cards: times(40, (i) => ({ amount: [500, 800, 1500, 3000, 5000, 10000][i % 6]!, giftedDrinks: i % 9 === 0 })),
    leaveDates: ['2026-11-03'], deductions: { attendance: 50, phoneCard: 20, other: 0 },
  } },
  'tobacco-evaluation': { label: '9 items, 1 adjustment, 1 veto', facts: { salesYuan: 120_000, salesTargetYuan: 100_000, newCustomers: 5, newCustomersTarget: 5, avgOrderYuan: 100, avgOrderTargetYuan: 100, complaints: 1, surveyRating: 4.5, retentionRate: 0.9, score: { communication: 0.8, teamwork: 0.9, learning: 1 }, seriousViolation: false, conductPoints: 0 } },
  'tobacco-hiring': { label: 'one applicant', facts: { gender: 'male', birthDate: '1981-06-01', competitionDate: '2026-06-01', education: 'college', characterReview: true, trainingExamScore: 75 } },
  'rural-credit': { label: '300 borrowers', facts: {
    customers: times(300, (i) => ({ id: `c${i}`, loanAmount: (i % 12) * 50_000 })),
    counts: { retail: 280, corporate: 20 },
  } },
  'rural-credit-pay': { label: 'five pay components', facts: { positionPayYuan: 3000, managementPoolYuan: 1000, managementCoefficient: 1.1, newDepositsYuan: 1_500_000, depositTargetYuan: 1_000_000, nplRecoveredYuan: 50_000, expenseLinkYuan: 200 } },
  'power-big-customers': { label: '21 big + 30 other customers', facts: { customers: times(51, (i) => ({ id: `p${i}`, bigCustomer: i < 21 })) } },
};

const SAMPLE: Record<string, unknown> = { money: 100_000, count: 5, number: 4, rate: 0.9, boolean: false, date: '2026-06-01', text: '2026-10', list: [], dates: [] };

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]!] = value;
}

/**
 * Facts for a document without a hand-written case, from its own declarations (so a new preset is
 * timed without editing this file): a sample per declared type, manual scores for scorecard items
 * without a formula, the first track and level of a ladder.
 */
function declaredFacts(doc: Policy): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const f of doc.facts) if (f.name !== 'score') setPath(facts, f.name, f.type === 'enum' ? f.values?.[0] : SAMPLE[f.type]);
  if (doc.kind === 'scorecard') facts.score = Object.fromEntries(doc.items.filter((x) => !x.completion).map((x) => [x.id, 0.85]));
  if (doc.kind === 'ladder') Object.assign(facts, { track: doc.tracks[0]!.id, level: doc.levels[0]!.id, step: 1, qualified: true, meetsStandard: true });
  return facts;
}

console.log(`node ${process.version}; median of ${ROUNDS} rounds × ${ITERATIONS.toLocaleString('en-US')} evaluations\n`);
console.log('| preset | document (kind) | facts | µs per evaluation | ops/sec |\n|---|---|---|---:|---:|');
for (const preset of listPresets()) {
  for (const doc of loadPresetDocuments(preset.id)) {
    const c = CASES[doc.id] ?? { label: 'declared sample', facts: declaredFacts(doc) };
    for (let i = 0; i < Math.min(200, ITERATIONS); i++) evaluate(doc, c.facts);
    const rounds: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t = performance.now();
      for (let i = 0; i < ITERATIONS; i++) evaluate(doc, c.facts);
      rounds.push(((performance.now() - t) * 1000) / ITERATIONS);
    }
    rounds.sort((a, b) => a - b);
    const us = rounds[Math.floor(rounds.length / 2)]!;
    console.log(`| ${preset.id} | ${doc.id} (${doc.kind}) | ${c.label} | ${us.toFixed(1)} | ${Math.round(1e6 / us).toLocaleString('en-US')} |`);
  }
}
