import { can, visitSchedule, type DataScope } from '@kehu/domain';
import type { BigCustomerContact, BigCustomerContactCreate, BigCustomerContactLog, BigCustomerContactUpdate } from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { businessDate } from '@kehu/domain/business-date';
import { auditService } from '../audit/audit.service.ts';
import { customersService, fieldError } from './customers.service.ts';
import { portfolioRules } from './customers.rules.ts';
import { bigCustomerContactsRepository as repo } from './big-customer-contacts.repository.ts';

type Row = Awaited<ReturnType<typeof repo.list>>[number];
const toDto = ({ c, staffName }: Row): BigCustomerContact => ({
  id: c.id, customerId: c.customerId, staffId: c.staffId, staffName, contactDate: c.contactDate, contactPerson: c.contactPerson,
  channel: c.channel as BigCustomerContact['channel'], content: c.content, followUp: c.followUp, createdAt: new Date(c.createdAt).toISOString(),
});

async function loadCustomer(db: Executor, actor: Actor, scope: DataScope, id: number) {
  if (!(await customersService.findInScope(db, actor, id, scope))) throw notFound();
  return customersService.get(db, actor, id);
}

const entryFields = (c: Row['c']) => ({ customerId: c.customerId, staffId: c.staffId, contactDate: c.contactDate, contactPerson: c.contactPerson, channel: c.channel, content: c.content, followUp: c.followUp });

/**
 * A contact entry its author or HR may correct: the author (the staff member who recorded it,
 * with field-work rights) or anyone holding customers.correctContacts (HR, tenant-wide).
 */
async function loadCorrectable(db: Executor, actor: Actor, customerId: number, id: number) {
  const row = await repo.get(db, actor.tenantId, customerId, id);
  if (!row) throw notFound();
  const author = can(actor.role, 'visits.write') && actor.staffId !== null && actor.staffId === row.c.staffId;
  if (!author && !can(actor.role, 'customers.correctContacts')) {
    throw new AppError('forbidden', { message: { 'zh-CN': '只有记录人或人力管理员可以更正、删除联系记录', en: 'Only the author or HR may correct or delete a contact entry' } });
  }
  return row;
}

/**
 * Big customers' service archive: a contact log (date, person met, channel, content, follow-up)
 * and the next regular contact due by the portfolio policy (供电局细则 5.6: 定期联系，跟踪服务).
 */
export const bigCustomerContactsService = {
  async log(db: Db, actor: Actor, customerId: number): Promise<BigCustomerContactLog> {
    const scope = authorize(actor, 'customers.read');
    const today = businessDate();
    const c = await loadCustomer(db, actor, scope, customerId);
    const [rows, rules] = await Promise.all([repo.list(db, actor.tenantId, customerId), portfolioRules(db, actor.tenantId, today)]);
    const items = rows.map(toDto);
    const lastContact = items[0]?.contactDate ?? null;
    // From the later of the last contact and the day the current managers took the customer over.
    const since = c.managers.length ? c.managers.map((m) => m.validFrom).sort()[0]! : c.updatedAt.slice(0, 10);
    const s = visitSchedule({ subject: c, lastVisit: lastContact, since, today }, rules);
    return { customerId, bigCustomer: c.bigCustomer, everyMonths: s.months, lastContact, nextDue: s.dueDate, status: s.status, items };
  },

  async create(db: Db, actor: Actor, customerId: number, input: BigCustomerContactCreate): Promise<BigCustomerContactLog> {
    const scope = authorize(actor, 'visits.write');
    if (!actor.staffId) throw new AppError('forbidden');
    const staffId = actor.staffId;
    const today = businessDate();
    if (input.contactDate > today) throw fieldError('contactDate', '日期不能晚于今天', 'Date cannot be in the future');
    await db.transaction(async (tx) => {
      const c = await loadCustomer(tx, actor, scope, customerId);
      if (!c.bigCustomer) throw fieldError('customerId', '只有大客户记联系日志（请先评定为大客户）', 'Only big customers keep a contact log (select it as a big customer first)');
      const row = await repo.insert(tx, actor.tenantId, { customerId, staffId, ...input });
      await auditService.record(tx, actor, { action: 'create', entity: 'big_customer_contact', entityId: row.id, after: { customerId, contactDate: row.contactDate, channel: row.channel, contactPerson: row.contactPerson } });
    });
    return this.log(db, actor, customerId);
  },

  /** Corrects a contact entry (author or HR); the audit keeps how it read before. */
  async correct(db: Db, actor: Actor, customerId: number, id: number, input: BigCustomerContactUpdate): Promise<BigCustomerContact> {
    if (input.contactDate > businessDate()) throw fieldError('contactDate', '日期不能晚于今天', 'Date cannot be in the future');
    return db.transaction(async (tx) => {
      const before = await loadCorrectable(tx, actor, customerId, id);
      const after = await repo.update(tx, actor.tenantId, id, input);
      await auditService.record(tx, actor, { action: 'correct', entity: 'big_customer_contact', entityId: id, before: entryFields(before.c), after: entryFields(after) });
      return toDto({ c: after, staffName: before.staffName });
    });
  },

  /** Deletes a contact entry (author or HR); the audit keeps the entry. */
  async remove(db: Db, actor: Actor, customerId: number, id: number): Promise<void> {
    await db.transaction(async (tx) => {
      const before = await loadCorrectable(tx, actor, customerId, id);
      await repo.remove(tx, actor.tenantId, id);
      await auditService.record(tx, actor, { action: 'delete', entity: 'big_customer_contact', entityId: id, before: entryFields(before.c) });
    });
  },
};
