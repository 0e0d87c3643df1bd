import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@kehu/db';
import { notVoided, type FactCut } from './fact-cut.ts';

/** Raw rows of a query, whichever driver runs it. */
async function rows<T>(db: Executor, q: SQL): Promise<T[]> {
  const r = await db.execute(q);
  return (r as { rows: T[] }).rows;
}
/** Money and counts come back as number, string or bigint depending on driver and type: normalise. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export interface PeriodRow { id: number; period: string; status: 'open' | 'locked'; lockedRunId: number | null }
export interface RunRow {
  id: number; periodId: number; period: string; seq: number; status: string; previousRunId: number | null; factWatermark: number; voidWatermark: number; factCount: number;
  headcount: number; totalFen: number; durationMs: number; createdAt: string; reviewedAt: string | null; approvedAt: string | null; lockedAt: string | null;
}
export interface PlanRow { id: number; code: string; title: string; presetId: string | null; version: string; document: string }
export interface AssignmentRow { id: number; planId: number; planTitle: string; position: string | null; orgUnitId: number | null; orgUnitName: string | null; orgUnitPath: string | null; hireType: string | null; validFrom: string; validTo: string | null }
export interface StaffForPay { id: number; name: string; orgUnitId: number; orgUnitName: string; orgPath: string; position: string; hireType: string; hireDate: string }
export interface AggregateQuery {
  faceMinFen: number; spentMinFen: number; cardFloorsFen: number[]; periodFrom: string; nextFrom: string;
  /** Customers shared by several managers: their card facts are left out here and split by creditSplitRepository. */
  sharedCustomers?: readonly number[];
}
export interface PersonAggregate {
  staffId: number;
  /** Bookings in the plan's four groups (face value and spend each over its threshold or not): rooms. */
  bookings: { faceOk: boolean; spentOk: boolean; count: number }[];
  /** Card sales per amount band [floorFen, next floor) and gift flag: how many and their sum. */
  cardBands: { floorFen: number; gifted: boolean; count: number; sumFen: number }[];
  target: number | null;
  deductions: { attendance: number; phoneCard: number; other: number };
  baseFen: number;
  /** Leave days as bits (bit 0 = the 1st) of the pay month and of the next month. */
  leaveThisMask: number;
  leaveNextMask: number;
}
export interface SlipInsert { staffId: number; planId: number; totalFen: number; payday: string; input: unknown; trace: unknown }
export interface LineInsert { staffId: number; seq: number; component: string; labelZh: string; labelEn: string; clause: string; amountFen: number; explain: unknown; adjustmentId: number | null }

const runCols = sql`r.id, r.period_id as "periodId", p.period, r.seq, r.status, r.previous_run_id as "previousRunId", r.fact_watermark as "factWatermark",
  r.void_watermark as "voidWatermark", r.fact_count as "factCount", r.headcount, r.total_fen as "totalFen", r.duration_ms as "durationMs", r.created_at::text as "createdAt",
  r.reviewed_at::text as "reviewedAt", r.approved_at::text as "approvedAt", r.locked_at::text as "lockedAt"`;

const normRun = (r: RunRow): RunRow => ({ ...r, factWatermark: num(r.factWatermark), voidWatermark: num(r.voidWatermark), totalFen: num(r.totalFen) });

