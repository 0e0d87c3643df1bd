// 保证期间 — the guarantee period (Civil Code arts. 686, 692, 693, 694).
// Pure: the caller passes "today".
import { addMonths, assertIsoDate, daysBetween, shiftOffHolidays, type IsoDate } from './dates.ts';

/** Art. 686: a guarantee whose type is not agreed or unclear is a general guarantee. */
export type GuaranteeType = 'general' | 'joint' | 'unclear';

export const GUARANTEE_ACTION_KINDS = [
  'suit_against_debtor', // 对债务人提起诉讼
  'arbitration_against_debtor', // 对债务人申请仲裁
  'demand_to_guarantor', // 向保证人请求承担保证责任
  'suit_against_guarantor', // 对保证人提起诉讼
  'demand_to_debtor', // 向债务人催收 (does not preserve a guarantee)
] as const;
export type GuaranteeActionKind = (typeof GUARANTEE_ACTION_KINDS)[number];

export interface GuaranteeAction {
  id?: string;
  kind: GuaranteeActionKind;
  date: IsoDate;
  evidence?: string;
}

export interface GuaranteeInput {
  guarantorId?: string;
  type: GuaranteeType;
  /** The main debt's due date (主债务履行期限届满之日). */
  mainDueDate: IsoDate;
  /** The agreed end of the guarantee period, if any. */
  agreedEnd?: IsoDate | null;
  /** The agreement was unclear (e.g. "until principal and interest are repaid"). */
  agreedUnclear?: boolean;
  actions: readonly GuaranteeAction[];
  nonWorkingDays?: ReadonlySet<string>;
}

export type GuaranteeStatus = 'running' | 'preserved' | 'released';

export interface GuaranteeTraceLine {
  date: IsoDate;
  eventId?: string;
  kind: GuaranteeActionKind | 'period';
  counted: boolean;
  code: string;
  reason: string;
  zh: string;
}

export interface GuaranteeResult {
  type: 'general' | 'joint';
  /** The last day of the guarantee period (inclusive); never moves. */
  deadline: IsoDate;
  status: GuaranteeStatus;
  /** The action that preserved the guarantee, if any. */
  preservedBy: IsoDate | null;
  daysLeft: number;
  trace: GuaranteeTraceLine[];
}

const DEFAULT_MONTHS = 6;

export function computeGuaranteePeriod(input: GuaranteeInput, today: IsoDate): GuaranteeResult {
  assertIsoDate(today);
  const due = assertIsoDate(input.mainDueDate);
  const type = input.type === 'joint' ? 'joint' : 'general';
  const trace: GuaranteeTraceLine[] = [];
  let deadline: IsoDate;
  if (input.type === 'unclear') {
    trace.push({ date: due, kind: 'period', counted: true, code: 'unclear_type_general', zh: '未约定或约定不明的保证方式，按一般保证承担责任（民法典第686条）', reason: 'the guarantee type is not agreed or unclear: it is a general guarantee (art. 686)' });
  }
  if (input.agreedEnd && !input.agreedUnclear && assertIsoDate(input.agreedEnd) > due) {
    deadline = input.agreedEnd;
    trace.push({ date: due, kind: 'period', counted: true, code: 'agreed', zh: `约定的保证期间至${deadline}（民法典第692条）`, reason: `the agreed guarantee period ends on ${deadline} (art. 692)` });
  } else {
    deadline = addMonths(due, DEFAULT_MONTHS);
    const why = input.agreedUnclear
      ? 'the agreed period is unclear'
      : input.agreedEnd
        ? `the agreed end ${input.agreedEnd} is on or before the main debt's due date`
        : 'no period was agreed';
    const whyZh = input.agreedUnclear ? '保证期间约定不明' : input.agreedEnd ? `约定的保证期间（${input.agreedEnd}）早于或等于主债务履行期限` : '没有约定保证期间';
    trace.push({ date: due, kind: 'period', counted: true, code: 'default_6_months', zh: `${whyZh}：保证期间为主债务履行期限届满之日（${due}）起六个月，至${deadline}（民法典第692条）`, reason: `${why}: 6 months from the main debt's due date ${due}, to ${deadline} (art. 692)` });
  }
  deadline = shiftOffHolidays(deadline, input.nonWorkingDays);
  trace.push({ date: deadline, kind: 'period', counted: true, code: 'never_moves', zh: '保证期间不发生中止、中断和延长（民法典第692条）', reason: 'the guarantee period is never suspended, interrupted or extended (art. 692)' });

  const qualifies = (k: GuaranteeActionKind): boolean =>
    type === 'general' ? k === 'suit_against_debtor' || k === 'arbitration_against_debtor' : k === 'demand_to_guarantor' || k === 'suit_against_guarantor';

  let preservedBy: IsoDate | null = null;
  for (const a of [...input.actions].sort((x, y) => (x.date < y.date ? -1 : 1))) {
    const base = { date: assertIsoDate(a.date), eventId: a.id, kind: a.kind } as const;
    if (a.date > today) {
      trace.push({ ...base, counted: false, code: 'future', zh: `日期晚于今天（${today}）`, reason: `dated after today (${today})` });
    } else if (!qualifies(a.kind)) {
      trace.push({
        ...base,
        counted: false,
        code: 'wrong_action',
        zh: type === 'general' ? '一般保证须在保证期间内对债务人提起诉讼或申请仲裁（民法典第693条）' : '连带责任保证须在保证期间内请求保证人承担保证责任（民法典第693条）',
        reason:
          type === 'general'
            ? 'a general guarantee is kept only by suing the debtor or applying for arbitration against it within the period (art. 693)'
            : 'a joint-liability guarantee is kept only by demanding payment from the guarantor within the period (art. 693)',
      });
    } else if (a.date > deadline) {
      trace.push({ ...base, counted: false, code: 'too_late', zh: `晚于保证期间届满日${deadline}，保证人已免除保证责任（民法典第693条）`, reason: `after the guarantee period ended on ${deadline}; the guarantor was already released (art. 693)` });
    } else if (preservedBy) {
      trace.push({ ...base, counted: false, code: 'already_preserved', zh: `已于${preservedBy}主张过`, reason: `the guarantee was already preserved on ${preservedBy}` });
    } else {
      preservedBy = a.date;
      trace.push({ ...base, counted: true, code: 'preserves', zh: '在保证期间内主张，保证人不免责（民法典第693条）；保证债务的诉讼时效自此起算（民法典第694条）', reason: `within the guarantee period: the guarantor is not released (art. 693); the guarantee's own limitation period runs from here (art. 694)` });
    }
  }
  const status: GuaranteeStatus = preservedBy ? 'preserved' : today > deadline ? 'released' : 'running';
  return { type, deadline, status, preservedBy, daysLeft: daysBetween(today, deadline), trace };
}
