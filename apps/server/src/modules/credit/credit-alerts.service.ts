// The alert run: deadline alerts (90/30/7 days) and loan warnings become stored notifications for the manager and their supervisor.
import { deadlineNotices, warningNotices, type WarningKind, type WarningSeverity } from '@kehu/domain';
import type { AlertRunResult } from '@kehu/contracts';
import type { Db } from '@kehu/db';
import { authorize, type Actor } from '../../lib/actor.ts';
import { auditService } from '../audit/audit.service.ts';
import { notificationsService } from '../notifications/notifications.service.ts';
import { tenantAlertsOn } from './credit.service.ts';

export const creditAlertsService = {
  /**
   * Generates one tenant's notices for `today` (passed in: the daily job gives the business date, a
   * test any date). Recipients: the loan's managing manager and the supervisors of the nearest unit
   * above. Running it again on the same day, or on a later day within the same 90/30/7 stage,
   * stores nothing new (unique per recipient and alert key).
   */
  async generate(db: Db, tenantId: number, today: string): Promise<AlertRunResult> {
    // Reads only, then one idempotent insert: no transaction, so on the embedded database (one
    // connection) requests keep being served between the alert run's queries.
    // The loan data is read once, set-based (joined in the database, no id lists), for both deadlines and warnings.
    const { loans, deadlines, warnings } = await tenantAlertsOn(db, tenantId, today);
    const rec = await notificationsService.recipients(db, tenantId, loans.map((l) => ({ key: l.loan.id, staffId: l.loan.managerStaffId, unitPath: l.orgUnitPath })));
    const to = (loanId: number) => rec.get(loanId) ?? [];
    // Only alerts due now (past deadlines stay on the ledger page but are not pushed again).
    const drafts = [
      ...deadlineNotices(deadlines.items.filter((a) => a.daysLeft >= 0), to),
      ...warningNotices(warnings.items.map((w) => ({ ...w, kind: w.kind as WarningKind, severity: w.severity as WarningSeverity })), to),
    ];
    const created = await notificationsService.deliver(db, tenantId, drafts, today);
    return { today, deadlines: deadlines.items.length, warnings: warnings.items.length, created };
  },

  /** Every tenant (the daily job on server start and at each new business day). */
  async generateAll(db: Db, today: string): Promise<number> {
    let n = 0;
    for (const t of await notificationsService.tenantIds(db)) n += (await this.generate(db, t, today)).created;
    return n;
  },

  /** HR's "generate now": the actor's tenant, audited. */
  async generateNow(db: Db, actor: Actor, today: string): Promise<AlertRunResult> {
    authorize(actor, 'alerts.generate');
    const r = await this.generate(db, actor.tenantId, today);
    await auditService.record(db, actor, { action: 'generate', entity: 'notifications', entityId: today, after: r });
    return r;
  },
};
