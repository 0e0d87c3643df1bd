import type { Command } from 'commander';
import { createDb, migrateDb } from '@kehu/db';
import { yuanOfFen, type RunAction } from '@kehu/domain';
import { cliActor, cliPeriod, cliSettle, loadConfig } from '@kehu/server';

/** `kehu settle --tenant <code> --period YYYY-MM [--approve] [--lock]`: computes the period (a draft run), optionally through to locked. */
export function registerSettleCommand(program: Command): void {
  program.command('settle').description('Run monthly settlement / 计算月度薪资')
    .requiredOption('-t, --tenant <code>', 'tenant code')
    .requiredOption('-p, --period <YYYY-MM>', 'pay period')
    .option('--approve', 'review and approve the run')
    .option('--lock', 'review, approve and lock the run (the period never changes afterwards)')
    .action(async (opts: { tenant: string; period: string; approve?: boolean; lock?: boolean }) => {
      const database = await createDb(loadConfig().databaseUrl);
      try {
        await migrateDb(database);
        const actor = await cliActor(database, opts.tenant);
        const period = await cliPeriod(database, actor, opts.period, false);
        const steps: RunAction[] = opts.lock ? ['review', 'approve', 'lock'] : opts.approve ? ['review', 'approve'] : [];
        const t0 = performance.now();
        const run = await cliSettle(database, actor, period.id, steps);
        console.log(`${run.period} run #${run.seq} ${run.status}: ${run.headcount} people, ${run.factCount} facts, total ${yuanOfFen(run.totalFen)} yuan, ${((performance.now() - t0) / 1000).toFixed(2)} s`);
      } finally {
        await database.close();
      }
    });
}
