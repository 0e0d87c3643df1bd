// 诉讼时效 — limitation period of a loan claim (Civil Code arts. 188, 189, 192, 194, 195, 520;
// 最高人民法院关于适用《中华人民共和国民法总则》诉讼时效制度若干问题的解释 for the 2017-10-01 transition).
// Pure: the caller passes "today"; nothing here reads the clock.
import { addMonths, addYears, assertIsoDate, daysBetween, maxDate, minDate, shiftOffHolidays, type IsoDate } from './dates.ts';

/** Interruptions (art. 195): a demand by the creditor, the debtor's consent, a suit or arbitration. */
export const INTERRUPTION_KINDS = [
  'demand_delivered', // 催收通知书 delivered and signed by the debtor
  'message_arrived', // 短信/电子邮件 etc. that reached the debtor
  'account_deduction', // 扣收: the bank deducted the debt from the debtor's account
  'public_notice', // 公告 in national or provincial media, debtor cannot be found
  'suit', // 起诉
  'arbitration', // 申请仲裁
  'acknowledgement', // debtor acknowledged the debt (同意履行)
  'part_payment', // 部分还款
  'repayment_plan', // 制定清偿计划
  'security_offered', // 提供担保
  'extension_requested', // 请求延期
] as const;
export type InterruptionKind = (typeof INTERRUPTION_KINDS)[number];

export const CLAIM_EVENT_KINDS = [...INTERRUPTION_KINDS, 'agreed_to_pay_after_expiry', 'obstacle'] as const;
export type ClaimEventKind = (typeof CLAIM_EVENT_KINDS)[number];

export const INTERRUPTION_LABELS: Record<ClaimEventKind, { zh: string; en: string }> = {
  demand_delivered: { zh: '催收通知送达签收', en: 'demand delivered and signed' },
  message_arrived: { zh: '催收信息到达', en: 'demand message arrived' },
  account_deduction: { zh: '账户扣收', en: 'deduction from the debtor’s account' },
  public_notice: { zh: '公告催收', en: 'public notice (debtor cannot be found)' },
  suit: { zh: '起诉', en: 'suit filed' },
  arbitration: { zh: '申请仲裁', en: 'arbitration applied for' },
  acknowledgement: { zh: '债务人承认债务', en: 'debtor acknowledged the debt' },
  part_payment: { zh: '部分还款', en: 'part payment' },
  repayment_plan: { zh: '制定还款计划', en: 'repayment plan' },
  security_offered: { zh: '提供担保', en: 'security offered' },
  extension_requested: { zh: '请求延期履行', en: 'debtor asked for more time' },
  agreed_to_pay_after_expiry: { zh: '时效届满后同意履行', en: 'debtor agreed to pay after expiry' },
  obstacle: { zh: '时效中止事由', en: 'obstacle (suspension)' },
};

export interface ClaimEvent {
  id?: string;
  kind: ClaimEventKind;
  /** The day of the act (for an obstacle: the day it began). */
  date: IsoDate;
  /** Which joint debtor the act concerned; omitted = the (only) debtor. */
  debtorId?: string;
  /** Suit/arbitration: the day the proceedings ended; the period restarts then (art. 195). Omitted = still pending. */
  proceedingsEndedOn?: IsoDate | null;
  /** Obstacle (art. 194): the day it ended; omitted = still continuing. */
  endedOn?: IsoDate | null;
  evidence?: string;
}

export interface ClaimInput {
  /** The day the creditor knew of the harm — for a loan, its due date (one-off debt). */
  dueDate?: IsoDate;
  /** Instalment debt: every instalment's due date; the period runs from the last one (art. 189). */
  instalmentDueDates?: readonly IsoDate[];
  /** The day the right was harmed, for the 20-year cap (art. 188); defaults to the start. */
  harmDate?: IsoDate;
  /** Joint debtors (art. 520: an interruption against one reaches all). */
  debtorIds?: readonly string[];
  events: readonly ClaimEvent[];
  /** Statutory holidays / non-working days, for art. 203; omitted = not modelled. */
  nonWorkingDays?: ReadonlySet<string>;
}

export type ClaimStatus =
  | 'running' // within the period
  | 'expired' // the period ran out; the debtor may refuse to pay (art. 192)
  | 'suspended' // an obstacle in the last 6 months is continuing
  | 'in_proceedings' // a suit or arbitration is pending; the period restarts when it ends
  | 'lapsed_old_rule'; // the old 2-year period ran out before 2017-10-01

export interface TraceLine {
  date: IsoDate;
  eventId?: string;
  kind: ClaimEventKind | 'start' | 'cap' | 'transition';
  counted: boolean;
  /** English explanation. */
  reason: string;
  /** Chinese explanation. */
  zh: string;
  code: string;
  /** The expiry after this line was applied (null while suspended or in proceedings). */
  expiryAfter: IsoDate | null;
}

