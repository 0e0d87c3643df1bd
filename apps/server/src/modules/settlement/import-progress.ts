import { randomUUID } from 'node:crypto';
import type { PayImportJob, PayImportPhase, PayImportReport } from '@kehu/contracts';
import { notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';

/**
 * Progress of fact imports, for the page's progress bar: the page opens a job, uploads the file
 * with the job id, and polls the job while the server reads, checks and writes the rows.
 * Kept in this process's memory (a job lives while its upload runs, then 15 minutes); a job is
 * seen only by the user who opened it.
 */
interface Job extends PayImportJob { tenantId: number; userId: number; touched: number }

const jobs = new Map<string, Job>();
const TTL_MS = 15 * 60_000;

function sweep(now: number) {
  for (const [id, j] of jobs) if (now - j.touched > TTL_MS) jobs.delete(id);
}

/** Share of the bar per phase: reading/checking follows the bytes received; writing and done finish it. */
function percentOf(j: Pick<Job, 'phase' | 'bytes' | 'totalBytes'>): number {
  if (j.phase === 'done') return 100;
  if (j.phase === 'writing') return 95;
  if (j.phase === 'validating') return j.totalBytes ? Math.min(90, Math.floor((j.bytes / j.totalBytes) * 90)) : 5;
  return 0;
}

const view = ({ tenantId: _t, userId: _u, touched: _x, ...j }: Job): PayImportJob => ({ ...j, percent: percentOf(j) });

export const importProgress = {
  open(actor: Actor, periodId: number, fileName: string, totalBytes: number | null): PayImportJob {
    authorize(actor, 'pay.facts.write');
    const now = Date.now();
    sweep(now);
    const job: Job = {
      jobId: randomUUID(), periodId, fileName, phase: 'waiting', rows: 0, bytes: 0, totalBytes, percent: 0, phases: ['waiting'], report: null, errors: [], message: null,
      tenantId: actor.tenantId, userId: actor.userId, touched: now,
    };
    jobs.set(job.jobId, job);
    return view(job);
  },

  get(actor: Actor, jobId: string): PayImportJob {
    authorize(actor, 'pay.facts.write');
    const j = jobs.get(jobId);
    if (!j || j.tenantId !== actor.tenantId || j.userId !== actor.userId) throw notFound();
    return view(j);
  },

  /** The job an upload reports to, if the page opened one (unknown or someone else's: none). */
  attach(actor: Actor, jobId: string | undefined, periodId: number) {
    const j = jobId ? jobs.get(jobId) : undefined;
    if (!j || j.tenantId !== actor.tenantId || j.userId !== actor.userId || j.periodId !== periodId) return null;
    const phase = (p: PayImportPhase) => {
      if (j.phase !== p) { j.phase = p; j.phases.push(p); }
      j.touched = Date.now();
    };
    return {
      progress(rows: number, bytes: number) {
        if (j.phase === 'waiting') phase('validating');
        j.rows = rows; j.bytes = bytes; j.touched = Date.now();
      },
      writing() { phase('writing'); },
      done(report: PayImportReport) { j.report = report; j.rows = report.rows; phase('done'); },
      failed(errors: PayImportJob['errors'], message: PayImportJob['message']) { j.errors = errors; j.message = message; phase('failed'); },
    };
  },
};
