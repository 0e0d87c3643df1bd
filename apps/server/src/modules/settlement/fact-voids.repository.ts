import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@kehu/db';
import type { FactCut } from './fact-cut.ts';
import { num } from './settlement.repository.ts';

async function rows<T>(db: Executor, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as { rows: T[] }).rows;
}

/** Voids as the files voided whole and the facts voided one by one. */
function voidedOf(voids: { fileId: number; factId: unknown }[]): Pick<FactCut, 'voidedFiles' | 'voidedFacts'> {
  return { voidedFiles: voids.filter((v) => v.factId === null).map((v) => v.fileId), voidedFacts: voids.filter((v) => v.factId !== null).map((v) => num(v.factId)) };
}

export interface FactFileRow { id: number; fileName: string; rowCount: number; voidedCount: number; createdAt: string; createdByName: string | null; voidedAt: string | null; voidReason: string | null }
export interface FactRow { id: number; fileId: number; staffId: number; staffName: string; kind: string; date: string; quantity: number; amountFen: number | null; faceValueFen: number | null; spentFen: number | null; gifted: boolean | null; subKind: string | null; sourceRef: string | null; voided: { at: string; reason: string } | null }

export const factVoidsRepository = {
  /** A run's cut (its watermarks), or the period's as it stands (`at` omitted). */
  async cut(db: Executor, tenantId: number, periodId: number, at?: { factWatermark: number; voidWatermark: number }): Promise<FactCut> {
    let watermark = at?.factWatermark;
    if (watermark === undefined) {
      const [w] = await rows<{ w: unknown }>(db, sql`select coalesce(max(max_fact_id), 0) as w from pay_fact_files where tenant_id = ${tenantId} and period_id = ${periodId}`);
      watermark = num(w?.w);
    }
    const voids = await rows<{ id: unknown; fileId: number; factId: unknown }>(db, sql`select id, file_id as "fileId", fact_id as "factId" from pay_fact_voids
      where tenant_id = ${tenantId} and period_id = ${periodId} ${at ? sql`and id <= ${at.voidWatermark}` : sql``} order by id`);
    return { watermark, voidWatermark: at ? at.voidWatermark : voids.reduce((m, v) => Math.max(m, num(v.id)), 0), ...voidedOf(voids) };
  },

  /** Every void of the tenant, for reads across periods (sales figures): nothing voided counts. */
  async allVoids(db: Executor, tenantId: number): Promise<Pick<FactCut, 'voidedFiles' | 'voidedFacts'>> {
    const voids = await rows<{ fileId: number; factId: unknown }>(db, sql`select file_id as "fileId", fact_id as "factId" from pay_fact_voids where tenant_id = ${tenantId}`);
    return voidedOf(voids);
  },

  /** A period's files, newest first, with how many of their facts were voided one by one. */
  async files(db: Executor, tenantId: number, periodId: number): Promise<FactFileRow[]> {
    const r = await rows<FactFileRow & { rowCount: unknown; voidedCount: unknown }>(db, sql`select f.id, f.file_name as "fileName", f.row_count as "rowCount", f.created_at::text as "createdAt",
        u.display_name as "createdByName", f.voided_at::text as "voidedAt",
        (select v.reason from pay_fact_voids v where v.tenant_id = f.tenant_id and v.file_id = f.id and v.fact_id is null order by v.id limit 1) as "voidReason",
        (select count(*) from pay_fact_voids v where v.tenant_id = f.tenant_id and v.file_id = f.id and v.fact_id is not null) as "voidedCount"
      from pay_fact_files f left join users u on u.tenant_id = f.tenant_id and u.id = f.created_by
      where f.tenant_id = ${tenantId} and f.period_id = ${periodId} and f.row_count > 0 order by f.id desc`);
    return r.map((f) => ({ ...f, rowCount: num(f.rowCount), voidedCount: num(f.voidedCount) }));
  },

  /** A period's facts, paged, newest first, optionally of one person, kind or file; voided ones say when and why. */
  async facts(db: Executor, tenantId: number, periodId: number, q: { staffId?: number; kind?: string; fileId?: number; page: number; pageSize: number }): Promise<{ items: FactRow[]; total: number }> {
    const cond = sql.join([
      sql`f.tenant_id = ${tenantId} and f.period_id = ${periodId}`,
      ...(q.staffId !== undefined ? [sql`f.staff_id = ${q.staffId}`] : []),
      ...(q.kind ? [sql`f.kind = ${q.kind}`] : []),
      ...(q.fileId !== undefined ? [sql`f.file_id = ${q.fileId}`] : []),
    ], sql` and `);
    const items = await rows<Omit<FactRow, 'voided'> & { id: unknown; amountFen: unknown; faceValueFen: unknown; spentFen: unknown; voidedAt: string | null; voidReason: string | null }>(db, sql`
      select f.id, f.file_id as "fileId", f.staff_id as "staffId", s.name as "staffName", f.kind, f.fact_date::text as date, f.quantity, f.amount_fen as "amountFen",
        f.face_value_fen as "faceValueFen", f.spent_fen as "spentFen", f.gifted, f.sub_kind as "subKind", coalesce(f.source_ref, v.source_ref) as "sourceRef",
        coalesce(v.voided_at, fv.voided_at)::text as "voidedAt", coalesce(v.reason, fv.reason) as "voidReason"
      from pay_facts f join staff s on s.tenant_id = f.tenant_id and s.id = f.staff_id
        left join pay_fact_voids v on v.tenant_id = f.tenant_id and v.period_id = f.period_id and v.fact_id = f.id
        left join lateral (select x.voided_at, x.reason from pay_fact_voids x where x.tenant_id = f.tenant_id and x.file_id = f.file_id and x.fact_id is null limit 1) fv on true
      where ${cond} order by f.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
    const [c] = await rows<{ n: unknown }>(db, sql`select count(*) as n from pay_facts f where ${cond}`);
    return {
      items: items.map(({ voidedAt, voidReason, ...f }) => ({
        ...f, id: num(f.id), amountFen: f.amountFen === null ? null : num(f.amountFen), faceValueFen: f.faceValueFen === null ? null : num(f.faceValueFen), spentFen: f.spentFen === null ? null : num(f.spentFen),
        voided: voidedAt ? { at: voidedAt, reason: voidReason ?? '' } : null,
      })),
      total: num(c?.n),
    };
  },

  /** How many of a file's facts still count: its rows less those voided one by one (0 once the file is void). */
  async liveCount(db: Executor, tenantId: number, fileId: number): Promise<number> {
    const [r] = await rows<{ n: unknown }>(db, sql`select case when f.voided_at is null then f.row_count
        - (select count(*) from pay_fact_voids v where v.tenant_id = f.tenant_id and v.file_id = f.id and v.fact_id is not null) else 0 end as n
      from pay_fact_files f where f.tenant_id = ${tenantId} and f.id = ${fileId}`);
    return num(r?.n);
  },
  async file(db: Executor, tenantId: number, fileId: number) {
    const [f] = await rows<{ id: number; periodId: number; fileName: string; rowCount: unknown; voidedAt: string | null }>(db, sql`select id, period_id as "periodId", file_name as "fileName", row_count as "rowCount", voided_at::text as "voidedAt"
      from pay_fact_files where tenant_id = ${tenantId} and id = ${fileId}`);
    return f && { ...f, rowCount: num(f.rowCount) };
  },
  async fact(db: Executor, tenantId: number, factId: number) {
    const [f] = await rows<{ id: unknown; periodId: number; fileId: number; staffId: number; kind: string; sourceRef: string | null; fileVoided: boolean; factVoided: boolean }>(db, sql`select f.id, f.period_id as "periodId", f.file_id as "fileId", f.staff_id as "staffId", f.kind, f.source_ref as "sourceRef",
        exists (select 1 from pay_fact_voids v where v.tenant_id = f.tenant_id and v.file_id = f.file_id and v.fact_id is null) as "fileVoided",
        exists (select 1 from pay_fact_voids v where v.tenant_id = f.tenant_id and v.period_id = f.period_id and v.fact_id = f.id) as "factVoided"
      from pay_facts f where f.tenant_id = ${tenantId} and f.id = ${factId}`);
    return f && { ...f, id: num(f.id) };
  },

  /**
   * Voids a whole file: records it, marks the file (its hash may be loaded again) and frees its
   * facts' source refs for the corrected rows. Returns the void's id.
   */
  async voidFile(db: Executor, tenantId: number, f: { periodId: number; fileId: number; reason: string; by: number | null }): Promise<number> {
    const [v] = await rows<{ id: unknown }>(db, sql`insert into pay_fact_voids (tenant_id, period_id, file_id, fact_id, reason, voided_by)
      values (${tenantId}, ${f.periodId}, ${f.fileId}, null, ${f.reason}, ${f.by}) returning id`);
    await db.execute(sql`update pay_fact_files set voided_at = now() where tenant_id = ${tenantId} and id = ${f.fileId}`);
    await db.execute(sql`update pay_facts set source_ref = null where tenant_id = ${tenantId} and period_id = ${f.periodId} and file_id = ${f.fileId} and source_ref is not null`);
    return num(v?.id);
  },
  /** Voids one fact, keeping its source ref on the void and freeing it on the fact. */
  async voidFact(db: Executor, tenantId: number, f: { periodId: number; fileId: number; factId: number; sourceRef: string | null; reason: string; by: number | null }): Promise<number> {
    const [v] = await rows<{ id: unknown }>(db, sql`insert into pay_fact_voids (tenant_id, period_id, file_id, fact_id, source_ref, reason, voided_by)
      values (${tenantId}, ${f.periodId}, ${f.fileId}, ${f.factId}, ${f.sourceRef}, ${f.reason}, ${f.by}) returning id`);
    if (f.sourceRef !== null) await db.execute(sql`update pay_facts set source_ref = null where tenant_id = ${tenantId} and period_id = ${f.periodId} and id = ${f.factId}`);
    return num(v?.id);
  },
};
