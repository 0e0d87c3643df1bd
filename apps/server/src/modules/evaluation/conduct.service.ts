import type { ConductCreate } from '@kehu/contracts';
import type { Db } from '@kehu/db';
import { notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { auditService } from '../audit/audit.service.ts';
import { evaluationRepository as repo } from './evaluation.repository.ts';

type ConductRowJoined = Awaited<ReturnType<typeof repo.conduct>>[number];
const toDto = (x: ConductRowJoined) => ({
  id: x.c.id, staffId: x.c.staffId, name: x.name, occurredOn: x.c.occurredOn, kind: x.c.kind, clause: x.c.clause, points: x.c.points, amountFen: x.c.amountFen, veto: x.c.veto, note: x.c.note,
});

/** Conduct records (spa and hotel rules): rewards and penalties that feed the scorecard and pay. */
export const conductService = {
  async list(db: Db, actor: Actor, q: { staffId?: number }) {
    const scope = authorize(actor, 'conduct.read');
    if (scope === 'own') return { items: actor.staffId ? (await repo.conduct(db, actor.tenantId, { staffIds: [actor.staffId] })).map(toDto) : [] };
    const rows = await repo.conduct(db, actor.tenantId, { ...(q.staffId ? { staffIds: [q.staffId] } : {}), path: scope === 'subtree' ? (actor.orgPath ?? '/none/') : null });
    return { items: rows.map(toDto) };
  },

  async create(db: Db, actor: Actor, input: ConductCreate) {
    const scope = authorize(actor, 'conduct.write');
    return db.transaction(async (tx) => {
      const person = await repo.staffInfo(tx, actor.tenantId, input.staffId);
      if (!person || (scope !== 'tenant' && !(actor.orgPath && person.path.startsWith(actor.orgPath))) || person.id === actor.staffId) throw notFound();
      // A reward carries non-negative points, a penalty non-positive ones: the sign follows the kind.
      const points = input.kind === 'reward' ? Math.abs(input.points) : -Math.abs(input.points);
      const c = await repo.insertConduct(tx, actor.tenantId, { ...input, points: points.toFixed(2), recordedBy: actor.userId });
      await auditService.record(tx, actor, { action: 'create', entity: 'conduct_record', entityId: c.id, after: c });
      return toDto({ c, name: person.name });
    });
  },
};
