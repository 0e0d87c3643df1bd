// Stored notifications from deadline alerts (90/30/7 days) and loan warnings: pure, so the generator can run any number of times.
import { LOAN_CLASS_LABELS, type LoanClass } from './classification.ts';
import type { WarningKind, WarningSeverity } from './warnings.ts';

export interface NoticeDraft {
  userId: number;
  kind: 'deadline' | 'warning';
  /** Unique per recipient: one notice per deadline and stage, or per warning and its start. */
  dedupKey: string;
  severity: WarningSeverity;
  titleZh: string;
  titleEn: string;
  link: string;
}

export interface DeadlineAlertInput {
  alertKey: string; kind: 'limitation' | 'guarantee' | 'disposal'; date: string; stage: number; daysLeft: number; loanId: number; loanNo: string; subject: string;
}
export interface WarningInput { loanId: number; loanNo: string; customerName: string; kind: WarningKind; severity: WarningSeverity; since: string; detail: string; zh: string }

const KIND: Record<DeadlineAlertInput['kind'], { zh: string; en: string }> = {
  limitation: { zh: '诉讼时效', en: 'Limitation period' }, guarantee: { zh: '保证期间', en: 'Guarantee period' }, disposal: { zh: '抵债资产处置期限', en: 'Disposal deadline' },
};

/** 7 days or less (and the day itself, or past it) is high; 30 medium; 90 low. */
export const stageSeverity = (stage: number): WarningSeverity => (stage <= 7 ? 'high' : stage <= 30 ? 'medium' : 'low');

/** One notice per alert and recipient; `recipients(loanId)` names the users (manager and supervisor). */
export function deadlineNotices(alerts: readonly DeadlineAlertInput[], recipients: (loanId: number) => readonly number[]): NoticeDraft[] {
  return alerts.flatMap((a) => {
    const k = KIND[a.kind];
    const zhWhen = a.daysLeft > 0 ? `还有${a.daysLeft}天届满` : a.daysLeft === 0 ? '今日届满' : `已届满${-a.daysLeft}天`;
    const enWhen = a.daysLeft > 0 ? `ends in ${a.daysLeft} days` : a.daysLeft === 0 ? 'ends today' : `ended ${-a.daysLeft} days ago`;
    return recipients(a.loanId).map((userId) => ({
      userId, kind: 'deadline' as const, dedupKey: `deadline:${a.alertKey}`, severity: stageSeverity(a.stage),
      titleZh: `${a.stage ? `【${a.stage}天预警】` : '【到期】'}${k.zh}${zhWhen}（${a.date}）：${a.subject}，借据 ${a.loanNo}`,
      titleEn: `${a.stage ? `[${a.stage}-day alert] ` : '[due] '}${k.en} ${enWhen} (${a.date}): loan ${a.loanNo}`, link: `/loans/${a.loanId}`,
    }));
  });
}

const CODE = /\b(normal|special_mention|substandard|doubtful|loss)\b/g;
/** English text of a warning: a downgrade's class codes become the five-class names (Special mention → Substandard). */
const warningEn = (w: WarningInput): string => (w.kind === 'downgrade'
  ? w.detail.replace(CODE, (c) => { const n = LOAN_CLASS_LABELS[c as LoanClass].en; return n.charAt(0).toUpperCase() + n.slice(1); })
  : w.detail);

/** One notice per warning (kind and start) and recipient. */
export function warningNotices(warnings: readonly WarningInput[], recipients: (loanId: number) => readonly number[]): NoticeDraft[] {
  return warnings.flatMap((w) => recipients(w.loanId).map((userId) => ({
    userId, kind: 'warning' as const, dedupKey: `warning:${w.loanId}:${w.kind}:${w.since}`, severity: w.severity,
    titleZh: `风险预警：${w.customerName}（借据 ${w.loanNo}）${w.zh}`, titleEn: `Risk warning: loan ${w.loanNo} — ${warningEn(w)}`, link: `/loans/${w.loanId}`,
  })));
}

/**
 * The supervisors of a unit: those of the nearest unit on the way up (the unit itself first) that
 * has any. Paths are materialised (`/1/4/9/`), so an ancestor's path is a prefix.
 */
export function nearestSupervisors(unitPath: string, supervisors: readonly { userId: number; unitPath: string }[]): number[] {
  let best = -1;
  for (const s of supervisors) if (unitPath.startsWith(s.unitPath) && s.unitPath.length > best) best = s.unitPath.length;
  return supervisors.filter((s) => s.unitPath.length === best && unitPath.startsWith(s.unitPath)).map((s) => s.userId);
}
