import { createReadStream, createWriteStream } from 'node:fs';
import { createGzip, createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Database, RawQuery } from './client.ts';
import { ensureFactPartition, registerUnfiledFacts } from './pay-facts.ts';

/** Tables in the order that satisfies their foreign keys; restore inserts in this order. */
export const TABLE_ORDER = ['tenants', 'org_units', 'staff', 'users', 'audit_log', 'portfolio_policies',
  'territories', 'customers', 'customer_assignments', 'assignment_requests', 'visits', 'big_customer_contacts', 'complaints', 'surveys', 'survey_links', 'research_reports',
  'pay_periods', 'pay_plans', 'pay_plan_assignments', 'pay_fact_files', 'pay_facts', 'pay_fact_voids', 'pay_runs', 'pay_slips', 'pay_lines', 'pay_disputes', 'pay_adjustments',
  'eval_cycles', 'eval_results', 'eval_ratings', 'eval_appeals', 'conduct_records', 'grade_history', 'grade_proposals', 'qualifications', 'competitions', 'competition_applicants',
  'loans', 'loan_instalments', 'loan_guarantors', 'loan_class_history', 'loan_interest', 'balance_day_sums', 'claim_events', 'guarantee_actions', 'demand_notices', 'npl_plans', 'npl_actions', 'risk_items', 'risk_item_actions', 'foreclosed_assets', 'credit_villages', 'credit_households', 'notifications'] as const;
/**
 * Tables left out of a backup: sessions and sign-in failures are short-lived security state,
 * import jobs only the progress of an upload in flight. Every other table must be in TABLE_ORDER
 * (a test checks the migrated schema against both lists).
 */
export const NOT_BACKED_UP = ['sessions', 'sign_in_failures', 'pay_import_jobs'] as const;
const PAGE = 5000;

/**
 * Writes every row of every table to a gzipped NDJSON file: a header line, then
 * `{"t": table, "r": row}` lines. Read in one read-only snapshot through a cursor per table,
 * in pages, so memory stays flat and no table is sorted more than once (pay_facts has no
 * index to page by).
 */
export async function backupDb(database: Database, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const migrations = await database.query<{ hash: string }>('select hash from drizzle.__drizzle_migrations order by id').catch(() => []);
  async function* lines(query: RawQuery) {
    yield JSON.stringify({ kehuBackup: 1, migrations: migrations.map((m) => m.hash) }) + '\n';
    for (const table of TABLE_ORDER) {
      counts[table] = 0;
      await query(`declare backup_rows no scroll cursor for select to_jsonb(x) as r from (select * from ${table} order by 1, 2) x`);
      for (;;) {
        const rows = await query<{ r: unknown }>(`fetch ${PAGE} from backup_rows`);
        for (const { r } of rows) yield JSON.stringify({ t: table, r }) + '\n';
        counts[table] += rows.length;
        if (rows.length < PAGE) break;
      }
      await query('close backup_rows');
    }
  }
  await database.rawTransaction(async (query) => {
    await query('set transaction isolation level repeatable read, read only');
    await pipeline(Readable.from(lines(query)), createGzip(), createWriteStream(file));
  });
  return counts;
}

/**
 * Loads a backup into an empty, migrated database in one transaction: all of it or nothing.
 * Identity sequences are moved past the restored ids.
 */
export async function restoreDb(database: Database, file: string): Promise<Record<string, number>> {
  for (const table of TABLE_ORDER) {
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    if ((row?.n ?? 0) > 0) throw new Error(`restore needs an empty database: table ${table} has rows`);
  }
  const counts: Record<string, number> = {};
  await database.rawTransaction(async (query) => {
    // Opened here, with nothing awaited before the loop reads it: readline starts reading at once,
    // and lines it emits before the loop listens are lost (a small backup is read whole while the
    // transaction's BEGIN is under way, and the restore then loads nothing).
    const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    try {
      const batch: unknown[] = [];
      let current = '';
      const partitions = new Set<number>();
      const flush = async () => {
        if (!batch.length) return;
        // Facts go into their period's partition: create the partitions of the periods restored.
        if (current === 'pay_facts') {
          for (const r of batch as { tenant_id: number; period_id: number }[]) {
            if (partitions.has(r.period_id)) continue;
            await ensureFactPartition(query, r.tenant_id, r.period_id);
            partitions.add(r.period_id);
          }
        }
        await query(`insert into ${current} overriding system value select * from jsonb_populate_recordset(null::${current}, $1::jsonb)`, [JSON.stringify(batch)]);
        counts[current] = (counts[current] ?? 0) + batch.length;
        batch.length = 0;
      };
      let header = true;
      for await (const line of rl) {
        if (!line) continue;
        if (header) {
          header = false;
          if (!('kehuBackup' in (JSON.parse(line) as object))) throw new Error('not a Kehu backup file');
          continue;
        }
        const { t, r } = JSON.parse(line) as { t: string; r: unknown };
        if (!(TABLE_ORDER as readonly string[]).includes(t)) throw new Error(`unknown table in backup: ${t}`);
        if (t !== current) { await flush(); current = t; }
        batch.push(r);
        if (batch.length >= 1000) await flush();
      }
      if (header) throw new Error('not a Kehu backup file: it is empty');
      await flush();
      // A backup from before every fact had a file (and a recorded highest id): register them now.
      await registerUnfiledFacts(query);
      // Move each identity sequence past the restored ids (tables keyed otherwise have none).
      const seqs = await query<{ t: string; s: string }>(
        `select c.table_name as t, pg_get_serial_sequence(c.table_name, c.column_name) as s from information_schema.columns c
          where c.table_schema = current_schema() and c.column_name = 'id' and c.table_name = any($1::text[])
            and pg_get_serial_sequence(c.table_name, c.column_name) is not null`, [TABLE_ORDER]);
      for (const { t, s } of seqs) await query(`select setval('${s}', coalesce((select max(id) from ${t}), 0) + 1, false)`);
    } finally {
      rl.close();
    }
  });
  // The embedded database has no autovacuum: plan the restored tables by their real sizes.
  await database.query('analyze');
  return counts;
}
