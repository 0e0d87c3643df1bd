/**
 * Settlement benchmark (issue 4). Not part of `npm test`.
 *
 *   npx tsx bench/settlement.bench.ts --size L --db postgres    settle L; compare with one hand-written SQL aggregate
 *   npx tsx bench/settlement.bench.ts --size M --db pglite      settle M on embedded PGlite
 *   … --shared 0.25      a quarter of card sales are of customers two managers share 60/40 (credited by share)
 *   npx tsx bench/settlement.bench.ts --import 1000000 --db postgres   import 1,000,000 facts vs a bare COPY of the same file
 *
 * PostgreSQL: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres); a database of
 * its own is created and dropped afterwards. PGlite runs in memory.
 * BENCH_KEEP=1 keeps the PostgreSQL database of a settle run (kehu_bench_pay_<size>); BENCH_REUSE=1
 * settles such a kept database again without generating and importing (to profile the settle alone).
 */
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { createDb, migrateDb, type Database } from '@kehu/db';
import { cliActor, cliImport, cliSettle } from '../apps/server/src/modules/settlement/settlement.cli.ts';
import { presetDocument } from '../apps/server/src/modules/settlement/plan-evaluator.ts';
import { COPY_COLUMNS } from '../apps/server/src/modules/settlement/facts-import.ts';
import { SIZES, addSharedCustomers, generateTenant, writeFactsCsv, type Size } from './pay-generator.ts';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const kind = (opt('db') ?? 'postgres') as 'postgres' | 'pglite';
const size = (opt('size') ?? 'S') as Size;
const importRows = opt('import') ? Number(opt('import')) : null;
const sharedFraction = opt('shared') ? Number(opt('shared')) : 0;
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const keep = process.env.BENCH_KEEP === '1' || process.env.BENCH_REUSE === '1';
const reuse = process.env.BENCH_REUSE === '1';
const DB_NAME = keep && !importRows ? `kehu_bench_pay_${size.toLowerCase()}` : `kehu_bench_pay_${process.pid}`;
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

