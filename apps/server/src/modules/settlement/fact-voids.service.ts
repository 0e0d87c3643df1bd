import { sql } from 'drizzle-orm';
import type { PayFactFile } from '@kehu/contracts';
import { factPeriodLockKeys, type Db, type Executor } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { auditService } from '../audit/audit.service.ts';
import { factVoidsRepository as voids } from './fact-voids.repository.ts';
import { settlementRepository as repo } from './settlement.repository.ts';

const conflict = (zh: string, en: string) => new AppError('conflict', { message: { 'zh-CN': zh, en } });

/** Takes the period's fact lock (imports hold it too), so a void and a load never interleave. */
async function lockPeriod(tx: Executor, periodId: number) {
  const [a, b] = factPeriodLockKeys(periodId);
  await tx.execute(sql`select pg_advisory_xact_lock(${a}, ${b})`);
}

/**
 * Facts are never edited or deleted: a wrong file or a wrong fact is voided, with a reason, and
 * loaded again corrected. A run reads the voids up to its own void watermark, so runs made before
 * keep their facts; in an open period the next run leaves the voided facts out, and in a locked
 * one “更正锁定期” turns the difference into adjustments, as for late facts.
 */
export const factVoidsService = {
  async files(db: Db, actor: Actor, periodId: number): Promise<PayFactFile[]> {
    authorize(actor, 'pay.facts.write');
    if (!(await repo.period(db, actor.tenantId, periodId))) throw notFound();
    return voids.files(db, actor.tenantId, periodId);
  },

  async facts(db: Db, actor: Actor, periodId: number, q: { staffId?: number; kind?: string; fileId?: number; page: number; pageSize: number }) {
    authorize(actor, 'pay.facts.write');
    if (!(await repo.period(db, actor.tenantId, periodId))) throw notFound();
    return { ...(await voids.facts(db, actor.tenantId, periodId, q)), page: q.page, pageSize: q.pageSize };
  },

  /** Voids a whole file: none of its facts count from the next run on; the same file may be loaded again. */
  async voidFile(db: Db, actor: Actor, fileId: number, reason: string) {
    authorize(actor, 'pay.facts.write');
    return db.transaction(async (tx) => {
      const f = await voids.file(tx, actor.tenantId, fileId);
      if (!f) throw notFound();
      await lockPeriod(tx, f.periodId);
      const period = (await repo.period(tx, actor.tenantId, f.periodId))!;
      if (f.voidedAt) throw conflict(`文件“${f.fileName}”已作废`, `The file "${f.fileName}" is already void`);
      const facts = await voids.liveCount(tx, actor.tenantId, fileId);
      const voidId = await voids.voidFile(tx, actor.tenantId, { periodId: f.periodId, fileId, reason, by: actor.userId || null });
      await auditService.record(tx, actor, { action: 'void', entity: 'pay_fact_file', entityId: fileId, after: { period: period.period, fileName: f.fileName, facts, reason } });
      return { voidId, facts, periodLocked: period.status === 'locked' };
    });
  },

  /**
   * Voids one fact. The last fact still counting in its file voids the file (a form's entry is a
   * file of one), so entering the same fact again is not taken for a file already loaded.
   */
  async voidFact(db: Db, actor: Actor, factId: number, reason: string) {
    authorize(actor, 'pay.facts.write');
    const found = await voids.fact(db, actor.tenantId, factId);
    if (!found) throw notFound();
    if (!found.fileVoided && !found.factVoided && (await voids.liveCount(db, actor.tenantId, found.fileId)) === 1) return this.voidFile(db, actor, found.fileId, reason);
    return db.transaction(async (tx) => {
      await lockPeriod(tx, found.periodId);
      const f = (await voids.fact(tx, actor.tenantId, factId))!;
      if (f.fileVoided || f.factVoided) throw conflict('该条事实已作废', 'The fact is already void');
      const period = (await repo.period(tx, actor.tenantId, f.periodId))!;
      const voidId = await voids.voidFact(tx, actor.tenantId, { periodId: f.periodId, fileId: f.fileId, factId, sourceRef: f.sourceRef, reason, by: actor.userId || null });
      await auditService.record(tx, actor, { action: 'void', entity: 'pay_fact', entityId: factId, after: { period: period.period, staffId: f.staffId, kind: f.kind, sourceRef: f.sourceRef, reason } });
      return { voidId, facts: 1, periodLocked: period.status === 'locked' };
    });
  },
};
