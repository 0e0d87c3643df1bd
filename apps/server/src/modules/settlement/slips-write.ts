import { sql } from 'drizzle-orm';
import type { Executor } from '@kehu/db';
import { copyInTransaction, copyText, openCopy, type TxCopy } from '../../lib/bulk-copy.ts';
import type { LineInsert, SlipInsert } from './settlement.repository.ts';

const json = (v: unknown) => copyText(JSON.stringify(v ?? null));
const int = (v: number | null) => (v === null ? '\\N' : String(v));

/** The lines' reference to their slip: deferrable (migration 0013), so lines may be stored before their slips. */
const LINE_SLIP_FK = 'pay_lines_tenant_id_slip_id_pay_slips_tenant_id_id_fk';

/** A line's COPY text after its (tenant, slip) columns. */
const lineTail = (l: LineInsert) =>
  `${l.seq}\t${copyText(l.component)}\t${copyText(l.labelZh)}\t${copyText(l.labelEn)}\t${copyText(l.clause)}\t${l.amountFen}\t${json(l.explain)}\t${int(l.adjustmentId)}\n`;

/** Where a run's slips go as they are computed: start() with the headcount, add() each person's, then finish() (or abort()). */
export interface SlipSink {
  /** Reserves the slips' ids; no query may run on the transaction from the first add() until finish(). */
  start(headcount: number): Promise<void>;
  add(slip: SlipInsert, lines: readonly LineInsert[]): void;
  /** Stores the slips after their lines and checks every line has its slip; resolves when both are stored. */
  finish(): Promise<void>;
  /** Stops an unfinished write so the transaction can roll back. */
  abort(reason: unknown): Promise<void>;
}

/**
 * Writes a run's slips and lines with COPY in the caller's transaction, lines while they are still
 * being computed. The slips' ids are reserved from their sequence first, so each line knows its
 * slip at once: the first add() opens `COPY pay_lines` and PostgreSQL stores lines (the bulk of
 * the data) while the engine works on the next people (the caller must let the event loop turn now
 * and then). The slips follow in a second COPY; the lines' foreign key is checked then, before
 * finish() returns. Long explanations are compressed with lz4 where the server has it (about half
 * the cost of the default pglz on thousands of lines).
 */
export async function slipSink(tx: Executor, tenantId: number, runId: number): Promise<SlipSink> {
  await tx.execute(sql`do $$ begin perform set_config('default_toast_compression', 'lz4', true); exception when others then null; end $$`);
  let ids: number[] | null = null;
  let used = 0;
  let lines: TxCopy | null = null;
  let lineBuf = '';
  const slipChunks: string[] = [];
  let slipBuf = '';
  const seen = new Set<number>();
  return {
    async start(headcount) {
      if (ids) throw new Error('slip sink started twice');
      const r = await tx.execute(sql`select nextval(pg_get_serial_sequence('pay_slips', 'id'))::int as id from generate_series(1, ${Math.max(0, headcount)})`);
      ids = (r as { rows: { id: unknown }[] }).rows.map((x) => Number(x.id));
      await tx.execute(sql.raw(`set constraints ${LINE_SLIP_FK} deferred`));
    },
    add(s, ls) {
      if (!ids) throw new Error('slip sink not started');
      if (seen.has(s.staffId)) throw new Error(`two slips for staff ${s.staffId}`);
      if (used >= ids.length) throw new Error(`more slips than the ${ids.length} reserved`);
      seen.add(s.staffId);
      const id = ids[used++]!;
      slipBuf += `${id}\t${tenantId}\t${runId}\t${s.staffId}\t${s.planId}\t${s.totalFen}\t${s.payday}\t${json(s.input)}\t${json(s.trace)}\n`;
      if (slipBuf.length >= 1 << 20) { slipChunks.push(slipBuf); slipBuf = ''; }
      if (!ls.length) return;
      lines ??= openCopy(tx, 'COPY pay_lines (tenant_id, slip_id, seq, component, label_zh, label_en, clause, amount_fen, explain, adjustment_id)');
      for (const l of ls) lineBuf += `${tenantId}\t${id}\t${lineTail(l)}`;
      if (lineBuf.length >= 1 << 18) { lines.write(lineBuf); lineBuf = ''; }
    },
    async finish() {
      if (lines) {
        if (lineBuf) lines.write(lineBuf);
        lineBuf = '';
        await lines.end();
        lines = null;
      }
      if (slipBuf) slipChunks.push(slipBuf);
      slipBuf = '';
      if (slipChunks.length) await copyInTransaction(tx, 'COPY pay_slips (id, tenant_id, run_id, staff_id, plan_id, total_fen, payday, input, trace)', slipChunks.splice(0));
      // Every line's slip is in now: check the deferred references here rather than at commit.
      if (ids) await tx.execute(sql.raw(`set constraints ${LINE_SLIP_FK} immediate`));
    },
    async abort(reason) {
      await lines?.abort(reason);
      lines = null;
    },
  };
}

/** Writes a run's slips and their lines with COPY, in the caller's transaction (all given at once). */
export async function writeSlips(tx: Executor, tenantId: number, runId: number, slips: readonly SlipInsert[], lines: readonly LineInsert[]): Promise<void> {
  const byStaff = new Map<number, LineInsert[]>(slips.map((s) => [s.staffId, []]));
  for (const l of lines) {
    const of = byStaff.get(l.staffId);
    if (!of) throw new Error(`line of staff ${l.staffId} has no slip`);
    of.push(l);
  }
  const sink = await slipSink(tx, tenantId, runId);
  await sink.start(slips.length);
  try {
    for (const s of slips) sink.add(s, byStaff.get(s.staffId) ?? []);
  } catch (e) {
    await sink.abort(e);
    throw e;
  }
  await sink.finish();
}