export interface LimitationResult {
  start: IsoDate;
  status: ClaimStatus;
  /** Last day on which the creditor may still sue (inclusive); null while suspended / in proceedings / lapsed. */
  expiry: IsoDate | null;
  /** The absolute 20-year cap (art. 188). */
  cap: IsoDate;
  /** True when the debtor agreed to pay after expiry (art. 192): the defence is lost. */
  defenceWaived: boolean;
  daysLeft: number | null;
  trace: TraceLine[];
}

export const NEW_RULE_FROM = '2017-10-01';
const YEARS = 3;
const OLD_YEARS = 2;
const CAP_YEARS = 20;
const LAST_MONTHS = 6;

const isInterruption = (k: ClaimEventKind): k is InterruptionKind => (INTERRUPTION_KINDS as readonly string[]).includes(k);

/** Order of events on the same day: obstacles first, then acts, so an act on the day of expiry still counts. */
const kindOrder = (k: ClaimEventKind): number => (k === 'obstacle' ? 0 : k === 'agreed_to_pay_after_expiry' ? 2 : 1);

function startOf(input: ClaimInput): IsoDate {
  const dates = input.instalmentDueDates?.length ? [...input.instalmentDueDates] : input.dueDate ? [input.dueDate] : [];
  if (dates.length === 0) throw new RangeError('a claim needs a due date or instalment due dates');
  dates.forEach(assertIsoDate);
  return dates.reduce(maxDate);
}

interface Run {
  expiry: IsoDate | null;
  status: 'running' | 'suspended' | 'in_proceedings';
  waived: boolean;
  trace: TraceLine[];
}

