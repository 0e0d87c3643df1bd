import { and, eq } from 'drizzle-orm';
import { loans, type Executor } from '@kehu/db';

// The import's set-based writes are in loan-stage.repository.ts (loans) and loan-extras.repository.ts (guarantors, instalments).
export const loansImportRepository = {
  async loanIdByNo(db: Executor, tenantId: number, loanNo: string): Promise<number | null> {
    const [r] = await db.select({ id: loans.id }).from(loans).where(and(eq(loans.tenantId, tenantId), eq(loans.loanNo, loanNo)));
    return r?.id ?? null;
  },
};
