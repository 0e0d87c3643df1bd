import type { RawQuery } from './client.ts';

/**
 * Storage of pay facts. `pay_facts` is partitioned by LIST (period_id), one partition per pay
 * period (`pay_facts_p<periodId>`), created on demand by the first write into the period; it has
 * no identity column and no primary key. Every writer goes through this file:
 *
 * - it takes the period's lock (`lockFactPeriod`) for the rest of its transaction, so writes into
 *   one period are serialised: the first load of a period creates the partition once, and file
 *   ids (hence fact ids) of a period grow in commit order, which the settlement watermark needs;
 * - it registers the rows as one file in `pay_fact_files` and numbers them
 *   `factId(fileId, n)` = fileId × 2³² + n (n = 1, 2, … as read): unique by construction (file
 *   ids are unique, n < 2³²), growing with file ids, and no sequence call per row;
 * - it records the file's row count and highest fact id, so a period's watermark and count are
 *   read from `pay_fact_files` without scanning the facts.
 */
export const FACT_ID_FILE_FACTOR = 2 ** 32;
/** Fact ids stay exact JavaScript numbers (< 2⁵³) while file ids stay below 2²¹. */
export const MAX_FACT_FILE_ID = 2 ** 21 - 1;

export function factId(fileId: number, n: number): number {
  return fileId * FACT_ID_FILE_FACTOR + n;
}

const intOf = (v: number, what: string): number => {
  if (!Number.isSafeInteger(v) || v < 1) throw new Error(`bad ${what}: ${v}`);
  return v;
};

/** The partition holding one period's facts. */
export function factPartition(periodId: number): string {
  return `pay_facts_p${intOf(periodId, 'period id')}`;
}

/** First argument of the two-key advisory lock of a period's facts (the second is the period id). */
const FACT_LOCK_CLASS = 0x70617966; // 'payf'

/** The two keys of the advisory lock of a period's facts, for a writer that is not on a RawQuery. */
export const factPeriodLockKeys = (periodId: number): [number, number] => [FACT_LOCK_CLASS, intOf(periodId, 'period id')];

/** Serialises writers of one period's facts until the transaction ends. */
export async function lockFactPeriod(query: RawQuery, periodId: number): Promise<void> {
  await query('select pg_advisory_xact_lock($1, $2)', factPeriodLockKeys(periodId));
}

/** Whether the period's partition exists (call under lockFactPeriod for an answer that holds). */
export async function factPartitionExists(query: RawQuery, periodId: number): Promise<boolean> {
  const [r] = await query<{ t: string | null }>('select to_regclass($1)::text as t', [factPartition(periodId)]);
  return !!r?.t;
}

/** Creates the period's partition (empty, with the partitioned indexes) unless it exists. */
export async function ensureFactPartition(query: RawQuery, tenantId: number, periodId: number): Promise<void> {
  if (await factPartitionExists(query, periodId)) return;
  const p = factPartition(periodId);
  await query(`create table ${p} partition of pay_facts (constraint ${p}_tenant check (tenant_id = ${intOf(tenantId, 'tenant id')})) for values in (${periodId})`);
}

/**
 * The fast path of a period's first load: a standalone table with pay_facts' columns, whose
 * CHECK constraints already imply the partition bound, and no index but the (partial) source-ref
 * one. Fill it (COPY), then `attachFactPartition`: the staff index is built once over the loaded
 * rows instead of being maintained row by row, and the attach needs no scan. Inside the caller's transaction, so a
 * failed load leaves no table behind.
 */
export async function createDetachedFactPartition(query: RawQuery, tenantId: number, periodId: number): Promise<string> {
  const p = factPartition(periodId);
  await query(`create table ${p} (like pay_facts including defaults,
    constraint ${p}_tenant check (tenant_id = ${intOf(tenantId, 'tenant id')}), constraint ${p}_period check (period_id = ${periodId}))`);
  // The source-ref index exists before the load: a row without a ref costs it one predicate test,
  // less than the scan building it afterwards would. The attach adopts it.
  await query(`create unique index on ${p} (tenant_id, period_id, source_ref) where source_ref is not null`);
  return p;
}

/** Attaches a table made by createDetachedFactPartition; PostgreSQL builds its indexes here. */
export async function attachFactPartition(query: RawQuery, periodId: number): Promise<void> {
  await query(`set local maintenance_work_mem = '256MB'`);
  await query(`alter table pay_facts attach partition ${factPartition(periodId)} for values in (${periodId})`);
  await query('reset maintenance_work_mem');
}

/** One fact as the small writers (demo data, tests) give it; money in fen. */
export interface FactRow {
  staffId: number; kind: string; subKind?: string; factDate: string; quantity?: number; amountFen?: number; faceValueFen?: number; spentFen?: number;
  gifted?: boolean; customerId?: number | null; sourceRef?: string | null; note?: string;
}

