import { can, maskIdCard } from '@kehu/domain';
import type { AuditEntry, AuditPage, AuditQuery, HistoryEntry } from '@kehu/contracts';
import type { Executor } from '@kehu/db';
import { authorize, type Actor } from '../../lib/actor.ts';
import { auditRepository } from './audit.repository.ts';

/** Fields never written to the audit log. */
const SECRET_FIELDS = new Set(['passwordHash', 'password']);
/** Fields shown masked to readers who may not see them whole. */
const MASKED_FIELDS: Record<string, (v: string) => string> = { idCardNo: maskIdCard };

function scrub(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value ?? null;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => !SECRET_FIELDS.has(k)));
}

function redactFor(actor: Actor, value: unknown): unknown {
  if (!value || typeof value !== 'object' || can(actor.role, 'staff.readIdCard')) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) =>
    [k, typeof v === 'string' && MASKED_FIELDS[k] ? MASKED_FIELDS[k](v) : v]));
}

type Row = Awaited<ReturnType<typeof auditRepository.forEntity>>[number];

function toEntry(actor: Actor, r: Row): AuditEntry {
  return {
    id: r.id, at: new Date(r.at).toISOString(), actorUserId: r.actorUserId, actorName: r.actorName, action: r.action,
    entity: r.entity, entityId: r.entityId, before: redactFor(actor, r.before), after: redactFor(actor, r.after), ip: r.ip,
  };
}

export const auditService = {
  /**
   * Records one write. Called inside the writing transaction, so the change and its
   * audit row commit together or not at all.
   */
  async record(tx: Executor, actor: Actor, e: { action: string; entity: string; entityId: string | number | null; before?: unknown; after?: unknown }): Promise<void> {
    await auditRepository.insert(tx, {
      tenantId: actor.tenantId, actorUserId: actor.userId || null, actorName: actor.displayName, action: e.action, entity: e.entity,
      entityId: e.entityId === null ? null : String(e.entityId), before: scrub(e.before), after: scrub(e.after), ip: actor.ip,
    });
  },

  async list(db: Executor, actor: Actor, q: AuditQuery): Promise<AuditPage> {
    authorize(actor, 'audit.read');
    const { items, total } = await auditRepository.page(db, actor.tenantId, q);
    return { items: items.map((r) => toEntry(actor, r)), total, page: q.page, pageSize: q.pageSize };
  },

  /**
   * The change history of one record, newest first, as field-by-field differences.
   * The caller (the owning module's service) has already checked access to the record.
   */
  async history(db: Executor, actor: Actor, entity: string, entityId: number): Promise<HistoryEntry[]> {
    const rows = await auditRepository.forEntity(db, actor.tenantId, entity, String(entityId));
    return rows.map((r) => {
      const before = (redactFor(actor, r.before) ?? {}) as Record<string, unknown>;
      const after = (redactFor(actor, r.after) ?? {}) as Record<string, unknown>;
      const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .filter((f) => !['updatedAt', 'createdAt', 'version', 'tenantId'].includes(f) && JSON.stringify(before[f]) !== JSON.stringify(after[f]));
      return {
        id: r.id, at: new Date(r.at).toISOString(), actor: r.actorName, action: r.action,
        changes: fields.map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null })),
      };
    });
  },
};
