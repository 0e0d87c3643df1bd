import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ImportRowError, PayFactInput, PayImportReport } from '@kehu/contracts';
import { attachFactPartition, createDetachedFactPartition, ensureFactPartition, factId, factPartition, factPartitionExists, finishFactFile, lockFactPeriod, MAX_FACT_FILE_ID,
  type Database, type Db, type RawQuery } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { copyTransaction } from '../../lib/bulk-copy.ts';
import { FactCopyOut } from './fact-copy-out.ts';
import { COPY_COLUMNS, csvRecords, factLine, rowError, xlsxRecords, type FactColumn } from './facts-import.ts';
import { settlementRepository as repo } from './settlement.repository.ts';
import { factVoidsRepository as voids } from './fact-voids.repository.ts';

export interface ImportSource {
  fileName: string;
  /** CSV bytes as a stream, or a whole Excel workbook. */
  csv?: Readable;
  xlsx?: Buffer;
  /** Called now and then with rows read and bytes read so far. */
  onProgress?: (rows: number, bytes: number) => void;
  /** Called once every row is read and checked, as the last rows are written and the load commits. */
  onWriting?: () => void;
  /** The file's SHA-256 when the caller already knows it (the CLI hashes a file first): a known file is answered at once. */
  sha256?: string;
}

const MAX_ERRORS = 50;
class DuplicateFile extends Error {}
const STAGE = 'pay_facts_stage';

/** Audit row written inside the COPY transaction (same columns auditService.record fills). */
async function auditRaw(query: RawQuery, actor: Actor, entityId: number, after: unknown) {
  await query(`insert into audit_log (tenant_id, actor_user_id, actor_name, action, entity, entity_id, after, ip) values ($1, $2, $3, 'import', 'pay_facts', $4, $5::jsonb, $6)`,
    [actor.tenantId, actor.userId || null, actor.displayName, String(entityId), JSON.stringify(after), actor.ip]);
}

