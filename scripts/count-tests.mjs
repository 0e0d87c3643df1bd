// Sums the vitest JSON reports under test-results/ into one line: "N passed, N failed".
import { readdirSync, readFileSync, existsSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync('test-results')) {
  for (const f of readdirSync('test-results').filter((n) => n.endsWith('.json'))) {
    try {
      const r = JSON.parse(readFileSync(`test-results/${f}`, 'utf8'));
      if (typeof r.numPassedTests !== 'number') continue;
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    } catch {
      // not a vitest report
    }
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
