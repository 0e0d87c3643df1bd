import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACT_ID_FILE_FACTOR, factPartition } from '@kehu/db';
import { testDatabaseKinds } from '@kehu/db/testing';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../lib/actor.ts';
import { createHarness, type Harness } from '../../testing/test-app.ts';
import { factsService } from './facts.service.ts';
import { cliActor } from './settlement.cli.ts';
import { settlementRepository as repo } from './settlement.repository.ts';
import { factVoidsRepository as voids } from './fact-voids.repository.ts';
import { settlementService } from './settlement.service.ts';

/** Fact storage: one partition per period, built by the period's first load, all-or-nothing and idempotent. */
describe.each(testDatabaseKinds())('fact files into period partitions on %s', (kind) => {
  let h: Harness;
  let actor: Actor;
  let staff: number[];
  beforeAll(async () => {
    h = await createHarness(kind);
    actor = await cliActor(h.database, 'YUETING');
    staff = (await h.database.query<{ id: number }>(`select id from staff where tenant_id = $1 and status <> 'left' order by id limit 3`, [actor.tenantId])).map((r) => r.id);
  });
  afterAll(() => h?.close());

  let month = 0;
  const newPeriod = async () => (await settlementService.createPeriod(h.database.db, actor, `2031-${String(++month).padStart(2, '0')}`)).id;
  const periodCode = () => `2031-${String(month).padStart(2, '0')}`;
  const csv = (lines: string[], header = 'staffId,kind,date,amount,ref') => Readable.from([Buffer.from([header, ...lines].join('\n') + '\n')]);
  const load = (periodId: number, fileName: string, lines: string[], header?: string) => factsService.importFile(h.database, actor, periodId, { fileName, csv: csv(lines, header) });
  const partitionOf = async (periodId: number) => (await h.database.query<{ t: string | null }>('select to_regclass($1)::text as t', [factPartition(periodId)]))[0]!.t;
  const attached = async (periodId: number) => (await h.database.query<{ n: number }>(`select count(*)::int as n from pg_inherits where inhparent = 'pay_facts'::regclass and inhrelid = to_regclass($1)`, [factPartition(periodId)]))[0]!.n === 1;
  const facts = (periodId: number) => h.database.query<{ id: number; file: number; ref: string | null }>(`select id, file_id as file, source_ref as ref from pay_facts where period_id = $1 order by id`, [periodId]);
  const watermarkOf = async (periodId: number) => ({ watermark: (await voids.cut(h.database.db, actor.tenantId, periodId)).watermark, count: await repo.factCount(h.database.db, actor.tenantId, periodId) });
  /** The watermark read from the file registry is exactly max(id) and count(*) of the period's facts. */
  const watermarkMatches = async (periodId: number) => {
    const [direct] = await h.database.query<{ w: number; n: number }>(`select coalesce(max(id), 0)::bigint as w, count(*)::int as n from pay_facts where tenant_id = $1 and period_id = $2`, [actor.tenantId, periodId]);
    expect(await watermarkOf(periodId)).toEqual({ watermark: Number(direct!.w), count: direct!.n });
  };

  it('builds the partition on a period\'s first load, numbers facts by file, and adds a second file to it', async () => {
    const p = await newPeriod();
    const d = `${periodCode()}-05`;
    expect(await partitionOf(p)).toBeNull();
    const r1 = await load(p, 'first.csv', [`${staff[0]},card,${d},100,`, `${staff[1]},card,${d},200,`, `${staff[0]},deduction,${d},50,差勤`], 'staffId,kind,date,amount,subKind');
    expect(r1).toMatchObject({ rows: 3, imported: 3, duplicateFile: false, errors: [] });
    expect(await attached(p)).toBe(true);
    const f1 = await facts(p);
    const file1 = f1[0]!.file;
    expect(f1.map((f) => f.id)).toEqual([1, 2, 3].map((n) => file1 * FACT_ID_FILE_FACTOR + n));
    await watermarkMatches(p);
    // The partition's indexes were built at attach.
    const idx = await h.database.query<{ name: string }>(`select indexrelid::regclass::text as name from pg_index where indrelid = to_regclass($1)`, [factPartition(p)]);
    expect(idx).toHaveLength(2);
    const r2 = await load(p, 'second.csv', [`${staff[2]},card,${d},300,`]);
    expect(r2).toMatchObject({ rows: 1, imported: 1 });
    const f2 = await facts(p);
    expect(f2).toHaveLength(4);
    expect(f2.at(-1)!.id).toBe(f2.at(-1)!.file * FACT_ID_FILE_FACTOR + 1);
    expect(f2.at(-1)!.file).toBeGreaterThan(file1);
    await watermarkMatches(p);
    // The same file again adds nothing.
    expect(await load(p, 'second-again.csv', [`${staff[2]},card,${d},300,`])).toMatchObject({ imported: 0, duplicateFile: true });
    expect(await facts(p)).toHaveLength(4);
    await watermarkMatches(p);
  });

  it('leaves no partition, no rows and no file when a new period\'s first load has a bad row', async () => {
    const p = await newPeriod();
    const d = `${periodCode()}-05`;
    const err = await load(p, 'bad.csv', [`${staff[0]},card,${d},100,`, `${staff[0]},card,${d},abc,`]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const report = ((err as AppError).options.details as { report: { errors: { row: number; column: string; message: { en: string } }[] } }).report;
    expect(report.errors).toEqual([expect.objectContaining({ row: 3, column: '金额 (amount)' })]);
    expect(await partitionOf(p)).toBeNull();
    expect(await h.database.query(`select 1 from pay_fact_files where period_id = $1`, [p])).toEqual([]);
    expect(await h.database.query(`select 1 from pay_facts where period_id = $1`, [p])).toEqual([]);
    await watermarkMatches(p);
    // The period loads normally afterwards.
    expect(await load(p, 'good.csv', [`${staff[0]},card,${d},100,`])).toMatchObject({ imported: 1 });
    expect(await attached(p)).toBe(true);
  });

  it('skips a source ref already loaded in the period, not one loaded in another period', async () => {
    const p = await newPeriod();
    const d = `${periodCode()}-06`;
    // A file with refs, first in its period: the partition is created empty and filled through the staging table.
    expect(await load(p, 'refs.csv', [`${staff[0]},card,${d},100,R-1`, `${staff[1]},card,${d},100,R-2`, `${staff[1]},card,${d},100,R-2`])).toMatchObject({ rows: 3, imported: 2, skipped: 1 });
    expect(await attached(p)).toBe(true);
    expect(await load(p, 'refs2.csv', [`${staff[0]},card,${d},100,R-1`, `${staff[2]},card,${d},100,R-3`])).toMatchObject({ rows: 2, imported: 1, skipped: 1 });
    expect((await facts(p)).map((f) => f.ref)).toEqual(['R-1', 'R-2', 'R-3']);
    await watermarkMatches(p);
    // Every ref of a file already loaded: the file is registered with nothing added, the watermark unchanged.
    const before = await watermarkOf(p);
    expect(await load(p, 'refs3.csv', [`${staff[2]},card,${d},100,R-3`, `${staff[2]},card,${d},100,R-3`])).toMatchObject({ imported: 0, skipped: 2 });
    expect(await watermarkOf(p)).toEqual(before);
    const q = await newPeriod();
    expect(await load(q, 'refs-other-period.csv', [`${staff[0]},card,${periodCode()}-06,100,R-1`])).toMatchObject({ imported: 1 });
  });

  it.runIf(kind === 'postgres')('lands two concurrent first loads of one period, one after the other', async () => {
    const p = await newPeriod();
    const d = `${periodCode()}-07`;
    const files = [0, 1].map((i) => Array.from({ length: 2000 }, (_, n) => `${staff[n % 3]},card,${d},${100 + i},`));
    const [a, b] = await Promise.all(files.map((lines, i) => load(p, `concurrent-${i}.csv`, lines)));
    expect([a!.imported, b!.imported]).toEqual([2000, 2000]);
    expect(await facts(p)).toHaveLength(4000);
    expect(await attached(p)).toBe(true);
    await watermarkMatches(p);
  });
});
