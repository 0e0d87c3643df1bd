// Times the credit alert run (deadline alerts + loan warnings → notifications) on a PGlite data dir.
// Setup (a seeded dir with a generated ledger):
//   KEHU_DATA_DIR=/tmp/kehu-alert-bench/data npm run kehu -- db seed
//   npx tsx bench/credit-alerts-run.ts csv /tmp/kehu-alert-bench/loans.csv 50000   (uses the seeded customers and a manager)
//   KEHU_DATA_DIR=/tmp/kehu-alert-bench/data npm run kehu -- import-credit /tmp/kehu-alert-bench/loans.csv --tenant QSRCB
// Run:
//   npx tsx bench/credit-alerts-run.ts run /tmp/kehu-alert-bench/data 2026-12-01
import { writeFileSync } from 'node:fs';
import { createDb } from '@kehu/db';
import { creditAlertsService } from '../apps/server/src/modules/credit/credit-alerts.service.ts';

const [mode, target, arg] = process.argv.slice(2);

async function csv(file: string, n: number, dataDir: string): Promise<void> {
  const db = await createDb(dataDir);
  try {
    const customers = await db.query<{ customer_no: string }>(`select c.customer_no from customers c join tenants t on t.id = c.tenant_id where t.code = 'QSRCB' order by c.id`);
    const [mgr] = await db.query<{ id: number }>(`select s.id from staff s join users u on u.staff_id = s.id where u.login = 'bank.manager'`);
    const lines = ['借据号,客户号,贷款品种,金额,年利率,发放日,到期日,担保方式,管户经理编号,五级分类'];
    const classes = ['normal', 'normal', 'normal', 'special_mention', 'substandard', 'doubtful', 'loss'];
    for (let i = 0; i < n; i += 1) {
      const start = `202${3 + (i % 4)}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
      const maturity = `202${5 + (i % 4)}-${String(1 + ((i * 7) % 12)).padStart(2, '0')}-15`;
      lines.push(`BENCH-${i},${customers[i % customers.length]!.customer_no},micro,${10_000 + (i % 500) * 1000},0.06,${start},${maturity},credit,${mgr!.id},${classes[i % classes.length]}`);
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
  } finally {
    await db.close();
  }
}

async function run(dataDir: string, today: string): Promise<void> {
  const db = await createDb(dataDir);
  try {
    const [t] = await db.query<{ id: number }>(`select id from tenants where code = 'QSRCB'`);
    const [loans] = await db.query<{ n: number }>(`select count(*)::int as n from loans where tenant_id = $1`, [t!.id]);
    for (const label of ['first run', 'second run (nothing new)']) {
      const t0 = performance.now();
      const svc = process.env.ALERTS_IMPL ? ((await import(process.env.ALERTS_IMPL)) as { creditAlertsService: typeof creditAlertsService }).creditAlertsService : creditAlertsService;
      const r = await svc.generate(db.db, t!.id, today);
      console.log(`${label}: ${loans!.n} loans, ${r.deadlines} deadline alerts, ${r.warnings} warnings, ${r.created} new notices — ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await db.close();
  }
}

if (mode === 'csv') await csv(target!, Number(arg ?? 50_000), process.env.KEHU_DATA_DIR ?? '/tmp/kehu-alert-bench/data');
else if (mode === 'run') await run(target!, arg ?? new Date().toISOString().slice(0, 10));
else console.error('usage: credit-alerts-run.ts csv <file> <n> | run <dataDir> <YYYY-MM-DD>');