async function open(): Promise<Database> {
  if (kind === 'pglite') return createDb('memory://');
  if (!reuse) await admin(`create database ${DB_NAME}`);
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB_NAME}`;
  return createDb(u.toString());
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
}

/** The whole spa-pay month in one hand-written SQL statement: what a DBA would write for this plan alone. */
const HAND_SQL = `
  select staff_id, rooms, (rooms * case when rooms >= 80 then 1000 else 500 end)
    + round(card * case when target > 0 then rooms::numeric / target else 1 end) - ded as total_fen
  from (select staff_id,
      coalesce(sum(quantity) filter (where kind = 'booking' and face_value_fen >= 50000 and spent_fen >= 30000), 0) as rooms,
      coalesce(max(quantity) filter (where kind = 'target'), 0) as target,
      coalesce(sum(amount_fen * quantity * greatest(0, case when amount_fen >= 1000000 then 4 when amount_fen >= 500000 then 2.5 when amount_fen >= 300000 then 2
        when amount_fen >= 150000 then 1.5 when amount_fen >= 80000 then 1.25 when amount_fen >= 50000 then 1 else 0 end - case when gifted then 0.5 else 0 end) / 100)
        filter (where kind = 'card'), 0) as card,
      coalesce(sum(amount_fen) filter (where kind = 'deduction'), 0) as ded
    from pay_facts where tenant_id = $1 and period_id = $2 group by staff_id) x`;

/**
 * The figures a slip explains, in one hand-written SQL aggregate for this plan: per person, rooms by
 * qualification (card face value ≥ 500, spend ≥ 300: counted, or why not), card sales per rate band
 * and gift flag (how many, their sum), the target, each deduction type and the leave days — what
 * the engine is given and the slip shows, where HAND_SQL above keeps only the pay.
 */
const FIGURES_SQL = `
  select staff_id, b, sum(quantity) as n, sum(amount_fen * quantity) as s, max(quantity) as mq, bit_or(day_bit) as mask
  from (select staff_id, quantity, amount_fen,
      case kind
        when 'booking' then (face_value_fen >= 50000)::int * 2 + (spent_fen >= 30000)::int
        when 'card' then 10 + (width_bucket(amount_fen, '{0,50000,80000,150000,300000,500000,1000000}'::bigint[]) - 1) * 2 + gifted::int
        when 'target' then 100
        when 'deduction' then case sub_kind when 'attendance' then 110 when 'phoneCard' then 111 else 112 end
        when 'leave' then case when fact_date >= '2026-11-01' then 121 else 120 end
        else 200 end as b,
      case when kind = 'leave' then 1::bigint << (extract(day from fact_date)::int - 1) end as day_bit
    from pay_facts where tenant_id = $1 and period_id = $2) x
  group by staff_id, b`;

/** A fresh tenant with the size's facts imported through the real import, or the one a kept database holds. */
async function prepare(database: Database, managers: number, facts: number): Promise<{ tenantId: number; periodId: number }> {
  if (reuse) {
    const [t] = await database.query<{ tenantId: number; periodId: number }>(`select t.id as "tenantId", p.id as "periodId" from tenants t join pay_periods p on p.tenant_id = t.id where t.code = $1`, [`BENCH${managers}`]);
    if (!t) throw new Error(`no kept database ${DB_NAME}: run once with BENCH_KEEP=1`);
    return t;
  }
  const [{ tenantId, periodId, staffIds }, genMs] = await timed(() => generateTenant(database, managers, presetDocument('spa-pay')!));
  const file = join(tmpdir(), `kehu-facts-${size}-${process.pid}.csv`);
  const shared = sharedFraction > 0 ? { customers: await addSharedCustomers(database, tenantId, staffIds), fraction: sharedFraction } : null;
  const [, csvMs] = await timed(() => writeFactsCsv(file, staffIds, facts, 2026, shared));
  log(`generated ${managers} managers in ${secs(genMs)}, ${facts} facts CSV (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${secs(csvMs)}`);
  const actor = await cliActor(database, `BENCH${managers}`);
  const [report, importMs] = await timed(() => cliImport(database, actor, periodId, file, () => undefined));
  rmSync(file);
  if (report.errors.length) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
  log(`imported ${report.imported} facts in ${secs(importMs)}`);
  await database.exec('analyze pay_facts');
  return { tenantId, periodId };
}

/** Peak resident memory of this process while `fn` runs (sampled every 100 ms). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<[T, number]> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  try {
    return [await fn(), peak];
  } finally {
    clearInterval(timer);
  }
}
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
/**
 * CPU seconds the whole machine has been busy (Linux /proc/stat: user, nice, system, irq, softirq,
 * steal; 100 ticks a second), so a step's CPU counts PostgreSQL's backend and parallel workers as
 * well as Node. Meaningful on an otherwise quiet machine only.
 */
function machineBusySeconds(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return (user + nice + system + irq + softirq + steal) / 100;
}

async function settleBench(database: Database) {
  const { managers, facts } = SIZES[size];
  const { tenantId, periodId } = await prepare(database, managers, facts);
  const actor = await cliActor(database, `BENCH${managers}`);
  const loadBefore = load();
  // Both baselines before and after the settle: the pay alone with the server's own settings, the
  // figures with the settings the settle's aggregate of the same shape runs with (no JIT, 64 MB).
  const baselines = async () => {
    const busy0 = machineBusySeconds();
    const [h, hMs] = await timed(() => database.query(HAND_SQL, [tenantId, periodId]));
    const handBusy = machineBusySeconds() - busy0;
    const [f, fMs] = await timed(() => database.rawTransaction(async (query) => {
      await query('set local jit = off');
      await query('set local work_mem = \'64MB\'');
      return query(FIGURES_SQL, [tenantId, periodId]);
    }));
    return { handRows: h.length, handMs: hMs, handBusy, figureRows: f.length, figuresMs: fMs };
  };
  const before = await baselines();
  let phases: Record<string, number> = {};
  const cpu0 = process.cpuUsage();
  const busy0 = machineBusySeconds();
  const [[run, peak], settleMs] = await timed(() => withPeakRss(() => cliSettle(database, actor, periodId, [], (t) => { phases = t; })));
  const cpu = process.cpuUsage(cpu0);
  const settleBusy = machineBusySeconds() - busy0;
  const after = await baselines();
  const baseline = Math.min(before.handMs, after.handMs);
  const figures = Math.min(before.figuresMs, after.figuresMs);
  const agg = phases.aggregate ?? 0;
  console.log(`\nsize ${size} on ${kind}: ${managers} managers, ${run.factCount} facts, ${run.headcount} slips, total ${(run.totalFen / 100).toFixed(2)} yuan`);
  console.log(`  settle (run → slips, lines, traces stored): ${secs(settleMs)}  [aggregate ${secs(agg)} (staff, plans, SQL), evaluate ${secs((phases.evaluate ?? agg) - agg)}, write ${secs(phases.writeMs ?? 0)}]`);
  console.log(`  hand-written SQL aggregate, the pay alone (${before.handRows} rows): ${secs(before.handMs)} before, ${secs(after.handMs)} after; best ${secs(baseline)}`);
  console.log(`  hand-written SQL aggregate, the figures a slip explains (${before.figureRows} rows): ${secs(before.figuresMs)} before, ${secs(after.figuresMs)} after; best ${secs(figures)}`);
  console.log(`  ratio settle / SQL (pay alone): ${(settleMs / baseline).toFixed(2)}×; settle / SQL (figures): ${(settleMs / figures).toFixed(2)}×`);
  console.log(`  Node CPU time during settle ${secs((cpu.user + cpu.system) / 1000)} (the rest is PostgreSQL and waiting); peak RSS ${(peak / 1e6).toFixed(0)} MB`);
  console.log(`  machine CPU busy (all processes; quiet machine only): settle ${settleBusy.toFixed(2)} s over ${secs(settleMs)}; pay-alone SQL ${before.handBusy.toFixed(2)} / ${after.handBusy.toFixed(2)} s over ${secs(before.handMs)} / ${secs(after.handMs)}`);
  console.log(`  load average (1/5/15 min) before ${loadBefore}, after ${load()}`);
}

async function importBench(database: Database, rows: number) {
  const managers = Math.max(50, Math.round(rows / 500));
  const { tenantId, periodId, staffIds } = await generateTenant(database, managers, presetDocument('spa-pay')!);
  const file = join(tmpdir(), `kehu-import-${process.pid}.csv`);
  await writeFactsCsv(file, staffIds, rows);
  const mb = statSync(file).size / 1e6;
  log(`${rows} facts CSV, ${mb.toFixed(0)} MB, ${managers} managers`);
  // Bare COPY of the same file into a plain table with the file's columns, no checks, no indexes.
  await database.exec(`create table bare_copy (staff_id int, kind text, fact_date date, quantity int, amount numeric, face_value numeric, spent numeric, gifted text, sub_kind text)`);
  const bareCopy = () => timed(async () => {
    if (database.pool) {
      const c = await database.pool.connect();
      try { await pipeline(createReadStream(file), c.query(copyFrom(`COPY bare_copy FROM STDIN WITH (FORMAT csv, HEADER true)`))); } finally { c.release(); }
    } else {
      const { readFile } = await import('node:fs/promises');
      await database.pglite!.query(`COPY bare_copy FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob: new Blob([await readFile(file)]) });
    }
    await database.exec('truncate bare_copy');
  });
  const [, bareMs1] = await bareCopy();
  const actor = await cliActor(database, `BENCH${managers}`);
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 200);
  const [report, importMs] = await timed(() => cliImport(database, actor, periodId, file, () => undefined));
  clearInterval(timer);
  const [again, againMs] = await timed(() => cliImport(database, actor, periodId, file, () => undefined));
  const [, bareMs2] = await bareCopy();
  const bareMs = Math.min(bareMs1, bareMs2);
  rmSync(file);
  // What PostgreSQL alone needs to put the checked rows into a table shaped like one period's
  // partition of pay_facts, by COPY from a file of those rows: the part of the import Node cannot
  // remove. Twice: with the partition's indexes maintained during the COPY (what a later load of
  // the period does) and with them built after it (what the period's first load does).
  let floorMs: number | null = null;
  let firstFloorMs: number | null = null;
  if (database.pool) {
    const rowsFile = join(tmpdir(), `kehu-import-rows-${process.pid}.csv`);
    const c = await database.pool.connect();
    try {
      await pipeline(c.query(copyTo(`COPY (select id, ${COPY_COLUMNS} from pay_facts where tenant_id = ${tenantId}) TO STDOUT`)), createWriteStream(rowsFile));
      await c.query(`create table facts_floor (like pay_facts_p${periodId} including all)`);
      [, floorMs] = await timed(() => pipeline(createReadStream(rowsFile), c.query(copyFrom(`COPY facts_floor (id, ${COPY_COLUMNS}) FROM STDIN`))));
      await c.query('drop table facts_floor');
      await c.query(`create table facts_floor (like pay_facts_p${periodId} including defaults including constraints)`);
      [, firstFloorMs] = await timed(async () => {
        // As the import does: the (partial) source-ref index before the load, the staff index after it.
        await c.query('create unique index on facts_floor (tenant_id, period_id, source_ref) where source_ref is not null');
        await pipeline(createReadStream(rowsFile), c.query(copyFrom(`COPY facts_floor (id, ${COPY_COLUMNS}) FROM STDIN`)));
        await c.query(`set maintenance_work_mem = '256MB'`);
        await c.query('create index on facts_floor (staff_id)');
        await c.query('reset maintenance_work_mem');
      });
      await c.query('drop table facts_floor');
    } finally {
      c.release();
      rmSync(rowsFile, { force: true });
    }
  }
  console.log(`\nimport of ${rows} facts on ${kind} (${mb.toFixed(0)} MB CSV)`);
  console.log(`  bare COPY of the file: ${secs(bareMs1)} before, ${secs(bareMs2)} after; best ${secs(bareMs)}`);
  if (floorMs !== null) console.log(`  COPY of the checked rows into an empty table shaped like a pay_facts partition (2 indexes maintained): ${secs(floorMs)} = ${(floorMs / bareMs).toFixed(2)}× bare`);
  if (firstFloorMs !== null) console.log(`  the same with the 2 indexes built after the COPY (a period's first load): ${secs(firstFloorMs)} = ${(firstFloorMs / bareMs).toFixed(2)}× bare`);
  console.log(`  kehu import (parse, check every row, COPY, file registry, audit): ${secs(importMs)}; imported ${report.imported}, errors ${report.errors.length}`);
  console.log(`  ratio import / bare COPY: ${(importMs / bareMs).toFixed(2)}×`);
  console.log(`  RSS before ${(rss0 / 1e6).toFixed(0)} MB, peak during import ${(peak / 1e6).toFixed(0)} MB`);
  console.log(`  same file again: ${again.duplicateFile ? 'duplicate, nothing added' : 'ADDED ROWS'} in ${secs(againMs)}`);
  console.log(`  load average (1/5/15 min) at the end: ${load()}`);
}

const database = await open();
try {
  await migrateDb(database);
  if (importRows) await importBench(database, importRows);
  else await settleBench(database);
} finally {
  await database.close();
  if (kind === 'postgres' && !(keep && !importRows)) await admin(`drop database if exists ${DB_NAME} with (force)`);
}
