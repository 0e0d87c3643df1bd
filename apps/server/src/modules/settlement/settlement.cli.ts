import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from '@kehu/db';
import type { RunAction } from '@kehu/domain';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../lib/actor.ts';
import { factsService } from './facts.service.ts';
import { settlementService } from './settlement.service.ts';
import { settlementRepository as repo } from './settlement.repository.ts';

/**
 * What `kehu import | settle | export` need, behind the same services the API uses: the CLI acts as
 * an HR user of one tenant (named by its code), so every permission check and audit row applies.
 */
export async function cliActor(database: Database, tenantCode: string): Promise<Actor> {
  const [t] = await database.query<{ id: number }>('select id from tenants where code = $1', [tenantCode]);
  if (!t) throw new Error(`no tenant with code ${tenantCode}`);
  return { userId: 0, tenantId: t.id, role: 'hr', displayName: '命令行 / kehu cli', login: 'cli', orgUnitId: null, orgPath: null, staffId: null, ip: null };
}

export async function cliPeriod(database: Database, actor: Actor, period: string, create: boolean) {
  const p = await repo.periodByCode(database.db, actor.tenantId, period);
  if (p) return p;
  if (!create) throw new Error(`no pay period ${period} (use --create-period)`);
  const made = await settlementService.createPeriod(database.db, actor, period);
  return { id: made.id, period: made.period, status: made.status, lockedRunId: null };
}

export async function cliImport(database: Database, actor: Actor, periodId: number, file: string, onProgress: (bytes: number, total: number, rows: number) => void) {
  const total = statSync(file).size;
  const isXlsx = /\.xlsx$/i.test(file);
  try {
    if (isXlsx) {
      const { readFile } = await import('node:fs/promises');
      return await factsService.importFile(database, actor, periodId, { fileName: basename(file), xlsx: await readFile(file) });
    }
    // Hash first (a fraction of the load time): a file imported before is answered without reading it twice.
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
    return await factsService.importFile(database, actor, periodId, {
      fileName: basename(file), csv: createReadStream(file, { highWaterMark: 1 << 20 }), onProgress: (rows, bytes) => onProgress(bytes, total, rows), sha256: hash.digest('hex'),
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'import_failed') return (e.options.details as { report: Awaited<ReturnType<typeof factsService.importFile>> }).report;
    throw e;
  }
}

export async function cliSettle(database: Database, actor: Actor, periodId: number, steps: RunAction[], timings?: (t: Record<string, number>) => void) {
  let run = await settlementService.startRun(database.db, actor, periodId, timings);
  for (const s of steps) run = await settlementService.transition(database.db, actor, run.id, s);
  return run;
}

export async function cliExport(database: Database, actor: Actor, periodId: number) {
  const runs = await settlementService.runs(database.db, actor, periodId);
  const run = runs.find((r) => r.status === 'locked') ?? runs.find((r) => r.status !== 'superseded');
  if (!run) throw new Error('this period has no run yet');
  return settlementService.exportRun(database.db, actor, run.id);
}
