/**
 * Customer lists on 1,000,000 customers: search by name or ID number and page a manager's
 * customers, 50 concurrent clients on loopback, latency percentiles per scenario.
 *
 *   npx tsx bench/customers.bench.ts            (PostgreSQL at 127.0.0.1:5432, user postgres)
 *   BENCH_ADMIN_URL=postgres://… BENCH_CUSTOMERS=1000000 BENCH_SECONDS=20 BENCH_WORKERS=auto npx tsx bench/customers.bench.ts
 *
 * It creates the database kehu_bench_customers, starts the real server on it (migrations and
 * demo data), bulk-loads customers and assignments with COPY, runs the scenarios, and drops
 * the database again.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { rng } from './pay-generator.ts';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'kehu_bench_customers';
const N = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
// Server processes (KEHU_WORKERS): one per core by default, as `KEHU_WORKERS=auto npm start` runs on PostgreSQL.
const WORKERS = process.env.BENCH_WORKERS ?? 'auto';
const MANAGERS = Math.max(1, Math.round(N / 1000));
const PORT = 3900 + Math.floor(Math.random() * 90);

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯健俊帆帅旭宁龙林欢阳建国'.split('');


const urlFor = (db: string) => { const u = new URL(ADMIN_URL); u.pathname = `/${db}`; return u.toString(); };
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try { if ((await fetch(url)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer at ${url}`);
}

async function copyRows(client: pg.PoolClient, sql: string, rows: () => Generator<string>) {
  const stream = client.query(copyFrom(sql));
  await pipeline(Readable.from(rows(), { objectMode: false }), stream);
}

async function load(pool: pg.Pool) {
  const c = await pool.connect();
  try {
    const [{ tenant_id: tenantId }] = (await c.query<{ tenant_id: number }>(`select id as tenant_id from tenants where code = 'QSRCB'`)).rows as [{ tenant_id: number }];
    const units = (await c.query<{ id: number; code: string }>(`select id, code from org_units where tenant_id = $1 and code in ('CQ01','CQ02','DB01','DB02') order by code`, [tenantId])).rows;
    const liNa = (await c.query<{ id: number }>(`select id from staff where tenant_id = $1 and name = '李娜'`, [tenantId])).rows[0]!.id;
    // Managers: one per 1000 customers (the staffing limit), spread over the four sub-branches.
    const t0 = performance.now();
    const staffIds = (await c.query<{ id: number }>(
      `insert into staff (tenant_id, org_unit_id, name, gender, birth_date, id_card_no, phone, education, hire_date, hire_type, position, category, status)
       select $1, ($2::int[])[1 + g % 4], '经理' || g, 'male', '1990-01-01', 'B' || lpad(g::text, 17, '0'), '139' || lpad(g::text, 8, '0'), 'bachelor', '2015-01-01', 'staff', 'customer_manager', 'market', 'active'
       from generate_series(1, $3::int) g returning id`, [tenantId, units.map((u) => u.id), MANAGERS - 1])).rows.map((r) => r.id);
    const managers = [liNa, ...staffIds];
    log(`${managers.length} managers in ${Math.round(performance.now() - t0)} ms`);

    const rand = rng(42);
    const t1 = performance.now();
    await copyRows(c, `copy customers (tenant_id, id, org_unit_id, customer_no, name, kind, segment, id_no, phone, loan_balance_fen, deposit_balance_fen) from stdin`, function* () {
      let buf = '';
      for (let i = 1; i <= N; i++) {
        const name = SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]! + (rand() < 0.6 ? GIVEN[Math.floor(rand() * GIVEN.length)]! : '');
        const m = (i - 1) % managers.length;
        const unit = m === 0 ? units[0]!.id : units[m % 4]!.id;
        const idNo = `4301${String(1960 + Math.floor(rand() * 40))}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}${String(i).padStart(7, '0')}`.slice(0, 18);
        const loan = rand() < 0.5 ? Math.floor(rand() * 800_000) * 100 : 0;
        buf += `${tenantId}\t${100_000 + i}\t${unit}\tB${String(i).padStart(8, '0')}\t${name}\t${rand() < 0.6 ? 'farming_household' : 'resident'}\tretail\t${idNo}\t13${String(i).padStart(9, '0')}\t${loan}\t${Math.floor(rand() * 100_000) * 100}\n`;
        if (i % 5000 === 0) { yield buf; buf = ''; }
      }
      if (buf) yield buf;
    });
    log(`${N} customers COPY in ${Math.round(performance.now() - t1)} ms`);
    const t2 = performance.now();
    await copyRows(c, `copy customer_assignments (tenant_id, customer_id, staff_id, role, share, valid_from) from stdin`, function* () {
      let buf = '';
      for (let i = 1; i <= N; i++) {
        buf += `${tenantId}\t${100_000 + i}\t${managers[(i - 1) % managers.length]}\tmanage\t100\t2020-01-01\n`;
        if (i % 10000 === 0) { yield buf; buf = ''; }
      }
      if (buf) yield buf;
    });
    log(`${N} assignments COPY in ${Math.round(performance.now() - t2)} ms`);
    await c.query(`select setval(pg_get_serial_sequence('customers', 'id'), (select max(id) from customers))`);
    const t3 = performance.now();
    // Steady state, as after the nightly maintenance: statistics current and the visibility map set.
    await c.query('vacuum (analyze) customers, customer_assignments, staff');
    log(`vacuum analyze in ${Math.round(performance.now() - t3)} ms`);
    return { liNaCustomers: Math.ceil(N / managers.length) };
  } finally {
    c.release();
  }
}

async function signIn(base: string, login: string) {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'kehu2026' }) });
  if (!res.ok) throw new Error(`sign-in ${login}: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * CONCURRENCY users for SECONDS. With `thinkMs` 0 each sends its next request the moment the
 * last one answered (a stress test: 50 requests always in flight); otherwise each user pauses
 * a random 0.5–1.5 × thinkMs between requests, as people at a screen do.
 */
