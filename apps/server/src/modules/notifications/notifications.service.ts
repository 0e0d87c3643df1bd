// Stored notifications (站内提醒): each recipient reads and marks their own; generators deliver idempotently.
import { nearestSupervisors, type NoticeDraft } from '@kehu/domain';
import type { NotificationList } from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import { notFound } from '../../errors/app-error.ts';
import type { Actor } from '../../lib/actor.ts';
import { notificationsRepository as repo } from './notifications.repository.ts';

export const notificationsService = {
  /** The signed-in user's notices, newest first, with the unread count (every role has a bell; no other permission is needed). */
  async list(db: Db, actor: Actor, q: { unread?: boolean; limit?: number }): Promise<NotificationList> {
    const [rows, unread] = await Promise.all([
      repo.forUser(db, actor.tenantId, actor.userId, { unreadOnly: !!q.unread, limit: q.limit ?? 50 }),
      repo.unreadCount(db, actor.tenantId, actor.userId),
    ]);
    return {
      unread,
      items: rows.map((r) => ({ id: r.id, kind: r.kind, severity: r.severity, titleZh: r.titleZh, titleEn: r.titleEn, link: r.link, refDate: r.refDate, createdAt: r.createdAt, readAt: r.readAt })),
    };
  },

  /** Marks one of the user's own notices read; someone else's is 404. */
  async markRead(db: Db, actor: Actor, id: number): Promise<{ unread: number }> {
    const n = await repo.byId(db, actor.tenantId, id);
    if (!n || n.userId !== actor.userId) throw notFound();
    await repo.markRead(db, actor.tenantId, actor.userId, [id]);
    return { unread: await repo.unreadCount(db, actor.tenantId, actor.userId) };
  },

  async markAllRead(db: Db, actor: Actor): Promise<{ unread: number }> {
    await repo.markRead(db, actor.tenantId, actor.userId, 'all');
    return { unread: 0 };
  },

  /**
   * Who hears about a loan: the users of its managing staff member and the supervisors of the
   * nearest unit up the tree that has any.
   */
  async recipients(db: Executor, tenantId: number, subjects: readonly { key: number; staffId: number; unitPath: string }[]): Promise<Map<number, number[]>> {
    const [people, sups] = await Promise.all([repo.usersOfStaff(db, tenantId, [...new Set(subjects.map((s) => s.staffId))]), repo.supervisors(db, tenantId)]);
    const out = new Map<number, number[]>();
    for (const s of subjects) {
      const own = people.filter((p) => p.staffId === s.staffId).map((p) => p.userId);
      out.set(s.key, [...new Set([...own, ...nearestSupervisors(s.unitPath, sups)])]);
    }
    return out;
  },

  /** Stores the drafts for a day; those already stored (same user and dedup key) are skipped. Returns how many are new. */
  async deliver(db: Executor, tenantId: number, drafts: readonly NoticeDraft[], refDate: string): Promise<number> {
    return repo.insertMany(db, tenantId, drafts.map((d) => ({ ...d, refDate })));
  },

  tenantIds: (db: Executor) => repo.tenantIds(db),
};
