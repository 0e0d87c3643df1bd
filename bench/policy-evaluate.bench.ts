// Evaluating one person's month on each preset: `npx tsx bench/policy-evaluate.bench.ts`.
// Prints microseconds per evaluation (median of 5 rounds) for a realistic month of facts.
import { evaluate, loadPreset } from '../packages/domain/src/index.ts';

const times = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
const cases: [string, Record<string, unknown>][] = [
  ['spa-pay (120 bookings, 40 cards)', {
    period: '2026-10', manager: { hireType: 'staff', firstMonth: false, baseFen: 200_000 }, bookingTarget: 100,
    bookings: times(120, (i) => ({ cardFaceValue: i % 7 === 0 ? 300 : 1000, spent: 250 + (i % 5) * 50 })),
    cards: times(40, (i) => ({ amount: [500, 800, 1500, 3000, 5000, 10000][i % 6]!, giftedDrinks: i % 9 === 0 })),
    leaveDates: ['2026-11-03'], deductions: { attendance: 50, phoneCard: 20, other: 0 },
  }],
  ['tobacco-evaluation', { salesYuan: 120_000, salesTargetYuan: 100_000, newCustomers: 5, newCustomersTarget: 5, avgOrderYuan: 100, avgOrderTargetYuan: 100, complaints: 1, surveyRating: 4.5, retentionRate: 0.9, score: { communication: 0.8, teamwork: 0.9, learning: 1 }, seriousViolation: false }],
  ['tobacco-grades hiring', { gender: 'male', birthDate: '1981-06-01', competitionDate: '2026-06-01', education: 'college', characterReview: true, trainingExamScore: 75 }],
];
const policies: Record<string, string> = { 'spa-pay (120 bookings, 40 cards)': 'spa-pay', 'tobacco-evaluation': 'tobacco-evaluation' };

console.log('| case | µs per evaluation (median of 5 × 2,000) |\n|---|---|');
for (const [name, facts] of cases) {
  const policy = name.startsWith('tobacco-grades') ? (await import('../packages/domain/src/index.ts')).loadPresetDocuments('tobacco-grades')[1]! : loadPreset(policies[name]!);
  for (let i = 0; i < 200; i++) evaluate(policy, facts);
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (let i = 0; i < 2000; i++) evaluate(policy, facts);
    rounds.push(((performance.now() - t) * 1000) / 2000);
  }
  rounds.sort((a, b) => a - b);
  console.log(`| ${name} | ${rounds[2]!.toFixed(1)} |`);
}
