#!/usr/bin/env node
// The `kehu` command. Each group of sub-commands lives in commands/<name>.command.ts.
import { Command } from 'commander';
import { registerDbCommands } from './commands/db.command.ts';
import { registerServeCommand } from './commands/serve.command.ts';
import { registerPolicyCommands } from './commands/policy.command.ts';
import { registerCalcCommand } from './commands/calc.command.ts';
import { registerImportCommand } from './commands/import.command.ts';
import { registerSettleCommand } from './commands/settle.command.ts';
import { registerExportCommand } from './commands/export.command.ts';
import { registerCreditImportCommand } from './commands/credit-import.command.ts';

const program = new Command('kehu').description('Kehu — customer-manager management system (客户经理管理系统)');
registerServeCommand(program);
registerDbCommands(program);
registerPolicyCommands(program);
registerCalcCommand(program);
registerImportCommand(program);
registerSettleCommand(program);
registerExportCommand(program);
registerCreditImportCommand(program);

await program.parseAsync(process.argv);
