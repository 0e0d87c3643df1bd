import { and, eq, inArray, sql } from 'drizzle-orm';
import { customerAssignments, customers, orgUnits, staff, type Executor } from '@kehu/db';

/** Set-based reads for the portfolio figures evaluation uses: retention and the big-customer ranking. */
export const customersMetricsRepository = {
  /**
   * (manager, customer) pairs with an assignment overlapping [from, to] for active customers,
   * for managers of a unit subtree or one manager.
   */
  async heldDuring(db: Executor, tenantId: number, f: { unitPath?: string; staffId?: number; from: string; to: string }) {
    return db.selectDistinct({ staffId: customerAssignments.staffId, name: staff.name, customerId: customerAssignments.customerId }).from(customerAssignments)
      .innerJoin(customers, and(eq(customers.tenantId, customerAssignments.tenantId), eq(customers.id, customerAssignments.customerId)))
      .innerJoin(staff, and(eq(staff.tenantId, customerAssignments.tenantId), eq(staff.id, customerAssignments.staffId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, staff.tenantId), eq(orgUnits.id, staff.orgUnitId)))
      .where(and(eq(customerAssignments.tenantId, tenantId), sql`${customers.status} <> 'closed'`,
        sql`${customerAssignments.validFrom} <= ${f.to}`, sql`(${customerAssignments.validTo} is null or ${customerAssignments.validTo} >= ${f.from})`,
        f.staffId ? eq(customerAssignments.staffId, f.staffId) : undefined,
        f.unitPath ? sql`${orgUnits.path} like ${f.unitPath + '%'}` : undefined));
  },

  /** Permanent and temporary customers of a unit subtree (or the tenant) with their consumption. */
  async consumption(db: Executor, tenantId: number, unitPath: string | null) {
    return db.select({ id: customers.id, customerNo: customers.customerNo, name: customers.name, consumption: customers.consumption, permanent: customers.permanent, bigCustomer: customers.bigCustomer })
      .from(customers).innerJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.orgUnitId)))
      .where(and(eq(customers.tenantId, tenantId), sql`${customers.status} <> 'closed'`, sql`${customers.consumption} > 0 or ${customers.bigCustomer}`,
        unitPath ? sql`${orgUnits.path} like ${unitPath + '%'}` : undefined));
  },

  async setBigCustomer(db: Executor, tenantId: number, ids: number[], value: boolean): Promise<void> {
    if (ids.length === 0) return;
    await db.update(customers).set({ bigCustomer: value, version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, ids)));
  },
};