/** One pass over the events with a given period length (3 years, or 2 for the old rule). */
function run(input: ClaimInput, start: IsoDate, cap: IsoDate, years: number, today: IsoDate, until?: IsoDate): Run {
  const hol = input.nonWorkingDays;
  const capped = (d: IsoDate): IsoDate => minDate(shiftOffHolidays(d, hol), cap);
  const debtors = input.debtorIds ?? [];
  let expiry: IsoDate | null = capped(addYears(start, years));
  let status: Run['status'] = 'running';
  let waived = false;
  const trace: TraceLine[] = [];
  const line = (l: Omit<TraceLine, 'expiryAfter'>) => trace.push({ ...l, expiryAfter: expiry });

  line({
    date: start,
    kind: 'start',
    counted: true,
    code: input.instalmentDueDates?.length ? 'start_last_instalment' : 'start_due_date',
    zh: input.instalmentDueDates?.length
      ? `分期履行的债务自最后一期履行期限届满之日${start}起算（民法典第189条）：${years}年至${expiry}届满`
      : `自到期日${start}起算（民法典第188条）：${years}年至${expiry}届满`,
    reason: input.instalmentDueDates?.length
      ? `the period runs from the last instalment's due date ${start} (art. 189): ${years} years end on ${expiry}`
      : `the period runs from the due date ${start} (art. 188): ${years} years end on ${expiry}`,
  });

  const events = [...input.events]
    .map((e) => ({ ...e, date: assertIsoDate(e.date) }))
    .sort((a, b) => (a.date === b.date ? kindOrder(a.kind) - kindOrder(b.kind) : a.date < b.date ? -1 : 1));

  for (const e of events) {
    const base = { date: e.date, eventId: e.id, kind: e.kind } as const;
    if (until && e.date >= until) break;
    if (e.date > today) {
      line({ ...base, counted: false, code: 'future', zh: `日期晚于今天（${today}），暂不计入`, reason: `dated after today (${today}); not counted yet` });
      continue;
    }
    if (e.date < start) {
      line({ ...base, counted: false, code: 'before_start', zh: `早于时效起算日（${start}），到期前的催收不中断时效`, reason: `before the period started (${start}); an act before the due date does not interrupt it` });
      continue;
    }
    if (e.debtorId && debtors.length > 0 && !debtors.includes(e.debtorId)) {
      line({ ...base, counted: false, code: 'not_a_debtor', zh: `${e.debtorId}不是本债权的债务人`, reason: `${e.debtorId} is not a debtor of this claim` });
      continue;
    }
    // A pending suit ends only when its proceedings end; acts meanwhile change nothing.
    if (status === 'in_proceedings') {
      line({ ...base, counted: false, code: 'during_proceedings', zh: '诉讼（仲裁）程序进行中，程序终结时起重新计算', reason: 'proceedings are pending; the period restarts when they end' });
      continue;
    }
    const expired = expiry !== null && e.date > expiry;
    const joint = e.debtorId && debtors.length > 1 ? ` against joint debtor ${e.debtorId}; it reaches all joint debtors (art. 520)` : '';
    const jointZh = e.debtorId && debtors.length > 1 ? `（对连带债务人${e.debtorId}发生，效力及于全体连带债务人，民法典第520条）` : '';

    if (e.kind === 'obstacle') {
      if (expiry === null) {
        line({ ...base, counted: false, code: 'already_suspended', zh: '时效已在中止中', reason: 'the period is already suspended' });
        continue;
      }
      const windowStart = addMonths(expiry, -LAST_MONTHS); // the last 6 months are (windowStart, expiry]
      const end = e.endedOn ? assertIsoDate(e.endedOn) : null;
      if (expired) {
        line({ ...base, counted: false, code: 'obstacle_after_expiry', zh: `发生在时效届满（${expiry}）之后`, reason: `began after the period ran out on ${expiry}` });
        continue;
      }
      const reachesWindow = e.date > windowStart || end === null || end > windowStart;
      if (!reachesWindow) {
        line({ ...base, counted: false, code: 'obstacle_outside_last_6_months', zh: `障碍于${end}消除，早于时效期间最后六个月（${windowStart}之后），不发生中止（民法典第194条）`, reason: `ended on ${end} before the last 6 months began (${windowStart} excluded); only an obstacle within the last 6 months suspends (art. 194)` });
        continue;
      }
      if (end === null || end > today) {
        expiry = null;
        status = 'suspended';
        line({ ...base, counted: true, code: 'obstacle_suspends', zh: `障碍发生在时效期间最后六个月内（${windowStart}之后），时效中止至障碍消除（民法典第194条）`, reason: `an obstacle within the last 6 months (after ${windowStart}) suspends the period until it ends (art. 194)` });
        continue;
      }
      const before = expiry;
      // Art. 194: the period ends 6 months after the obstacle ends; never earlier than it would have.
      expiry = capped(maxDate(addMonths(end, LAST_MONTHS), before));
      line({ ...base, counted: true, code: 'obstacle_suspends', zh: `障碍发生在最后六个月内（${windowStart}之后），于${end}消除：自消除之日起满六个月，即${expiry}届满（民法典第194条）`, reason: `an obstacle within the last 6 months (after ${windowStart}), ended ${end}: the period now ends 6 months later, on ${expiry} (art. 194)` });
      continue;
    }

    if (e.kind === 'agreed_to_pay_after_expiry') {
      if (!expired) {
        // Before expiry, agreeing to pay is plain consent (art. 195 ③).
        expiry = capped(addYears(e.date, years));
        line({ ...base, counted: true, code: 'consent_interrupts', zh: `时效届满前同意履行属于债务人同意履行义务，重新计算${years}年至${expiry}（民法典第195条）`, reason: `agreement to pay before expiry is consent and restarts ${years} years, to ${expiry} (art. 195)` });
        continue;
      }
      waived = true;
      expiry = shiftOffHolidays(addYears(e.date, years), hol);
      line({ ...base, counted: true, code: 'waiver_after_expiry', zh: `时效届满后同意履行，不得再以时效届满抗辩（民法典第192条）；新的${years}年期间至${expiry}`, reason: `agreeing to pay after expiry waives the defence (art. 192); a new ${years}-year period runs to ${expiry}` });
      continue;
    }

    if (!isInterruption(e.kind)) continue;
    if (expired) {
      line({
        ...base,
        counted: false,
        code: e.kind === 'account_deduction' ? 'deduction_after_expiry' : 'after_expiry',
        zh:
          e.kind === 'account_deduction'
            ? `时效已于${expiry}届满，届满后的扣收不中断时效`
            : `时效已于${expiry}届满，不能再中断（只有债务人同意履行才使其丧失时效抗辩，民法典第192条）`,
        reason:
          e.kind === 'account_deduction'
            ? `a deduction made after the period ran out on ${expiry} does not interrupt it`
            : `the period ran out on ${expiry}; an expired period cannot be interrupted (only the debtor's agreement to pay waives the defence, art. 192)`,
      });
      continue;
    }
    if ((e.kind === 'suit' || e.kind === 'arbitration') && !(e.proceedingsEndedOn && e.proceedingsEndedOn <= today)) {
      expiry = null;
      status = 'in_proceedings';
      line({ ...base, counted: true, code: 'proceedings_pending', zh: `${INTERRUPTION_LABELS[e.kind].zh}中断时效${jointZh}；程序终结时起重新计算（民法典第195条）`, reason: `${e.kind} interrupts the period${joint}; it restarts when the proceedings end (art. 195)` });
      continue;
    }
    const from = e.kind === 'suit' || e.kind === 'arbitration' ? assertIsoDate(e.proceedingsEndedOn ?? e.date) : e.date;
    const onExpiryDay = expiry === e.date ? ' (on the expiry day itself, which is still in time)' : '';
    const onExpiryDayZh = expiry === e.date ? '（发生在届满当日，仍在期间内）' : '';
    const wasSuspended = status === 'suspended';
    status = 'running';
    expiry = capped(addYears(from, years));
    line({
      ...base,
      counted: true,
      code: 'interrupts',
      zh: `${INTERRUPTION_LABELS[e.kind].zh}${onExpiryDayZh}${jointZh}${wasSuspended ? '（中止结束）' : ''}：自${from}起重新计算${years}年，至${expiry}（民法典第195条）`,
      reason: `${INTERRUPTION_LABELS[e.kind].en}${onExpiryDay}${joint}${wasSuspended ? ' (the suspension ends)' : ''}: ${years} years restart from ${from}, to ${expiry} (art. 195)`,
    });
    if (expiry === cap) trace.push({ date: cap, kind: 'cap', counted: true, code: 'cap_20_years', zh: '自权利受到损害之日起最长二十年（民法典第188条）', reason: `capped at 20 years from the harm (art. 188)`, expiryAfter: cap });
  }
  return { expiry, status, waived, trace };
}

