import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { createDb } from '@kehu/db';
import { registerDbCommands } from './db.command.ts';
import { registerCreditImportCommand } from './credit-import.command.ts';

/** `kehu import-credit`: a bad file loads nothing and names the row; a good file loads once. */
describe('kehu import-credit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-cli-credit-'));
  const data = join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (...args: string[]) => {
    vi.stubEnv('KEHU_DATA_DIR', data);
    const program = new Command('kehu').exitOverride();
    registerDbCommands(program);
    registerCreditImportCommand(program);
    await program.parseAsync(['node', 'kehu', ...args]);
    vi.unstubAllEnvs();
  };
  const count = async () => {
    const db = await createDb(data);
    try {
      return (await db.query<{ n: number }>(`select count(*)::int as n from loans where loan_no like 'CLI-%'`))[0]!.n;
    } finally {
      await db.close();
    }
  };

  it('reports the bad row, then loads the fixed file once', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await run('db', 'seed');
    const db = await createDb(data);
    const [staff] = await db.query<{ id: number }>(`select id from staff where name = '李娜'`);
    await db.close();
    const head = '借据号,客户号,贷款品种,金额,年利率,发放日,到期日,担保方式,管户经理编号';
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${head}\nCLI-1,C0001,micro,1000.50,0.06,2026-01-01,2027-01-01,credit,${staff!.id}\nCLI-2,C0001,micro,10,0.06,2026-01-01,2025-01-01,credit,${staff!.id}\n`);
    await run('import-credit', bad, '--tenant', 'QSRCB');
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    expect(err.mock.calls.map((c) => String(c[0])).join('\n')).toContain('row 3  到期日');
    expect(await count()).toBe(0);
    const good = join(dir, 'good.csv');
    writeFileSync(good, `${head}\nCLI-1,C0001,micro,1000.50,0.06,2026-01-01,2027-01-01,credit,${staff!.id}\n`);
    await run('import-credit', good, '--tenant', 'QSRCB');
    await run('import-credit', good, '--tenant', 'QSRCB', '--kind', 'loans');
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual(expect.arrayContaining([expect.stringContaining('1 imported'), expect.stringContaining('0 imported, 1 already on file')]));
    expect(await count()).toBe(1);
    // An instalment schedule as its own CSV (--kind instalments): names the file on a bad row, loads once.
    const plan = join(dir, 'plan.csv');
    writeFileSync(plan, '借据号,期次,应还日,应还本金\nCLI-1,1,2026-07-01,500.25\nCLI-9,1,2026-07-01,1\n');
    await run('import-credit', plan, '--tenant', 'QSRCB', '--kind', 'instalments');
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    expect(err.mock.calls.map((c) => String(c[0])).join('\n')).toContain('plan.csv  row 3  借据号');
    writeFileSync(plan, '借据号,期次,应还日,应还本金\nCLI-1,1,2026-07-01,500.25\n');
    await run('import-credit', plan, '--tenant', 'QSRCB', '--kind', 'instalments');
    await run('import-credit', plan, '--tenant', 'QSRCB', '--kind', 'instalments');
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual(expect.arrayContaining([expect.stringContaining('instalments: 1 imported'), expect.stringContaining('instalments: 0 imported, 1 already on file')]));
    log.mockRestore();
    err.mockRestore();
  }, 120_000);
});