/**
 * Writes a few facts into a period as one registered file (`fileName`, `sha256` unique per
 * tenant), in the caller's transaction: the path for demo data and tests. Large files go through
 * the import's COPY. Returns the file id.
 */
export async function insertFacts(query: RawQuery, tenantId: number, periodId: number, facts: FactRow[], file: { fileName: string; sha256: string; createdBy?: number | null }): Promise<number> {
  await lockFactPeriod(query, periodId);
  await ensureFactPartition(query, tenantId, periodId);
  const [f] = await query<{ id: number }>(`insert into pay_fact_files (tenant_id, period_id, sha256, file_name, row_count, created_by) values ($1, $2, $3, $4, 0, $5) returning id`,
    [tenantId, periodId, file.sha256, file.fileName, file.createdBy ?? null]);
  const fileId = f!.id;
  if (fileId > MAX_FACT_FILE_ID) throw new Error(`fact file id ${fileId} above ${MAX_FACT_FILE_ID}: fact ids would lose precision`);
  const rows = facts.map((x, i) => ({
    id: factId(fileId, i + 1), staff_id: x.staffId, kind: x.kind, sub_kind: x.subKind ?? '', fact_date: x.factDate, quantity: x.quantity ?? 1, amount_fen: x.amountFen ?? 0,
    face_value_fen: x.faceValueFen ?? 0, spent_fen: x.spentFen ?? 0, gifted: x.gifted ?? false, customer_id: x.customerId ?? null, source_ref: x.sourceRef ?? null, note: x.note ?? '',
  }));
  const [ins] = await query<{ n: number; m: number | string | null }>(`with ins as (
      insert into pay_facts (tenant_id, period_id, file_id, id, staff_id, kind, sub_kind, fact_date, quantity, amount_fen, face_value_fen, spent_fen, gifted, customer_id, source_ref, note)
      select $1, $2, $3, x.id, x.staff_id, x.kind, x.sub_kind, x.fact_date, x.quantity, x.amount_fen, x.face_value_fen, x.spent_fen, x.gifted, x.customer_id, x.source_ref, x.note
      from jsonb_to_recordset($4::jsonb) as x(id bigint, staff_id int, kind text, sub_kind text, fact_date date, quantity int, amount_fen bigint, face_value_fen bigint, spent_fen bigint,
        gifted boolean, customer_id int, source_ref text, note text)
      on conflict (tenant_id, period_id, source_ref) where source_ref is not null do nothing
      returning id)
    select count(*)::int as n, max(id) as m from ins`, [tenantId, periodId, fileId, JSON.stringify(rows)]);
  await finishFactFile(query, tenantId, fileId, { sha256: file.sha256, rowCount: ins?.n ?? 0, maxFactId: ins?.m === null || ins?.m === undefined ? null : Number(ins.m) });
  return fileId;
}

/** Records what a file added: its row count and highest fact id (null when it added none). */
export async function finishFactFile(query: RawQuery, tenantId: number, fileId: number, f: { sha256: string; rowCount: number; maxFactId: number | null }): Promise<void> {
  await query(`update pay_fact_files set sha256 = $1, row_count = $2, max_fact_id = $3 where tenant_id = $4 and id = $5`,
    [f.sha256, f.rowCount, f.rowCount > 0 ? f.maxFactId : null, tenantId, fileId]);
}

/**
 * Registers facts no file accounts for (rows written before the file registry held every write,
 * e.g. from an older backup) as one file per period, and fills each file's highest fact id where
 * it is missing, so the watermark read from pay_fact_files matches the facts.
 */
export async function registerUnfiledFacts(query: RawQuery): Promise<void> {
  const [u] = await query<{ u: boolean }>('select exists (select 1 from pay_facts where file_id is null) as u');
  if (u?.u) {
    await query(`insert into pay_fact_files (tenant_id, period_id, sha256, file_name, row_count)
      select tenant_id, period_id, 'unfiled:' || tenant_id || ':' || period_id, '未登记文件的事实 / facts entered without a file', count(*)
      from pay_facts where file_id is null group by tenant_id, period_id`);
    await query(`update pay_facts f set file_id = x.id from pay_fact_files x
      where f.file_id is null and x.tenant_id = f.tenant_id and x.period_id = f.period_id and x.sha256 = 'unfiled:' || f.tenant_id || ':' || f.period_id`);
  }
  const [m] = await query<{ m: boolean }>('select exists (select 1 from pay_fact_files where max_fact_id is null and row_count > 0) as m');
  if (!m?.m) return;
  await query(`update pay_fact_files x set max_fact_id = m.mx, row_count = m.n from (
      select tenant_id, file_id, max(id) as mx, count(*)::int as n from pay_facts
      where (tenant_id, file_id) in (select tenant_id, id from pay_fact_files where max_fact_id is null and row_count > 0) group by tenant_id, file_id) m
    where m.tenant_id = x.tenant_id and m.file_id = x.id`);
}
