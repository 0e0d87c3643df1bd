import { and, desc, eq } from 'drizzle-orm';
import { bigCustomerContacts, staff, type Executor } from '@kehu/db';

/** The contact log of big customers (供电局细则 5.6). */
export const bigCustomerContactsRepository = {
  async list(db: Executor, tenantId: number, customerId: number) {
    return db.select({ c: bigCustomerContacts, staffName: staff.name }).from(bigCustomerContacts)
      .innerJoin(staff, and(eq(staff.tenantId, bigCustomerContacts.tenantId), eq(staff.id, bigCustomerContacts.staffId)))
      .where(and(eq(bigCustomerContacts.tenantId, tenantId), eq(bigCustomerContacts.customerId, customerId)))
      .orderBy(desc(bigCustomerContacts.contactDate), desc(bigCustomerContacts.id));
  },

  async get(db: Executor, tenantId: number, customerId: number, id: number) {
    const [r] = await db.select({ c: bigCustomerContacts, staffName: staff.name }).from(bigCustomerContacts)
      .innerJoin(staff, and(eq(staff.tenantId, bigCustomerContacts.tenantId), eq(staff.id, bigCustomerContacts.staffId)))
      .where(and(eq(bigCustomerContacts.tenantId, tenantId), eq(bigCustomerContacts.customerId, customerId), eq(bigCustomerContacts.id, id)));
    return r ?? null;
  },

  async update(db: Executor, tenantId: number, id: number, v: Pick<typeof bigCustomerContacts.$inferInsert, 'contactDate' | 'contactPerson' | 'channel' | 'content' | 'followUp'>) {
    const [row] = await db.update(bigCustomerContacts).set(v).where(and(eq(bigCustomerContacts.tenantId, tenantId), eq(bigCustomerContacts.id, id))).returning();
    return row!;
  },

  async remove(db: Executor, tenantId: number, id: number): Promise<void> {
    await db.delete(bigCustomerContacts).where(and(eq(bigCustomerContacts.tenantId, tenantId), eq(bigCustomerContacts.id, id)));
  },

  async insert(db: Executor, tenantId: number, v: Omit<typeof bigCustomerContacts.$inferInsert, 'tenantId' | 'id' | 'createdAt'>) {
    const [row] = await db.insert(bigCustomerContacts).values({ ...v, tenantId }).returning();
    return row!;
  },
};