async function scenario(name: string, cookies: string[], nextUrl: (r: () => number) => string, thinkMs = 0) {
  const lat: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const rand = rng(7);
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, user) => {
    const cookie = cookies[user % cookies.length]!;
    // Users arrive spread over one think time rather than all in the same millisecond.
    if (thinkMs) await new Promise((r) => setTimeout(r, thinkMs * rand()));
    while (performance.now() < until) {
      const t = performance.now();
      const res = await fetch(nextUrl(rand), { headers: { cookie } });
      await res.arrayBuffer();
      lat.push(performance.now() - t);
      if (res.status !== 200) errors++;
      if (thinkMs) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + rand())));
    }
  }));
  lat.sort((a, b) => a - b);
  const row = { load: '', name, requests: lat.length, rps: Math.round(lat.length / SECONDS), errors, p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), max: lat[lat.length - 1]! };
  const load = loadavg()[0]!.toFixed(1);
  row.load = load;
  log(`${name}: ${row.requests} requests, ${row.rps}/s, errors ${errors}, p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms (load average ${load})`);
  return row;
}

async function main() {
  // BENCH_REUSE=1 runs the scenarios again on a database kept by an earlier BENCH_KEEP=1 run.
  const reuse = process.env.BENCH_REUSE === '1';
  if (!reuse) {
    await admin(`drop database if exists ${DB_NAME} with (force)`);
    await admin(`create database ${DB_NAME}`);
  }
  const url = urlFor(DB_NAME);
  const server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'apps/server/src/server.ts'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', KEHU_SEED_DEMO: '1', NODE_ENV: 'production', KEHU_WEB_DIST: '/nonexistent', KEHU_WORKERS: WORKERS },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(`${base}/api/health`, 120_000);
    log('server up, demo data seeded');
    const { liNaCustomers } = reuse
      ? { liNaCustomers: (await pool.query<{ n: number }>(`select count(*)::int as n from customer_assignments a join staff s on s.tenant_id = a.tenant_id and s.id = a.staff_id where s.name = '李娜' and a.valid_to is null`)).rows[0]!.n }
      : await load(pool);
    // One session per simulated user, as 50 people at 50 screens would have.
    const sup: string[] = [];
    const mgr: string[] = [];
    for (let i = 0; i < CONCURRENCY; i++) { sup.push(await signIn(base, 'bank.supervisor')); mgr.push(await signIn(base, 'bank.manager')); }
    const pages = Math.ceil(liNaCustomers / 20);
    const ids = (await pool.query<{ id_no: string; customer_no: string }>(`select id_no, customer_no from customers where customer_no like 'B%' order by customer_no limit 2000`)).rows;
    // warm-up
    for (let i = 0; i < 50; i++) await (await fetch(`${base}/api/v1/customers?q=${encodeURIComponent(SURNAMES[i % SURNAMES.length]! + GIVEN[i % GIVEN.length]!)}`, { headers: { cookie: sup[i % sup.length]! } })).arrayBuffer();
    const byName = (r: () => number) => `${base}/api/v1/customers?q=${encodeURIComponent(SURNAMES[Math.floor(r() * SURNAMES.length)]! + GIVEN[Math.floor(r() * GIVEN.length)]!)}`;
    const byId = (r: () => number) => { const x = ids[Math.floor(r() * ids.length)]!.id_no; return `${base}/api/v1/customers?q=${r() < 0.5 ? x : x.slice(0, 14)}`; };
    const byNo = (r: () => number) => `${base}/api/v1/customers?q=${ids[Math.floor(r() * ids.length)]!.customer_no}`;
    const paging = (r: () => number) => `${base}/api/v1/customers?page=${1 + Math.floor(r() * pages)}&pageSize=20`;
    const results = [];
    for (const think of [0, 1000]) {
      const how = think ? `${CONCURRENCY} users, ~1 s think time` : `${CONCURRENCY} in flight, no think time`;
      results.push(
        await scenario(`search by name prefix, 2 characters (supervisor; ${how})`, sup, byName, think),
        await scenario(`search by ID number, full or 14-digit prefix (supervisor; ${how})`, sup, byId, think),
        await scenario(`search by customer number (supervisor; ${how})`, sup, byNo, think),
        await scenario(`page a manager's ${liNaCustomers} customers, 20 per page (manager; ${how})`, mgr, paging, think),
      );
    }
    console.log('\n| scenario | requests | req/s | errors | p50 ms | p95 ms | p99 ms | load avg |\n|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) console.log(`| ${r.name} | ${r.requests} | ${r.rps} | ${r.errors} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.load} |`);
  } finally {
    await pool.end();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    if (process.env.BENCH_KEEP !== '1') {
      await admin(`drop database if exists ${DB_NAME} with (force)`);
      log(`dropped ${DB_NAME}`);
    }
  }
}

await main();
