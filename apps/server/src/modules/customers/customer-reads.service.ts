// Reads other modules need of customers (the credit ledger: borrowers by number, last visits), kept apart from the customers service's own work.
import { and, eq, inArray, like, or } from 'drizzle-orm';
import { customers, orgUnits, type Executor } from '@kehu/db';
import { customersRepository as repo } from './customers.repository.ts';

export interface CustomerRef { id: number; customerNo: string; idNo: string; name: string; orgUnitId: number }

export const customerReads = {
  /** Last visit date per customer (anyone's visit counts), for the large-loan visit warning. */
  lastVisits(db: Executor, tenantId: number, customerIds: number[]): Promise<Map<number, string>> {
    return repo.lastVisits(db, tenantId, customerIds);
  },

  /** Customer ids by customer number (balance files name the account holder by number). */
  async idsByNumber(db: Executor, tenantId: number, numbers: string[]): Promise<Map<string, number>> {
    return new Map((await repo.byNumbers(db, tenantId, numbers)).map((c) => [c.customerNo, c.id]));
  },

  /** Customers named by customer number or ID number, limited to a unit subtree (`/` = the tenant). */
  async byNumberOrIdNo(db: Executor, tenantId: number, numbers: string[], idNos: string[], unitPath: string): Promise<CustomerRef[]> {
    if (!numbers.length && !idNos.length) return [];
    return db.select({ id: customers.id, customerNo: customers.customerNo, idNo: customers.idNo, name: customers.name, orgUnitId: customers.orgUnitId }).from(customers)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.orgUnitId)))
      .where(and(eq(customers.tenantId, tenantId), like(orgUnits.path, `${unitPath}%`),
        or(numbers.length ? inArray(customers.customerNo, numbers) : undefined, idNos.length ? inArray(customers.idNo, idNos) : undefined)));
  },
};
