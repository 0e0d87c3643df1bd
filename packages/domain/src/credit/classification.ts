// Five-class loan classification (五级分类) and NPL figures.
import { Decimal } from 'decimal.js';

export const LOAN_CLASSES = ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'] as const;
export type LoanClass = (typeof LOAN_CLASSES)[number];
export const LOAN_CLASS_LABELS: Record<LoanClass, { zh: string; en: string }> = {
  normal: { zh: '正常', en: 'normal' },
  special_mention: { zh: '关注', en: 'special mention' },
  substandard: { zh: '次级', en: 'substandard' },
  doubtful: { zh: '可疑', en: 'doubtful' },
  loss: { zh: '损失', en: 'loss' },
};

/** 不良贷款 = 次级 + 可疑 + 损失. */
export const isNonPerforming = (c: LoanClass): boolean => c === 'substandard' || c === 'doubtful' || c === 'loss';
export const classRank = (c: LoanClass): number => LOAN_CLASSES.indexOf(c);
/** A move to a worse class (e.g. 正常 → 关注). */
export const isDowngrade = (from: LoanClass, to: LoanClass): boolean => classRank(to) > classRank(from);
/** A loan that became non-performing with this change (a new NPL, attributed to the recommending manager). */
export const becomesNpl = (from: LoanClass | null, to: LoanClass): boolean => isNonPerforming(to) && (from === null || !isNonPerforming(from));

/** A ratio as a 4-place decimal string, or null when the base is zero. */
export function ratio(part: number, whole: number): string | null {
  if (whole === 0) return null;
  return new Decimal(part).div(whole).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);
}

export interface BalanceByClass { loanClass: LoanClass; balanceFen: number }

/** NPL ratio = (次级 + 可疑 + 损失) ÷ total balance. */
export function nplRatio(rows: readonly BalanceByClass[]): { nplFen: number; totalFen: number; ratio: string | null } {
  let nplFen = 0;
  let totalFen = 0;
  for (const r of rows) {
    totalFen += r.balanceFen;
    if (isNonPerforming(r.loanClass)) nplFen += r.balanceFen;
  }
  return { nplFen, totalFen, ratio: ratio(nplFen, totalFen) };
}
