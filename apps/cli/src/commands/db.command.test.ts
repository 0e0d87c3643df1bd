import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { createDb, TABLE_ORDER } from '@kehu/db';
import { registerDbCommands } from './db.command.ts';

/** `kehu db seed → backup → restore` into a new data directory gives the same rows. */
describe('kehu db', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (dataDir: string, ...args: string[]) => {
    vi.stubEnv('KEHU_DATA_DIR', dataDir);
    const program = new Command('kehu').exitOverride();
    registerDbCommands(program);
    await program.parseAsync(['node', 'kehu', 'db', ...args]);
    vi.unstubAllEnvs();
  };

  it('seeds, backs up and restores with identical content', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const file = join(dir, 'backup.ndjson.gz');
    await run(a, 'seed');
    await run(a, 'backup', file);
    await run(b, 'migrate');
    await run(b, 'restore', file);
    log.mockRestore();
    const [da, db] = [await createDb(a), await createDb(b)];
    try {
      for (const table of TABLE_ORDER) {
        const q = `select md5(coalesce(string_agg(to_jsonb(x)::text, '|' order by to_jsonb(x)::text), '')) as h, count(*)::int as n from ${table} x`;
        const [ra] = await da.query<{ h: string; n: number }>(q);
        const [rb] = await db.query<{ h: string; n: number }>(q);
        expect(rb, table).toEqual(ra);
      }
      const [staff] = await db.query<{ n: number }>('select count(*)::int as n from staff');
      expect(staff!.n).toBeGreaterThanOrEqual(25);
    } finally {
      await da.close();
      await db.close();
    }
  });
});
