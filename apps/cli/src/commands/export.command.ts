import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { createDb, migrateDb } from '@kehu/db';
import { cliActor, cliExport, cliPeriod, loadConfig } from '@kehu/server';

/** `kehu export --tenant <code> --period YYYY-MM [--out file.xlsx]`: the period's pay as Excel (locked run, else latest). */
export function registerExportCommand(program: Command): void {
  program.command('export').description('Export a pay period to Excel / 导出工资表')
    .requiredOption('-t, --tenant <code>', 'tenant code')
    .requiredOption('-p, --period <YYYY-MM>', 'pay period')
    .option('-o, --out <file>', 'output file')
    .action(async (opts: { tenant: string; period: string; out?: string }) => {
      const database = await createDb(loadConfig().databaseUrl);
      try {
        await migrateDb(database);
        const actor = await cliActor(database, opts.tenant);
        const period = await cliPeriod(database, actor, opts.period, false);
        const { file, name } = await cliExport(database, actor, period.id);
        await writeFile(opts.out ?? name, file);
        console.log(`written ${opts.out ?? name}`);
      } finally {
        await database.close();
      }
    });
}