export const settlementRepository = {
  async periods(db: Executor, tenantId: number) {
    return rows<PeriodRow & { factCount: number; runCount: number; latestRunStatus: string | null; pendingAdjustments: number }>(db, sql`
      select p.id, p.period, p.status, p.locked_run_id as "lockedRunId",
        -- Every fact belongs to a registered file (packages/db pay-facts.ts), so the registry counts them without a scan; voided ones do not count.
        (coalesce((select sum(f.row_count) from pay_fact_files f where f.tenant_id = p.tenant_id and f.period_id = p.id and f.voided_at is null), 0)
          - (select count(*) from pay_fact_voids v join pay_fact_files f on f.tenant_id = v.tenant_id and f.id = v.file_id
             where v.tenant_id = p.tenant_id and v.period_id = p.id and v.fact_id is not null and f.voided_at is null))::int as "factCount",
        (select count(*) from pay_runs r where r.tenant_id = p.tenant_id and r.period_id = p.id)::int as "runCount",
        (select r.status from pay_runs r where r.tenant_id = p.tenant_id and r.period_id = p.id order by r.seq desc limit 1) as "latestRunStatus",
        (select count(*) from pay_adjustments a where a.tenant_id = p.tenant_id and a.period_id = p.id)::int as "pendingAdjustments"
      from pay_periods p where p.tenant_id = ${tenantId} order by p.period desc`);
  },
  async period(db: Executor, tenantId: number, id: number, forUpdate = false): Promise<PeriodRow | undefined> {
    const [r] = await rows<PeriodRow>(db, sql`select id, period, status, locked_run_id as "lockedRunId" from pay_periods where tenant_id = ${tenantId} and id = ${id} ${forUpdate ? sql`for update` : sql``}`);
    return r;
  },
  async periodByCode(db: Executor, tenantId: number, period: string): Promise<PeriodRow | undefined> {
    const [r] = await rows<PeriodRow>(db, sql`select id, period, status, locked_run_id as "lockedRunId" from pay_periods where tenant_id = ${tenantId} and period = ${period}`);
    return r;
  },
  async insertPeriod(db: Executor, tenantId: number, period: string): Promise<PeriodRow> {
    const [r] = await rows<PeriodRow>(db, sql`insert into pay_periods (tenant_id, period) values (${tenantId}, ${period}) returning id, period, status, locked_run_id as "lockedRunId"`);
    return r!;
  },
  async lockPeriod(db: Executor, tenantId: number, periodId: number, runId: number) {
    await db.execute(sql`update pay_periods set status = 'locked', locked_run_id = ${runId}, locked_at = now() where tenant_id = ${tenantId} and id = ${periodId}`);
  },

  async plans(db: Executor, tenantId: number) {
    return rows<PlanRow>(db, sql`select id, code, title, preset_id as "presetId", version, document from pay_plans where tenant_id = ${tenantId} order by id`);
  },
  async insertPlan(db: Executor, tenantId: number, p: Omit<PlanRow, 'id'>): Promise<PlanRow> {
    const [r] = await rows<PlanRow>(db, sql`insert into pay_plans (tenant_id, code, title, preset_id, version, document)
      values (${tenantId}, ${p.code}, ${p.title}, ${p.presetId}, ${p.version}, ${p.document}) returning id, code, title, preset_id as "presetId", version, document`);
    return r!;
  },
  async assignments(db: Executor, tenantId: number) {
    return rows<AssignmentRow>(db, sql`select a.id, a.plan_id as "planId", pl.title as "planTitle", a.position, a.org_unit_id as "orgUnitId", u.name as "orgUnitName", u.path as "orgUnitPath",
        a.hire_type as "hireType", a.valid_from::text as "validFrom", a.valid_to::text as "validTo"
      from pay_plan_assignments a join pay_plans pl on pl.tenant_id = a.tenant_id and pl.id = a.plan_id
      left join org_units u on u.tenant_id = a.tenant_id and u.id = a.org_unit_id where a.tenant_id = ${tenantId} order by a.id`);
  },
  async insertAssignment(db: Executor, tenantId: number, a: { planId: number; position: string | null; orgUnitId: number | null; hireType: string | null; validFrom: string; validTo: string | null }) {
    const [r] = await rows<{ id: number }>(db, sql`insert into pay_plan_assignments (tenant_id, plan_id, position, org_unit_id, hire_type, valid_from, valid_to)
      values (${tenantId}, ${a.planId}, ${a.position}, ${a.orgUnitId}, ${a.hireType}, ${a.validFrom}, ${a.validTo}) returning id`);
    return r!.id;
  },

  async updateAssignment(db: Executor, tenantId: number, id: number, a: { planId: number; position: string | null; orgUnitId: number | null; hireType: string | null; validFrom: string; validTo: string | null }) {
    await db.execute(sql`update pay_plan_assignments set plan_id = ${a.planId}, position = ${a.position}, org_unit_id = ${a.orgUnitId}, hire_type = ${a.hireType}, valid_from = ${a.validFrom}, valid_to = ${a.validTo}
      where tenant_id = ${tenantId} and id = ${id}`);
  },
  /** The last day of the latest locked period, or null: plan assignments may not change on days up to it. */
  async lockedThrough(db: Executor, tenantId: number): Promise<string | null> {
    const [r] = await rows<{ p: string | null }>(db, sql`select max(period) as p from pay_periods where tenant_id = ${tenantId} and status = 'locked'`);
    return r?.p ?? null;
  },

  /** Staff who may be paid in a period: not left before it started. */
  async staffForPay(db: Executor, tenantId: number): Promise<StaffForPay[]> {
    return rows<StaffForPay>(db, sql`select s.id, s.name, s.org_unit_id as "orgUnitId", u.name as "orgUnitName", u.path as "orgPath", s.position, s.hire_type as "hireType", s.hire_date::text as "hireDate"
      from staff s join org_units u on u.tenant_id = s.tenant_id and u.id = s.org_unit_id where s.tenant_id = ${tenantId} and s.status <> 'left' order by s.id`);
  },
  async staffIds(db: Executor, tenantId: number): Promise<Set<number>> {
    return new Set((await rows<{ id: number }>(db, sql`select id from staff where tenant_id = ${tenantId}`)).map((r) => r.id));
  },

  async fileKnown(db: Executor, tenantId: number, sha256: string): Promise<boolean> {
    return (await rows(db, sql`select 1 from pay_fact_files where tenant_id = ${tenantId} and sha256 = ${sha256} and voided_at is null`)).length > 0;
  },

  /**
   * How many facts of a period count now, read from the file registry: every fact belongs to a
   * pay_fact_files row that records its count (packages/db pay-facts.ts), so this is count(*) of
   * the period's facts without scanning them, less the voided files and facts.
   */
  async factCount(db: Executor, tenantId: number, periodId: number): Promise<number> {
    const [r] = await rows<{ n: unknown }>(db, sql`select
        coalesce((select sum(row_count) from pay_fact_files where tenant_id = ${tenantId} and period_id = ${periodId} and voided_at is null), 0)
        - (select count(*) from pay_fact_voids v join pay_fact_files f on f.tenant_id = v.tenant_id and f.id = v.file_id
           where v.tenant_id = ${tenantId} and v.period_id = ${periodId} and v.fact_id is not null and f.voided_at is null) as n`);
    return num(r?.n);
  },

  /**
   * The one set-based pass over a period's facts: per person and per the attributes a plan looks
   * at, one small integer bucket per fact — bookings in four (face value and spend each over the
   * plan's threshold or not), card sales per amount band of the plan and gift flag, the target,
   * base pay, each deduction type, leave this month and next — then one hash aggregate by
   * (person, bucket) on two integers with four aggregates (quantity, amount × quantity, the largest
   * quantity, leave days as bits of the day of month). The engine then sees a handful of groups per
   * person, never the raw rows. (Measured alternatives — one row per person with a filtered
   * aggregate per bucket, or arrays of card amounts — cost more: every extra aggregate is evaluated
   * for every fact. See docs/benchmarks.md.)
   */
  async personAggregates(db: Executor, tenantId: number, periodId: number, cut: FactCut, q: AggregateQuery): Promise<PersonAggregate[]> {
    const floors = [0, ...q.cardFloorsFen];
    const bucket = sql`case kind
        when 'booking' then (face_value_fen >= ${q.faceMinFen})::int * 2 + (spent_fen >= ${q.spentMinFen})::int
        when 'card' then 10 + (width_bucket(amount_fen, ${sql.raw(`'{${floors.map((f) => Math.trunc(f)).join(',')}}'::bigint[]`)}) - 1) * 2 + gifted::int
        when 'target' then 100 when 'base' then 101
        when 'deduction' then case sub_kind when 'attendance' then 110 when 'phoneCard' then 111 else 112 end
        when 'leave' then case when fact_date >= ${q.nextFrom}::date then 121 when fact_date >= ${q.periodFrom}::date then 120 else 122 end
        else 200 end`;
    // Read the period's facts in one sequential (parallel) scan and hash them. Left to itself the
    // planner may walk the (tenant, period, staff) index to get rows in person order, which on
    // millions of rows is random heap access (measured: 30 s instead of 2 s); JIT costs more than it saves.
    await db.execute(sql`set local enable_indexscan = off`);
    await db.execute(sql`set local enable_bitmapscan = off`);
    await db.execute(sql`set local jit = off`);
    await db.execute(sql`set local work_mem = '64MB'`);
    const r = await rows<{ staffId: unknown; b: unknown; n: unknown; s: unknown; mq: unknown; mask: unknown }>(db, sql`
      select staff_id as "staffId", b, sum(quantity) as n, sum(amount_fen * quantity) as s, max(quantity) as mq, bit_or(day_bit) as mask
      from (select staff_id, quantity, amount_fen, ${bucket} as b,
          case when kind = 'leave' then 1::bigint << (extract(day from fact_date)::int - 1) end as day_bit
        from pay_facts where tenant_id = ${tenantId} and period_id = ${periodId} and id <= ${cut.watermark}${notVoided(cut)}
          ${q.sharedCustomers?.length ? sql`and not (kind = 'card' and coalesce(customer_id = any(${`{${q.sharedCustomers.join(',')}}`}::int[]), false))` : sql``}) x
      group by staff_id, b`);
    // Back to normal planning for the rest of the transaction (foreign-key checks need their indexes).
    await db.execute(sql`reset enable_indexscan`);
    await db.execute(sql`reset enable_bitmapscan`);
    await db.execute(sql`reset jit`);
    await db.execute(sql`reset work_mem`);
    const by = new Map<number, PersonAggregate>();
    for (const x of r) {
      const staffId = num(x.staffId);
      let a = by.get(staffId);
      if (!a) {
        a = { staffId, bookings: [], cardBands: [], target: null, deductions: { attendance: 0, phoneCard: 0, other: 0 }, baseFen: 0, leaveThisMask: 0, leaveNextMask: 0 };
        by.set(staffId, a);
      }
      const b = num(x.b);
      if (b < 4) a.bookings.push({ faceOk: b >= 2, spentOk: b % 2 === 1, count: num(x.n) });
      else if (b >= 10 && b < 100) {
        const band = Math.floor((b - 10) / 2);
        a.cardBands.push({ floorFen: floors[Math.max(0, band)] ?? 0, gifted: (b - 10) % 2 === 1, count: num(x.n), sumFen: num(x.s) });
      } else if (b === 100) a.target = num(x.mq);
      else if (b === 101) a.baseFen = num(x.s);
      else if (b === 110) a.deductions.attendance = num(x.s);
      else if (b === 111) a.deductions.phoneCard = num(x.s);
      else if (b === 112) a.deductions.other = num(x.s);
      else if (b === 120) a.leaveThisMask = num(x.mask);
      else if (b === 121) a.leaveNextMask = num(x.mask);
    }
    // Counted bookings (both thresholds met) first, then the rest: the order the slip lists them.
    for (const a of by.values()) a.bookings.sort((p, q2) => (q2.faceOk ? 2 : 0) + (q2.spentOk ? 1 : 0) - ((p.faceOk ? 2 : 0) + (p.spentOk ? 1 : 0)));
    return [...by.values()];
  },

  async adjustmentsFor(db: Executor, tenantId: number, periodId: number) {
    const r = await rows<{ id: number; staffId: number; component: string; amountFen: unknown; correctsLineId: number | null; correctsPeriod: string; source: string; reason: string; labelZh: string | null; labelEn: string | null }>(db, sql`
      select a.id, a.staff_id as "staffId", a.component, a.amount_fen as "amountFen", a.corrects_line_id as "correctsLineId", a.corrects_period as "correctsPeriod", a.source, a.reason,
        l.label_zh as "labelZh", l.label_en as "labelEn"
      from pay_adjustments a left join pay_lines l on l.tenant_id = a.tenant_id and l.id = a.corrects_line_id
      where a.tenant_id = ${tenantId} and a.period_id = ${periodId} order by a.id`);
    return r.map((a) => ({ ...a, amountFen: num(a.amountFen) }));
  },
  /** Earlier recomputation corrections of a period (dispute outcomes are judgments and stay out of it). */
  async adjustmentsCorrecting(db: Executor, tenantId: number, period: string) {
    const r = await rows<{ staffId: number; component: string; amountFen: unknown; correctsLineId: number | null }>(db, sql`
      select staff_id as "staffId", component, amount_fen as "amountFen", corrects_line_id as "correctsLineId" from pay_adjustments where tenant_id = ${tenantId} and corrects_period = ${period} and source = 'late_fact'`);
    return r.map((a) => ({ ...a, amountFen: num(a.amountFen) }));
  },
  async insertAdjustments(db: Executor, tenantId: number, items: { periodId: number; staffId: number; component: string; amountFen: number; correctsLineId: number | null; correctsPeriod: string; source: string; disputeId: number | null; reason: string; createdBy: number | null }[]) {
    if (!items.length) return [];
    return rows<{ id: number }>(db, sql`insert into pay_adjustments (tenant_id, period_id, staff_id, component, amount_fen, corrects_line_id, corrects_period, source, dispute_id, reason, created_by)
      select ${tenantId}, x."periodId", x."staffId", x.component, x."amountFen", x."correctsLineId", x."correctsPeriod", x.source, x."disputeId", x.reason, x."createdBy"
      from jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as x("periodId" int, "staffId" int, component text, "amountFen" bigint, "correctsLineId" int, "correctsPeriod" text, source text, "disputeId" int, reason text, "createdBy" int)
      returning id`);
  },

  async runs(db: Executor, tenantId: number, periodId: number): Promise<RunRow[]> {
    return (await rows<RunRow>(db, sql`select ${runCols} from pay_runs r join pay_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
      where r.tenant_id = ${tenantId} and r.period_id = ${periodId} order by r.seq desc`)).map(normRun);
  },
  /** Headcount and total of runs counting only the slips of one unit subtree (what a supervisor may see). */
  async runTotalsInSubtree(db: Executor, tenantId: number, runIds: number[], path: string): Promise<Map<number, { headcount: number; totalFen: number }>> {
    if (!runIds.length) return new Map();
    const r = await rows<{ runId: number; n: unknown; t: unknown }>(db, sql`select s.run_id as "runId", count(*) as n, coalesce(sum(s.total_fen), 0) as t
      from pay_slips s join staff st on st.tenant_id = s.tenant_id and st.id = s.staff_id join org_units u on u.tenant_id = st.tenant_id and u.id = st.org_unit_id
      where s.tenant_id = ${tenantId} and s.run_id in (${sql.join(runIds.map((i) => sql`${i}`), sql`, `)}) and u.path like ${path + '%'} group by s.run_id`);
    return new Map(r.map((x) => [x.runId, { headcount: num(x.n), totalFen: num(x.t) }]));
  },
  async run(db: Executor, tenantId: number, id: number, forUpdate = false): Promise<RunRow | undefined> {
    const [r] = await rows<RunRow>(db, sql`select ${runCols} from pay_runs r join pay_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
      where r.tenant_id = ${tenantId} and r.id = ${id} ${forUpdate ? sql`for update of r` : sql``}`);
    return r && normRun(r);
  },
  async insertRun(db: Executor, tenantId: number, r: { periodId: number; previousRunId: number | null; factWatermark: number; voidWatermark: number; factCount: number; createdBy: number | null }): Promise<number> {
    const [row] = await rows<{ id: number }>(db, sql`insert into pay_runs (tenant_id, period_id, seq, previous_run_id, fact_watermark, void_watermark, fact_count, created_by)
      values (${tenantId}, ${r.periodId}, coalesce((select max(seq) from pay_runs where tenant_id = ${tenantId} and period_id = ${r.periodId}), 0) + 1, ${r.previousRunId}, ${r.factWatermark}, ${r.voidWatermark}, ${r.factCount}, ${r.createdBy}) returning id`);
    return row!.id;
  },
  async finishRun(db: Executor, tenantId: number, id: number, headcount: number, totalFen: number, durationMs: number) {
    await db.execute(sql`update pay_runs set headcount = ${headcount}, total_fen = ${totalFen}, duration_ms = ${durationMs} where tenant_id = ${tenantId} and id = ${id}`);
  },
  async supersede(db: Executor, tenantId: number, periodId: number, exceptRunId: number) {
    await db.execute(sql`update pay_runs set status = 'superseded' where tenant_id = ${tenantId} and period_id = ${periodId} and status = 'draft' and id <> ${exceptRunId}`);
  },
  async setRunStatus(db: Executor, tenantId: number, id: number, status: string, userId: number | null) {
    const stamp = status === 'reviewed' ? sql`, reviewed_by = ${userId}, reviewed_at = now()` : status === 'approved' ? sql`, approved_by = ${userId}, approved_at = now()`
      : status === 'locked' ? sql`, locked_by = ${userId}, locked_at = now()` : sql``;
    await db.execute(sql`update pay_runs set status = ${status} ${stamp} where tenant_id = ${tenantId} and id = ${id}`);
  },

  /** Person → component → amount of a run, for diffs and corrections. */
  /**
   * Every line of a run's slips with its slip's person and total; a slip without lines (nothing
   * to pay: the engine leaves zero lines out) comes as one row with component and line id null.
   */
  async runComponents(db: Executor, tenantId: number, runId: number) {
    const r = await rows<{ staffId: number; slipTotal: unknown; lineId: number | null; component: string | null; amountFen: unknown }>(db, sql`
      select s.staff_id as "staffId", s.total_fen as "slipTotal", l.id as "lineId", l.component, l.amount_fen as "amountFen"
      from pay_slips s left join pay_lines l on l.tenant_id = s.tenant_id and l.slip_id = s.id where s.tenant_id = ${tenantId} and s.run_id = ${runId} order by s.staff_id, l.seq`);
    return r.map((x) => ({ ...x, slipTotal: num(x.slipTotal), amountFen: num(x.amountFen) }));
  },

  async slipPage(db: Executor, tenantId: number, where: { runId?: number; staffId?: number; path?: string }, page: number, pageSize: number) {
    const cond = sql.join([
      sql`s.tenant_id = ${tenantId}`,
      ...(where.runId ? [sql`s.run_id = ${where.runId}`] : []),
      ...(where.staffId !== undefined ? [sql`s.staff_id = ${where.staffId}`] : []),
      ...(where.path ? [sql`u.path like ${where.path + '%'}`] : []),
      ...(where.runId ? [] : [sql`r.status <> 'superseded'`]),
    ], sql` and `);
    const from = sql`from pay_slips s join pay_runs r on r.tenant_id = s.tenant_id and r.id = s.run_id join pay_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
      join staff st on st.tenant_id = s.tenant_id and st.id = s.staff_id join org_units u on u.tenant_id = st.tenant_id and u.id = st.org_unit_id`;
    const items = await rows<{ id: number; runId: number; period: string; runStatus: string; staffId: number; staffName: string; orgUnitName: string; totalFen: unknown; payday: string; components: Record<string, unknown> }>(db, sql`
      select s.id, s.run_id as "runId", p.period, r.status as "runStatus", s.staff_id as "staffId", st.name as "staffName", u.name as "orgUnitName", s.total_fen as "totalFen", s.payday::text as payday,
        (select coalesce(jsonb_object_agg(c.component, c.amt), '{}'::jsonb) from (select l.component, sum(l.amount_fen) as amt from pay_lines l where l.tenant_id = s.tenant_id and l.slip_id = s.id group by l.component) c) as components
      ${from} where ${cond} order by p.period desc, r.seq desc, st.name, s.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
    const [count] = await rows<{ n: unknown }>(db, sql`select count(*) as n ${from} where ${cond}`);
    return { items: items.map((i) => ({ ...i, totalFen: num(i.totalFen), components: Object.fromEntries(Object.entries(i.components).map(([k, v]) => [k, num(v)])) })), total: num(count?.n) };
  },
  /**
   * A run's components, each with the label of its first line (corrections, labelled each by what
   * they correct, share one column under one heading), in no particular order: the plans give it.
   */
  async componentLabels(db: Executor, tenantId: number, runId: number) {
    const r = await rows<{ key: string; zh: string; en: string }>(db, sql`select l.component as key,
        (array_agg(l.label_zh order by l.seq))[1] as zh, (array_agg(l.label_en order by l.seq))[1] as en
      from pay_lines l join pay_slips s on s.tenant_id = l.tenant_id and s.id = l.slip_id where s.tenant_id = ${tenantId} and s.run_id = ${runId}
      group by l.component order by l.component`);
    return r.map((c) => (c.key === 'adjustment' ? { ...c, zh: '更正调整', en: 'Corrections' } : c));
  },
  /** The documents of the plans a run's slips were paid by. */
  async runPlanDocuments(db: Executor, tenantId: number, runId: number): Promise<string[]> {
    const r = await rows<{ document: string }>(db, sql`select pl.document from pay_plans pl
      where pl.tenant_id = ${tenantId} and pl.id in (select distinct s.plan_id from pay_slips s where s.tenant_id = ${tenantId} and s.run_id = ${runId}) order by pl.id`);
    return r.map((x) => x.document);
  },
  async slip(db: Executor, tenantId: number, id: number) {
    const [s] = await rows<{ id: number; runId: number; periodId: number; period: string; periodStatus: string; runStatus: string; staffId: number; staffName: string; orgUnitName: string; orgPath: string; totalFen: unknown; payday: string; planId: number; planTitle: string; planDocument: string; input: unknown }>(db, sql`
      select s.id, s.run_id as "runId", p.id as "periodId", p.period, p.status as "periodStatus", r.status as "runStatus", s.staff_id as "staffId", st.name as "staffName", u.name as "orgUnitName", u.path as "orgPath",
        s.total_fen as "totalFen", s.payday::text as payday, s.plan_id as "planId", pl.title as "planTitle", pl.document as "planDocument", s.input
      from pay_slips s join pay_runs r on r.tenant_id = s.tenant_id and r.id = s.run_id join pay_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
      join staff st on st.tenant_id = s.tenant_id and st.id = s.staff_id join org_units u on u.tenant_id = st.tenant_id and u.id = st.org_unit_id
      join pay_plans pl on pl.tenant_id = s.tenant_id and pl.id = s.plan_id where s.tenant_id = ${tenantId} and s.id = ${id}`);
    return s && { ...s, totalFen: num(s.totalFen) };
  },
  async lines(db: Executor, tenantId: number, slipId: number) {
    const r = await rows<{ id: number; seq: number; component: string; labelZh: string; labelEn: string; clause: string; amountFen: unknown; explain: unknown }>(db, sql`
      select id, seq, component, label_zh as "labelZh", label_en as "labelEn", clause, amount_fen as "amountFen", explain from pay_lines where tenant_id = ${tenantId} and slip_id = ${slipId} order by seq`);
    return r.map((l) => ({ ...l, amountFen: num(l.amountFen) }));
  },
  async line(db: Executor, tenantId: number, lineId: number) {
    const [l] = await rows<{ id: number; slipId: number; component: string; amountFen: unknown }>(db, sql`select id, slip_id as "slipId", component, amount_fen as "amountFen" from pay_lines where tenant_id = ${tenantId} and id = ${lineId}`);
    return l && { ...l, amountFen: num(l.amountFen) };
  },
  /** A person's raw facts of a period as a run read them (its cut), paged; the ones that did not count first. */
  async personFacts(db: Executor, tenantId: number, periodId: number, staffId: number, cut: FactCut, kind: string | undefined, page: number, pageSize: number, qualify: { faceMinFen: number; spentMinFen: number }) {
    const cond = sql`tenant_id = ${tenantId} and period_id = ${periodId} and staff_id = ${staffId} and id <= ${cut.watermark}${notVoided(cut)} ${kind ? sql`and kind = ${kind}` : sql``}`;
    const items = await rows<{ id: unknown; kind: string; date: string; quantity: number; amountFen: unknown; faceValueFen: unknown; spentFen: unknown; gifted: boolean; subKind: string }>(db, sql`
      select id, kind, fact_date::text as date, quantity, amount_fen as "amountFen", face_value_fen as "faceValueFen", spent_fen as "spentFen", gifted, sub_kind as "subKind"
      from pay_facts where ${cond}
      order by (kind <> 'booking' or (face_value_fen >= ${qualify.faceMinFen} and spent_fen >= ${qualify.spentMinFen})), fact_date, id limit ${pageSize} offset ${(page - 1) * pageSize}`);
    const [c] = await rows<{ n: unknown }>(db, sql`select count(*) as n from pay_facts where ${cond}`);
    return { items: items.map((f) => ({ ...f, id: num(f.id), amountFen: num(f.amountFen), faceValueFen: num(f.faceValueFen), spentFen: num(f.spentFen) })), total: num(c?.n) };
  },
  /** What a period's facts add up to now (voided ones left out), per kind, and its files. */
  async factSummary(db: Executor, tenantId: number, periodId: number, cut: FactCut) {
    const items = await rows<{ kind: string; rows: unknown; people: unknown; amountFen: unknown }>(db, sql`select kind, count(*) as rows, count(distinct staff_id) as people, sum(amount_fen) as "amountFen"
      from pay_facts where tenant_id = ${tenantId} and period_id = ${periodId}${notVoided(cut)} group by kind order by kind`);
    const files = await rows<{ id: number; fileName: string; rowCount: number; createdAt: string; voidedAt: string | null }>(db, sql`select id, file_name as "fileName", row_count as "rowCount", created_at::text as "createdAt", voided_at::text as "voidedAt"
      from pay_fact_files where tenant_id = ${tenantId} and period_id = ${periodId} order by id`);
    return { items: items.map((i) => ({ kind: i.kind, rows: num(i.rows), people: num(i.people), amountFen: num(i.amountFen) })), files };
  },

  async disputes(db: Executor, tenantId: number, where: { staffId?: number; path?: string; id?: number }) {
    const cond = sql.join([sql`d.tenant_id = ${tenantId}`, ...(where.staffId !== undefined ? [sql`d.staff_id = ${where.staffId}`] : []), ...(where.path ? [sql`u.path like ${where.path + '%'}`] : []), ...(where.id ? [sql`d.id = ${where.id}`] : [])], sql` and `);
    const r = await rows<{ id: number; lineId: number; slipId: number; staffId: number; staffName: string; orgPath: string; period: string; lineLabelZh: string; lineLabelEn: string; lineAmountFen: unknown; comment: string; status: 'open' | 'accepted' | 'rejected'; answer: string | null; answeredAt: string | null; createdAt: string; adjId: number | null; adjPeriod: string | null; adjAmount: unknown }>(db, sql`
      select d.id, d.line_id as "lineId", d.slip_id as "slipId", d.staff_id as "staffId", st.name as "staffName", u.path as "orgPath", p.period, l.label_zh as "lineLabelZh", l.label_en as "lineLabelEn",
        l.amount_fen as "lineAmountFen", d.comment, d.status, d.answer, d.answered_at::text as "answeredAt", d.created_at::text as "createdAt",
        a.id as "adjId", ap.period as "adjPeriod", a.amount_fen as "adjAmount"
      from pay_disputes d join pay_lines l on l.tenant_id = d.tenant_id and l.id = d.line_id join pay_slips s on s.tenant_id = d.tenant_id and s.id = d.slip_id
      join pay_runs r on r.tenant_id = s.tenant_id and r.id = s.run_id join pay_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
      join staff st on st.tenant_id = d.tenant_id and st.id = d.staff_id join org_units u on u.tenant_id = st.tenant_id and u.id = st.org_unit_id
      left join pay_adjustments a on a.tenant_id = d.tenant_id and a.dispute_id = d.id left join pay_periods ap on ap.tenant_id = a.tenant_id and ap.id = a.period_id
      where ${cond} order by d.status = 'open' desc, d.id desc`);
    return r.map((d) => ({ ...d, lineAmountFen: num(d.lineAmountFen), adjAmount: d.adjAmount === null ? null : num(d.adjAmount) }));
  },
  async insertDispute(db: Executor, tenantId: number, d: { lineId: number; slipId: number; staffId: number; comment: string; raisedBy: number | null }) {
    const [r] = await rows<{ id: number }>(db, sql`insert into pay_disputes (tenant_id, line_id, slip_id, staff_id, comment, raised_by) values (${tenantId}, ${d.lineId}, ${d.slipId}, ${d.staffId}, ${d.comment}, ${d.raisedBy}) returning id`);
    return r!.id;
  },
  async answerDispute(db: Executor, tenantId: number, id: number, status: 'accepted' | 'rejected', answer: string, userId: number | null) {
    const r = await rows<{ id: number }>(db, sql`update pay_disputes set status = ${status}, answer = ${answer}, answered_by = ${userId}, answered_at = now() where tenant_id = ${tenantId} and id = ${id} and status = 'open' returning id`);
    return r.length > 0;
  },
};
