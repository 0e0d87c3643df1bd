import { sql } from 'drizzle-orm';
import type { Executor } from '@kehu/db';
import { copyInTransaction, copyText, openCopy, type TxCopy } from '../../lib/bulk-copy.ts';
import type { LineInsert, SlipInsert } from './settlement.repository.ts';

const json = (v: unknown) => copyText(JSON.stringify(v ?? null));
const int = (v: number | null) => (v === null ? '\\N' : String(v));

/** A line's COPY text after its (tenant, slip) columns, which are known only once the slips are in. */
const lineTail = (l: LineInsert) =>
  `${l.seq}\t${copyText(l.component)}\t${copyText(l.labelZh)}\t${copyText(l.labelEn)}\t${copyText(l.clause)}\t${l.amountFen}\t${json(l.explain)}\t${int(l.adjustmentId)}\n`;

/** Where a run's slips go as they are computed: add() each person's, then finish() (or abort()). */
export interface SlipSink {
  add(slip: SlipInsert, lines: readonly LineInsert[]): void;
  /** Waits until the slips are in, then writes the lines; resolves when both are stored. */
  finish(): Promise<void>;
  /** Stops an unfinished write so the transaction can roll back. */
  abort(reason: unknown): Promise<void>;
}

/**
 * Writes a run's slips and lines with COPY in the caller's transaction, slips while they are still
 * being computed: the first add() opens `COPY pay_slips`, so PostgreSQL stores slips while the
 * engine works on the next people (the caller must let the event loop turn now and then and run
 * no other query until finish()). Lines follow in a second COPY once the slips' ids can be read
 * back (lines reference their slip). Long explanations are compressed with lz4 where the server has
 * it (about half the cost of the default pglz on thousands of lines).
 */
export async function slipSink(tx: Executor, tenantId: number, runId: number): Promise<SlipSink> {
  await tx.execute(sql`do $$ begin perform set_config('default_toast_compression', 'lz4', true); exception when others then null; end $$`);
  let slips: TxCopy | null = null;
  const tails = new Map<number, string[]>();
  let buf = '';
  return {
    add(s, lines) {
      if (tails.has(s.staffId)) throw new Error(`two slips for staff ${s.staffId}`);
      slips ??= openCopy(tx, 'COPY pay_slips (tenant_id, run_id, staff_id, plan_id, total_fen, payday, input, trace)');
      buf += `${tenantId}\t${runId}\t${s.staffId}\t${s.planId}\t${s.totalFen}\t${s.payday}\t${json(s.input)}\t${json(s.trace)}\n`;
      if (buf.length >= 1 << 18) { slips.write(buf); buf = ''; }
      tails.set(s.staffId, lines.map(lineTail));
    },
    async finish() {
      if (!slips) return;
      if (buf) slips.write(buf);
      buf = '';
      await slips.end();
      slips = null;
      const read = await tx.execute(sql`select id, staff_id as "staffId" from pay_slips where tenant_id = ${tenantId} and run_id = ${runId}`);
      const ids = (read as { rows: { id: number; staffId: number }[] }).rows;
      await copyInTransaction(tx, 'COPY pay_lines (tenant_id, slip_id, seq, component, label_zh, label_en, clause, amount_fen, explain, adjustment_id)', (function* () {
        let out = '';
        for (const { id, staffId } of ids) {
          for (const t of tails.get(staffId) ?? []) out += `${tenantId}\t${id}\t${t}`;
          if (out.length >= 1 << 20) { yield out; out = ''; }
        }
        if (out) yield out;
      })());
    },
    async abort(reason) {
      await slips?.abort(reason);
      slips = null;
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
  try {
    for (const s of slips) sink.add(s, byStaff.get(s.staffId) ?? []);
  } catch (e) {
    await sink.abort(e);
    throw e;
  }
  await sink.finish();
}
