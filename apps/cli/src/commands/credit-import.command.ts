import type { Command } from 'commander';
import { createDb, migrateDb } from '@kehu/db';
import { cliActor, cliImportCredit, loadConfig } from '@kehu/server';

/**
 * `kehu import-credit <file> --tenant <code> --kind loans|guarantors|instalments|balances`: the loan ledger
 * (a workbook may add sheets 保证人 and 还款计划), guarantors, instalments or daily balances (CSV streamed,
 * or Excel), all rows of all sheets or none.
 */
export function registerCreditImportCommand(program: Command): void {
  program.command('import-credit <file>').description('Import loans, guarantors, instalments or daily balances (CSV/Excel), all rows or none / 导入贷款台账、保证人、还款计划或日余额')
    .requiredOption('-t, --tenant <code>', 'tenant code, e.g. QSRCB')
    .option('-k, --kind <kind>', 'loans | guarantors | instalments | balances', 'loans')
    .action(async (file: string, opts: { tenant: string; kind: string }) => {
      if (!isKind(opts.kind)) {
        console.error('--kind must be loans, guarantors, instalments or balances / --kind 应为 loans、guarantors、instalments 或 balances');
        process.exitCode = 2;
        return;
      }
      const database = await createDb(loadConfig().databaseUrl);
      try {
        await migrateDb(database);
        const actor = await cliActor(database, opts.tenant);
        const report = await cliImportCredit(database, actor, opts.kind, file);
        if (!report.ok) {
          console.error(`import failed, nothing was loaded / 导入失败，未载入任何数据 (${report.rows} rows read)`);
          for (const e of report.errors) console.error(`  ${'sheet' in e && e.sheet ? `${e.sheet}  ` : ''}row ${e.row}  ${e.column}  ${e.message['zh-CN']} / ${e.message.en}`);
          process.exitCode = 1;
          return;
        }
        if ('imported' in report) {
          console.log(`loans: ${report.imported} imported, ${report.skipped} already on file (of ${report.rows} rows) / 新增 ${report.imported} 笔，已存在 ${report.skipped} 笔`);
          for (const [name, zh, part] of [['guarantors', '保证人', report.guarantors], ['instalments', '还款计划', report.instalments]] as const) {
            if (part?.rows) console.log(`${name}: ${part.imported} imported, ${part.rows - part.imported} already on file / ${zh} 新增 ${part.imported} 条`);
          }
        }
        else console.log(`balances: ${report.rows} rows, ${report.accounts} accounts, ${report.daysWritten} day-sums written / 写入积数 ${report.daysWritten} 天`);
      } finally {
        await database.close();
      }
    });
}

const KINDS = ['loans', 'guarantors', 'instalments', 'balances'] as const;
const isKind = (k: string): k is (typeof KINDS)[number] => (KINDS as readonly string[]).includes(k);
