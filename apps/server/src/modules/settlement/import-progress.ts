import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PayImportJob, PayImportPhase, PayImportReport } from '@kehu/contracts';
import type { Database, Executor } from '@kehu/db';
import { notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';

/**
 * Progress of fact imports, for the page's progress bar: the page opens a job, uploads the file
 * with the job id, and polls the job while the server reads, checks and writes the rows. A job is
 * a row of pay_import_jobs, so whichever server process (cluster worker) gets a poll can answer;
 * the process running the upload also keeps it in memory and answers from there, and writes its
 * progress to the row at most every quarter second (on PGlite, one process holding one connection
 * through the load, the memory copy is the only live one). A job is seen by the user who opened it only.
 */
type Job = PayImportJob & { tenantId: number; userId: number };
const live = new Map<string, Job>();
const WRITE_EVERY_MS = 250;

function percentOf(j: Pick<Job, 'phase' | 'bytes' | 'totalBytes'>): number {
  if (j.phase === 'done') return 100;
  if (j.phase === 'writing') return 95;
  if (j.phase === 'validating') return j.totalBytes ? Math.min(90, Math.floor((j.bytes / j.totalBytes) * 90)) : 5;
  return 0;
}

const view = ({ tenantId: _t, userId: _u, ...j }: Job): PayImportJob => ({ ...j, percent: percentOf(j) });

async function load(db: Executor, tenantId: number, jobId: string): Promise<Job | null> {
  const r = await db.execute(sql`select id, user_id as "userId", period_id as "periodId", file_name as "fileName", phase, phases, rows, bytes, total_bytes as "totalBytes", report, errors, message
    from pay_import_jobs where tenant_id = ${tenantId} and id = ${jobId}`);
  const x = (r as { rows: Record<string, unknown>[] }).rows[0];
  if (!x) return null;
  return {
    jobId: String(x.id), tenantId, userId: Number(x.userId), periodId: Number(x.periodId), fileName: String(x.fileName), phase: x.phase as PayImportPhase,
    phases: x.phases as PayImportPhase[], rows: Number(x.rows), bytes: Number(x.bytes), totalBytes: x.totalBytes === null ? null : Number(x.totalBytes), percent: 0,
    report: (x.report ?? null) as PayImportReport | null, errors: (x.errors ?? []) as Job['errors'], message: (x.message ?? null) as Job['message'],
  };
}

async function save(db: Executor, j: Job, final: boolean): Promise<void> {
  // A progress write never overwrites an ending (writes may arrive out of order).
  await db.execute(sql`update pay_import_jobs set phase = ${j.phase}, phases = ${JSON.stringify(j.phases)}::jsonb, rows = ${j.rows}, bytes = ${j.bytes},
      report = ${j.report ? JSON.stringify(j.report) : null}::jsonb, errors = ${JSON.stringify(j.errors)}::jsonb, message = ${j.message ? JSON.stringify(j.message) : null}::jsonb, updated_at = now()
    where tenant_id = ${j.tenantId} and id = ${j.jobId} ${final ? sql`` : sql`and phase not in ('done', 'failed')`}`);
}

export const importProgress = {
  async open(db: Executor, actor: Actor, periodId: number, fileName: string, totalBytes: number | null): Promise<PayImportJob> {
    authorize(actor, 'pay.facts.write');
    const jobId = randomUUID();
    // Jobs older than a day are of no use to anyone.
    await db.execute(sql`delete from pay_import_jobs where created_at < now() - interval '1 day'`);
    await db.execute(sql`insert into pay_import_jobs (tenant_id, id, user_id, period_id, file_name, total_bytes) values (${actor.tenantId}, ${jobId}, ${actor.userId}, ${periodId}, ${fileName}, ${totalBytes})`);
    return view((await load(db, actor.tenantId, jobId))!);
  },

  async get(db: Executor, actor: Actor, jobId: string): Promise<PayImportJob> {
    authorize(actor, 'pay.facts.write');
    const mem = live.get(jobId);
    const j = mem && mem.tenantId === actor.tenantId ? mem : await load(db, actor.tenantId, jobId);
    if (!j || j.userId !== actor.userId) throw notFound();
    return view(j);
  },

  /** The job an upload reports to, if the page opened one (unknown or someone else's: none). */
  async attach(database: Database, actor: Actor, jobId: string | undefined, periodId: number) {
    const j = jobId ? await load(database.db, actor.tenantId, jobId) : null;
    if (!j || j.userId !== actor.userId || j.periodId !== periodId || j.phase !== 'waiting') return null;
    live.set(j.jobId, j);
    const persist = database.kind === 'postgres';
    let written = 0;
    const write = (final: boolean) => save(database.db, j, final);
    const phase = (p: PayImportPhase) => { if (j.phase !== p) { j.phase = p; j.phases = [...j.phases, p]; } };
    const end = async () => {
      await write(true);
      // Polls of this process may still come for a moment; the row answers afterwards.
      setTimeout(() => live.delete(j.jobId), 60_000).unref();
    };
    return {
      progress(rows: number, bytes: number) {
        if (j.phase === 'waiting') phase('validating');
        j.rows = rows; j.bytes = bytes;
        const now = Date.now();
        if (persist && now - written >= WRITE_EVERY_MS) { written = now; void write(false).catch(() => undefined); }
      },
      writing() {
        phase('writing');
        if (persist) void write(false).catch(() => undefined);
      },
      async done(report: PayImportReport) { j.report = report; j.rows = report.rows; phase('done'); await end(); },
      async failed(errors: PayImportJob['errors'], message: PayImportJob['message']) { j.errors = errors; j.message = message; phase('failed'); await end(); },
    };
  },
};
