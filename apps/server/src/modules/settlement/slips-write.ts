import { sql } from 'drizzle-orm';
import type { Executor } from '@kehu/db';
import { copyInTransaction, copyText } from '../../lib/bulk-copy.ts';
import type { LineInsert, SlipInsert } from './settlement.repository.ts';

/** COPY text of `items`, one line each, in chunks of about 1 MB (COPY takes them as they come). */
function* textChunks<T>(items: readonly T[], line: (item: T) => string): Generator<string> {
  let buf = '';
  for (const it of items) {
    buf += line(it);
    if (buf.length >= 1 << 20) { yield buf; buf = ''; }
  }
  if (buf) yield buf;
}

const json = (v: unknown) => copyText(JSON.stringify(v ?? null));
const int = (v: number | null) => (v === null ? '\\N' : String(v));

/**
 * Writes a run's slips and their lines with COPY, in the caller's transaction. Slip ids are drawn
 * from the table's identity sequence first (one round trip), so lines can name their slip without
 * reading anything back; slips go in before lines (lines reference them).
 */
export async function writeSlips(tx: Executor, tenantId: number, runId: number, slips: readonly SlipInsert[], lines: readonly LineInsert[]): Promise<void> {
  if (!slips.length) return;
  const drawn = await tx.execute(sql`select nextval(pg_get_serial_sequence('pay_slips', 'id'))::int as id from generate_series(1, ${slips.length})`);
  const ids = (drawn as { rows: { id: number }[] }).rows;
  // Explanations over 2 kB are compressed when stored: lz4 where the server has it (PostgreSQL ≥ 14
  // built with it) costs about half of the default pglz when writing thousands of lines, and reads
  // back the same. For this transaction only; a server without lz4 keeps its default.
  await tx.execute(sql`do $$ begin perform set_config('default_toast_compression', 'lz4', true); exception when others then null; end $$`);
  const slipOf = new Map<number, number>();
  slips.forEach((s, i) => slipOf.set(s.staffId, ids[i]!.id));
  await copyInTransaction(tx, 'COPY pay_slips (tenant_id, id, run_id, staff_id, plan_id, total_fen, payday, input, trace)', textChunks(slips, (s) =>
    `${tenantId}\t${slipOf.get(s.staffId)!}\t${runId}\t${s.staffId}\t${s.planId}\t${s.totalFen}\t${s.payday}\t${json(s.input)}\t${json(s.trace)}\n`));
  await copyInTransaction(tx, 'COPY pay_lines (tenant_id, slip_id, seq, component, label_zh, label_en, clause, amount_fen, explain, adjustment_id)', textChunks(lines, (l) => {
    const slipId = slipOf.get(l.staffId);
    if (slipId === undefined) throw new Error(`line of staff ${l.staffId} has no slip`);
    return `${tenantId}\t${slipId}\t${l.seq}\t${copyText(l.component)}\t${copyText(l.labelZh)}\t${copyText(l.labelEn)}\t${copyText(l.clause)}\t${l.amountFen}\t${json(l.explain)}\t${int(l.adjustmentId)}\n`;
  }));
}