/** Computes the limitation expiry of a claim, its status on `today`, and why. */
export function computeLimitation(input: ClaimInput, today: IsoDate): LimitationResult {
  assertIsoDate(today);
  const start = startOf(input);
  const harm = assertIsoDate(input.harmDate ?? start);
  const cap = addYears(harm, CAP_YEARS);

  // The transition (2017-10-01): a claim whose old 2-year period had run out before that day stays lapsed.
  if (start < NEW_RULE_FROM) {
    const old = run(input, start, cap, OLD_YEARS, today, NEW_RULE_FROM);
    if (old.status === 'running' && old.expiry !== null && old.expiry < NEW_RULE_FROM) {
      // Only the debtor's agreement to pay (art. 192) can still revive it.
      const waiver = [...input.events].filter((e) => e.kind === 'agreed_to_pay_after_expiry' && e.date >= NEW_RULE_FROM && e.date <= today).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
      const trace: TraceLine[] = [
        ...old.trace,
        { date: old.expiry, kind: 'transition', counted: true, code: 'lapsed_old_rule', zh: `按原两年时效，已于${old.expiry}届满（早于2017年10月1日），仍为已过时效`, reason: `under the old 2-year rule the period ran out on ${old.expiry}, before 2017-10-01; it stays lapsed`, expiryAfter: old.expiry },
      ];
      if (waiver) {
        const revived = run({ ...input, dueDate: waiver.date, instalmentDueDates: undefined, events: input.events.filter((e) => e.date > waiver.date), harmDate: waiver.date }, waiver.date, addYears(waiver.date, CAP_YEARS), YEARS, today);
        const expiry = revived.expiry;
        trace.push({ date: waiver.date, eventId: waiver.id, kind: waiver.kind, counted: true, code: 'waiver_after_expiry', zh: `时效届满后同意履行，不得再以时效届满抗辩（民法典第192条）；新的3年期间至${addYears(waiver.date, YEARS)}`, reason: `agreeing to pay after expiry waives the defence (art. 192); a new 3-year period runs to ${addYears(waiver.date, YEARS)}`, expiryAfter: expiry }, ...revived.trace.slice(1));
        return finish(start, cap, revived.status, expiry, true, trace, today);
      }
      for (const e of input.events.filter((x) => x.date >= NEW_RULE_FROM)) {
        trace.push({ date: e.date, eventId: e.id, kind: e.kind, counted: false, code: 'after_expiry', zh: '该债权按原规定已过时效', reason: 'the claim had already lapsed under the old rule', expiryAfter: old.expiry });
      }
      return { start, status: 'lapsed_old_rule', expiry: old.expiry, cap, defenceWaived: false, daysLeft: null, trace };
    }
  }
  const r = run(input, start, cap, YEARS, today);
  if (start < NEW_RULE_FROM) {
    r.trace.splice(1, 0, { date: NEW_RULE_FROM, kind: 'transition', counted: true, code: 'new_rule_applies', zh: '2017年10月1日前原两年时效尚未届满，适用三年时效', reason: 'the old 2-year period had not run out by 2017-10-01, so the 3-year period applies', expiryAfter: r.trace[0]?.expiryAfter ?? null });
  }
  return finish(start, cap, r.status, r.expiry, r.waived, r.trace, today);
}

function finish(start: IsoDate, cap: IsoDate, st: Run['status'], expiry: IsoDate | null, waived: boolean, trace: TraceLine[], today: IsoDate): LimitationResult {
  const status: ClaimStatus = st !== 'running' ? st : expiry !== null && today > expiry ? 'expired' : 'running';
  const daysLeft = expiry === null ? null : daysBetween(today, expiry);
  return { start, status, expiry, cap, defenceWaived: waived, daysLeft, trace };
}
