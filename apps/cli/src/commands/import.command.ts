import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { createDb, migrateDb } from '@kehu/db';
import { cliActor, cliImport, cliPeriod, loadConfig } from '@kehu/server';

/** `kehu import <file> --tenant <code> --period YYYY-MM`: loads a fact file (CSV streamed, or Excel) with a progress bar. */
export function registerImportCommand(program: Command): void {
  program.command('import <file>').description('Import pay facts (CSV/Excel), all rows or none / 导入业绩事实')
    .requiredOption('-t, --tenant <code>', 'tenant code, e.g. YUETING')
    .requiredOption('-p, --period <YYYY-MM>', 'pay period')
    .option('--create-period', 'open the period if it does not exist')
    .action(async (file: string, opts: { tenant: string; period: string; createPeriod?: boolean }) => {
      const database = await createDb(loadConfig().databaseUrl);
      try {
        await migrateDb(database);
        const actor = await cliActor(database, opts.tenant);
        const period = await cliPeriod(database, actor, opts.period, !!opts.createPeriod);
        const bar = new cliProgress.SingleBar({ format: '{bar} {percentage}% | {rows} rows | {mb}/{totalMb} MB', hideCursor: true }, cliProgress.Presets.shades_classic);
        let started = false;
        const report = await cliImport(database, actor, period.id, file, (bytes, total, rows) => {
          if (!started) { bar.start(total, 0, { rows: 0, mb: '0', totalMb: (total / 1e6).toFixed(1) }); started = true; }
          bar.update(bytes, { rows, mb: (bytes / 1e6).toFixed(1) });
        });
        if (started) bar.stop();
        if (report.errors.length) {
          console.error(`import failed, nothing was loaded / 导入失败，未载入任何数据 (${report.rows} rows read)`);
          for (const e of report.errors) console.error(`  row ${e.row}  ${e.column}  ${e.message['zh-CN']} / ${e.message.en}`);
          process.exitCode = 1;
          return;
        }
        if (report.duplicateFile) console.log(`same file already imported: nothing added / 该文件已导入过，未新增数据 (${report.rows} rows)`);
        else console.log(`imported ${report.imported} of ${report.rows} rows (${report.skipped} already loaded) in ${(report.durationMs / 1000).toFixed(1)} s`);
      } finally {
        await database.close();
      }
    });
}
