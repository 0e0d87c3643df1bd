// Loan risk warnings (风险预警): overdue instalments, downgrades, overdue visits on large loans, guarantor problems.
import dayjs from 'dayjs';
import { isDowngrade, LOAN_CLASS_LABELS, type LoanClass } from './classification.ts';

export type WarningKind = 'overdue_instalment' | 'downgrade' | 'visit_overdue' | 'guarantor_problem' | 'matured_unpaid';
export type WarningSeverity = 'high' | 'medium' | 'low';

export interface LoanForWarnings {
  loanId: number;
  balanceFen: number;
  maturityDate: string;
  instalments: readonly { dueDate: string; principalFen: number; paidFen: number }[];
  classHistory: readonly { date: string; from: LoanClass | null; to: LoanClass }[];
  lastVisit: string | null;
  guarantors: readonly { id: number; problem: string | null }[];
}

export interface LoanWarning { loanId: number; kind: WarningKind; severity: WarningSeverity; since: string; detail: string; zh: string }

/** 30万元以上 (inclusive) loans are visited monthly (clause 11), others quarterly. */
export const LARGE_LOAN_FEN = 300_000_00;

export function loanWarnings(l: LoanForWarnings, today: string, downgradeLookbackDays = 90): LoanWarning[] {
  const out: LoanWarning[] = [];
  const overdue = l.instalments.filter((i) => i.dueDate < today && i.paidFen < i.principalFen);
  if (overdue.length > 0) {
    const first = overdue.reduce((a, b) => (a.dueDate <= b.dueDate ? a : b));
    const days = dayjs(today).diff(dayjs(first.dueDate), 'day');
    out.push({ loanId: l.loanId, kind: 'overdue_instalment', severity: days > 90 ? 'high' : days > 30 ? 'medium' : 'low', since: first.dueDate, detail: `${overdue.length} instalment(s) overdue, the oldest ${days} days`, zh: `${overdue.length}期逾期，最早一期已逾期${days}天` });
  }
  if (l.balanceFen > 0 && l.maturityDate < today) {
    out.push({ loanId: l.loanId, kind: 'matured_unpaid', severity: 'high', since: l.maturityDate, detail: `balance outstanding after maturity ${l.maturityDate}`, zh: `已于${l.maturityDate}到期，余额未还清` });
  }
  const since = dayjs(today).subtract(downgradeLookbackDays, 'day').format('YYYY-MM-DD');
  for (const c of l.classHistory) {
    if (c.from && c.date >= since && isDowngrade(c.from, c.to)) {
      out.push({ loanId: l.loanId, kind: 'downgrade', severity: c.to === 'special_mention' ? 'medium' : 'high', since: c.date, detail: `${c.from} → ${c.to}`, zh: `${LOAN_CLASS_LABELS[c.from].zh} → ${LOAN_CLASS_LABELS[c.to].zh}` });
    }
  }
  if (l.balanceFen >= LARGE_LOAN_FEN) {
    const due = l.lastVisit ? dayjs(l.lastVisit).add(1, 'month').format('YYYY-MM-DD') : null;
    if (due === null || due < today) out.push({ loanId: l.loanId, kind: 'visit_overdue', severity: 'medium', since: due ?? today, detail: l.lastVisit ? `last visit ${l.lastVisit}; large loans are visited monthly` : 'never visited; large loans are visited monthly', zh: l.lastVisit ? `上次走访${l.lastVisit}；30万元以上贷款客户每月至少走访一次` : '从未走访；30万元以上贷款客户每月至少走访一次' });
  }
  for (const g of l.guarantors) if (g.problem) out.push({ loanId: l.loanId, kind: 'guarantor_problem', severity: 'medium', since: today, detail: g.problem, zh: g.problem });
  return out;
}