export const factsService = {
  /**
   * Loads a fact file into a period: all rows or none, streamed through COPY so memory stays flat.
   * The same file twice (same SHA-256) adds nothing; rows carrying a source ref already loaded
   * are skipped (ON CONFLICT DO NOTHING). The first bad row stops the load; the report names up
   * to 50 bad rows with column and reason.
   */
  async importFile(database: Database, actor: Actor, periodId: number, src: ImportSource): Promise<PayImportReport> {
    authorize(actor, 'pay.facts.write');
    const started = performance.now();
    const period = await repo.period(database.db, actor.tenantId, periodId);
    if (!period) throw notFound();
    if (src.sha256 && await repo.fileKnown(database.db, actor.tenantId, src.sha256)) {
      src.csv?.destroy();
      return { fileName: src.fileName, rows: 0, imported: 0, skipped: 0, duplicateFile: true, errors: [], durationMs: Math.round(performance.now() - started) };
    }
    const staffIds = await repo.staffIds(database.db, actor.tenantId);
    const hash = createHash('sha256');
    let bytes = 0;
    let rows = 0;
    const errors: ImportRowError[] = [];
    const fail = (): never => {
      throw new AppError('import_failed', { details: { report: { fileName: src.fileName, rows, imported: 0, skipped: 0, duplicateFile: false, errors, durationMs: Math.round(performance.now() - started) } } });
    };
    if (src.xlsx) { hash.update(src.xlsx); bytes = src.xlsx.length; }
    const outcome = await copyTransaction(database, async (query, copy) => {
      // One writer per period at a time (see packages/db/src/pay-facts.ts): the period's first load
      // creates its partition once, and file ids — so fact ids — of a period grow in commit order.
      await lockFactPeriod(query, periodId);
      const partitionExists = await factPartitionExists(query, periodId);
      const [file] = await query<{ id: number }>(`insert into pay_fact_files (tenant_id, period_id, sha256, file_name, row_count, created_by) values ($1, $2, $3, $4, 0, $5) returning id`,
        [actor.tenantId, periodId, `pending:${Math.random().toString(36).slice(2)}:${Date.now()}`, src.fileName, actor.userId || null]);
      const fileId = file!.id;
      if (fileId > MAX_FACT_FILE_ID) throw new Error(`fact file id ${fileId} above ${MAX_FACT_FILE_ID}: fact ids would lose precision`);
      const ctx = { tenantId: actor.tenantId, periodId, period: period.period, staffIds, fileId };
      // COPY lines as bytes: plain lines written straight from the text, the others from checked records.
      const out = new FactCopyOut(ctx);
      const records = src.csv ? csvRecords(src.csv, hash, (n) => { bytes += n; }, out) : xlsxRecords(src.xlsx ?? Buffer.alloc(0), out);
      // Where the rows go, decided by the header: a file with a source-ref column through the
      // staging table (insert … on conflict do nothing skips refs already loaded); otherwise
      // straight into the period's partition, or — the period's first load — into a fresh table
      // that becomes the partition once loaded (its staff index built once, at attach).
      let writer: ReturnType<typeof copy> | null = null;
      let mode: 'staged' | 'append' | 'fresh' = 'append';
      let recordCount = 0;
      const send = async () => { for (const b of out.take()) if (writer && !errors.length) await writer.write(b); };
      outer: for await (const batch of records) {
        if (!writer && out.ready && !errors.length) {
          if (out.refColumn) {
            mode = 'staged';
            await ensureFactPartition(query, actor.tenantId, periodId);
            await query(`create temp table if not exists ${STAGE} (id bigint, tenant_id int, period_id int, staff_id int, kind text, sub_kind text, fact_date date, quantity int, amount_fen bigint,
              face_value_fen bigint, spent_fen bigint, gifted boolean, customer_id int, source_ref text, file_id int, note text) on commit drop`);
          } else if (!partitionExists) {
            mode = 'fresh';
            await createDetachedFactPartition(query, actor.tenantId, periodId);
          }
          writer = copy(`COPY ${mode === 'staged' ? STAGE : factPartition(periodId)} (id, ${COPY_COLUMNS})`);
        }
        for (const item of batch) {
          if ('headerError' in item) { errors.push(item.headerError); break outer; }
          recordCount++;
          try {
            const { line } = factLine(item.rec, ctx);
            if (!errors.length) out.text(line, item.row);
          } catch (e) {
            errors.push(rowError(item.row, e));
            if (errors.length >= MAX_ERRORS) break outer;
          }
        }
        rows = recordCount + out.fastCount;
        if (out.pending() >= 262_144) await send();
        src.onProgress?.(rows, bytes);
      }
      rows = recordCount + out.fastCount;
      src.onProgress?.(rows, bytes);
      if (errors.length) fail();
      if (rows === 0) { errors.push({ row: 2, column: '', message: { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' } }); fail(); }
      src.onWriting?.();
      await send();
      await writer?.end();
      const sha = hash.digest('hex');
      const dup = await query<{ id: number }>(`select id from pay_fact_files where tenant_id = $1 and sha256 = $2 and voided_at is null`, [actor.tenantId, sha]);
      // Same content loaded before: roll everything back, the file adds nothing.
      if (dup.length) throw new DuplicateFile();
      let imported = out.count;
      let maxFactId = factId(fileId, out.maxRow - 1);
      if (mode === 'fresh') await attachFactPartition(query, periodId);
      if (mode === 'staged') {
        const [ins] = await query<{ n: number; m: number | string | null }>(`with ins as (insert into pay_facts (id, ${COPY_COLUMNS}) select id, ${COPY_COLUMNS} from ${STAGE}
          on conflict (tenant_id, period_id, source_ref) where source_ref is not null do nothing returning id) select count(*)::int as n, max(id) as m from ins`);
        imported = ins?.n ?? 0;
        maxFactId = Number(ins?.m ?? 0);
      }
      await finishFactFile(query, actor.tenantId, fileId, { sha256: sha, rowCount: imported, maxFactId });
      await auditRaw(query, actor, fileId, { period: period.period, fileName: src.fileName, sha256: sha, rows, imported });
      return { duplicate: false as const, imported };
    }).catch((e: unknown) => {
      if (e instanceof AppError) throw e;
      if (e instanceof DuplicateFile) return { duplicate: true as const };
      const code = (e as { code?: string }).code;
      // A concurrent import of the same file, caught by the unique hash.
      if (code === '23505') return { duplicate: true as const };
      throw e;
    });
    const durationMs = Math.round(performance.now() - started);
    if (outcome.duplicate) return { fileName: src.fileName, rows, imported: 0, skipped: rows, duplicateFile: true, errors: [], durationMs };
    return { fileName: src.fileName, rows, imported: outcome.imported, skipped: rows - outcome.imported, duplicateFile: false, errors: [], durationMs };
  },

  /** Facts entered in a form or posted through the API: the same checks and load as a file. */
  async post(database: Database, actor: Actor, periodId: number, facts: PayFactInput[]): Promise<PayImportReport> {
    authorize(actor, 'pay.facts.write');
    const header: FactColumn[] = ['staffId', 'kind', 'date', 'quantity', 'amount', 'faceValue', 'spent', 'gifted', 'subKind', 'customerId', 'ref', 'note'];
    const esc = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    const lines = [header.join(','), ...facts.map((f) => [f.staffId, f.kind, f.date, f.quantity, f.amount, f.faceValue, f.spent, f.gifted ? 'true' : 'false', f.subKind, f.customerId ?? '', f.ref ?? '', f.note]
      .map((v) => esc(String(v))).join(','))];
    const text = lines.join('\n') + '\n';
    return this.importFile(database, actor, periodId, { fileName: `api-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.csv`, csv: Readable.from([Buffer.from(text)]) });
  },

  async summary(db: Db, actor: Actor, periodId: number) {
    authorize(actor, 'pay.facts.write');
    if (!(await repo.period(db, actor.tenantId, periodId))) throw notFound();
    return repo.factSummary(db, actor.tenantId, periodId, await voids.cut(db, actor.tenantId, periodId));
  },
};
