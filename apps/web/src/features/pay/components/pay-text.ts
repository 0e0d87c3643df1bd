import { useI18n } from '../../../lib/i18n/use-i18n.ts';

/** The pay pages' own strings, both languages side by side (the shell dictionary holds only the menu). */
const TEXT = {
  periods: ['结算期', 'Pay periods'], newPeriod: ['新建结算期', 'New period'], period: ['结算期', 'Period'], status: ['状态', 'Status'],
  open: ['未锁定', 'Open'], locked: ['已锁定', 'Locked'], facts: ['事实数', 'Facts'], runs: ['结算批次', 'Runs'], pendingAdj: ['待付调整', 'Adjustments'],
  importFacts: ['导入业绩事实', 'Import facts'], enterFact: ['逐条录入', 'Enter one fact'], importHint: ['CSV 或 Excel：员工编号, 类型, 日期, 数量, 金额, 卡面额, 消费额, 赠饮, 子类, 来源单号；全部成功才载入，同一文件重复导入不会重复计入。', 'CSV or Excel: staffId, kind, date, quantity, amount, faceValue, spent, gifted, subKind, ref; all rows or none, and the same file twice adds nothing.'],
  chooseFile: ['选择文件', 'Choose file'], upload: ['上传并导入', 'Upload and import'], uploading: ['上传中', 'Uploading'], processing: ['校验并载入中…', 'Checking and loading…'],
  imported: ['已导入 {n} 行（跳过已载入 {s} 行）', 'Imported {n} rows ({s} already loaded)'], duplicate: ['该文件已导入过，未新增数据', 'This file was imported before; nothing added'],
  importFailed: ['导入失败，未载入任何数据', 'Import failed; nothing was loaded'], row: ['行', 'Row'], column: ['列', 'Column'], reason: ['原因', 'Reason'],
  kind: ['类型', 'Kind'], rows: ['行数', 'Rows'], people: ['人数', 'People'], amount: ['金额', 'Amount'],
  runSettlement: ['计算本期薪资', 'Run settlement'], seq: ['批次', 'Run'], headcount: ['人数', 'People'], total: ['合计', 'Total'], createdAt: ['计算时间', 'Computed'],
  review: ['审核', 'Review'], approve: ['批准', 'Approve'], lock: ['锁定', 'Lock'], return: ['退回', 'Send back'], view: ['查看', 'View'],
  draft: ['草稿', 'Draft'], reviewed: ['已审核', 'Reviewed'], approved: ['已批准', 'Approved'], superseded: ['已被重算取代', 'Superseded'],
  lockConfirm: ['锁定后本期永不更改，之后的更正只能作为下期调整。确定锁定？', 'Once locked the period never changes; later corrections become adjustments. Lock it?'],
  correct: ['更正锁定期（补录或作废事实）', 'Correct locked period (late or voided facts)'], corrected: ['生成 {n} 条调整，计入 {p}', '{n} adjustments created in {p}'], noCorrection: ['无差异，无需更正', 'No difference; nothing to correct'],
  slips: ['工资单', 'Pay slips'], name: ['姓名', 'Name'], unit: ['机构', 'Unit'], payday: ['发薪日', 'Payday'], export: ['导出 Excel', 'Export Excel'],
  diff: ['与上次结算对比', 'Difference from the previous run'], before: ['之前', 'Before'], after: ['之后', 'After'], delta: ['差额', 'Difference'], change: ['变化', 'Change'],
  added: ['新增', 'Added'], removed: ['移除', 'Removed'], changed: ['变化', 'Changed'], same: ['不变', 'Same'],
  plans: ['薪酬方案', 'Pay plans'], newPlan: ['新建方案', 'New plan'], preset: ['预置规则', 'Preset'], code: ['编码', 'Code'], title: ['名称', 'Title'], version: ['版本', 'Version'],
  assignments: ['适用范围', 'Who it applies to'], assign: ['分配方案', 'Assign plan'], plan: ['方案', 'Plan'], position: ['岗位', 'Position'], hireType: ['用工类型', 'Hire type'],
  validFrom: ['生效日', 'From'], validTo: ['失效日', 'To'], any: ['不限', 'Any'],
  whatIf: ['模拟测算', 'What-if'], whatIfHint: ['用草稿方案重算过去的结算期，不保存任何薪资；与实发对比。', 'Re-run a past period with a draft policy, saving nothing; compared with what was paid.'],
  document: ['方案文档（YAML）', 'Policy document (YAML)'], startFrom: ['从方案开始', 'Start from plan'], startFromHint: ['选一个本单位的方案，在其文档上修改后测算', 'Pick one of your plans and edit its document before simulating'], simulate: ['测算', 'Simulate'], paid: ['实发', 'Paid'], simulated: ['测算', 'Simulated'],
  mySlips: ['我的工资单', 'My pay slips'], components: ['薪资项目', 'Components'], clause: ['条款', 'Clause'], formula: ['公式', 'Formula'], inputs: ['输入', 'Inputs'],
  counted: ['计入的事实', 'Facts that counted'], excluded: ['未计入的事实及原因', 'Facts that did not count, and why'], showFacts: ['查看明细事实', 'Show the facts'],
  dispute: ['申诉', 'Dispute'], disputeComment: ['申诉说明', 'What is wrong'], submit: ['提交', 'Submit'], disputes: ['薪资申诉', 'Pay disputes'],
  comment: ['说明', 'Comment'], answer: ['答复', 'Answer'], accept: ['接受（生成调整）', 'Accept (adjustment)'], reject: ['驳回', 'Reject'], correction: ['更正金额（元）', 'Correction (yuan)'],
  disputeOpen: ['待处理', 'Open'], disputeAccepted: ['已接受', 'Accepted'], disputeRejected: ['已驳回', 'Rejected'], adjustmentIn: ['调整计入 {p}：{a}', 'Adjustment in {p}: {a}'],
  print: ['打印', 'Print'], corrects: ['更正 {p}', 'Corrects {p}'], countedYes: ['计入', 'Counted'], countedNo: ['未计入', 'Not counted'], date: ['日期', 'Date'],
  quantity: ['数量', 'Qty'], faceValue: ['卡面额', 'Card'], spent: ['消费', 'Spent'], gifted: ['赠饮', 'Gifted'], line: ['项目', 'Line'], runStatus: ['结算状态', 'Run status'],
  slipTitle: ['工资单', 'Pay slip'], noSlips: ['暂无工资单', 'No slips yet'], planTitle: ['适用方案', 'Plan'],
  raisedAt: ['申诉时间', 'Raised'], disputeSent: ['申诉已提交，等待人力答复', 'Dispute sent; HR will answer'], noDisputes: ['暂无薪资申诉；在工资单的项目上点“申诉”即可提出', 'No disputes; raise one from a line of a pay slip'],
  noPeriods: ['暂无结算期；在右上角选择月份后新建', 'No pay periods yet; pick a month above and create one'], pickPeriod: ['请选择左侧的结算期', 'Pick a period on the left'],
  noRuns: ['本期尚未计算薪资', 'No settlement run for this period yet'], noPlans: ['暂无薪酬方案', 'No pay plans yet'], noAssignments: ['暂无方案分配', 'No plan assignments yet'],
  credits: ['共管客户分成', 'Shared customers: credit split'], customer: ['客户', 'Customer'], share: ['管户比例', 'Share'], cards: ['卡数', 'Cards'],
  wholeAmount: ['整单金额', 'Whole amount'], credited: ['分得金额', 'Credited'], restShare: ['余额归开单人', 'Rest kept as seller'],
  keptLeft: ['{name} 已离职，其份额归开单人', '{name} has left: their share is kept by the seller'],
  keptNoPlan: ['{name} 本期无薪酬方案（无工资单），其份额归开单人', '{name} has no pay plan this period (no slip): their share is kept by the seller'],
  evaluation: ['考核结果', 'Evaluation'], coefficient: ['考核系数', 'Coefficient'], band: ['等级', 'Band'], noEvaluation: ['无已发布的考核结果（系数按 1）', 'No published evaluation (coefficient 1)'],
  edit: ['修改', 'Edit'], end: ['结束', 'End'], editAssignment: ['修改方案分配', 'Edit assignment'], endAssignment: ['结束方案分配', 'End assignment'],
  endOn: ['最后生效日', 'Last day'], save: ['保存', 'Save'], saved: ['已保存', 'Saved'],
  ledger: ['导入记录与事实明细', 'Files and facts'], files: ['导入记录', 'Files'], factList: ['事实明细', 'Facts'], fileName: ['文件', 'File'], loadedBy: ['导入人', 'By'],
  loadedAt: ['导入时间', 'Loaded'], voidedCount: ['其中作废', 'Voided'], ref: ['来源单号', 'Ref'], staff: ['员工', 'Staff'], live: ['有效', 'Counts'],
  voided: ['已作废', 'Void'], voidAction: ['作废', 'Void'], voidFileTitle: ['作废文件“{f}”', 'Void the file "{f}"'], voidFactTitle: ['作废这条事实', 'Void this fact'],
  voidHint: ['作废后该数据不再计入之后的结算（不删除、可追溯）；已有的结算和已锁定的工资单不变。更正后的数据可重新导入或录入。', 'Voided data counts in no later run (nothing is deleted; the trail stays); runs already made and locked slips do not change. Load or enter the corrected data again.'],
  voidReason: ['作废原因', 'Reason'], voidDone: ['已作废 {n} 条事实；重新计算本期后生效', '{n} facts voided; they leave the next run'],
  voidDoneLocked: ['已作废 {n} 条事实；本期已锁定，请点“更正锁定期”把差额计入下期', '{n} facts voided; the period is locked, so use “Correct locked period” to pay the difference next period'],
  allKinds: ['全部类型', 'All kinds'], subAttendance: ['差勤', 'Attendance'], subPhoneCard: ['电话卡', 'Phone card'], subOther: ['其他', 'Other'], anyone: ['全部员工', 'Everyone'],
  phase_waiting: ['等待上传', 'Waiting for the upload'], phase_validating: ['读取并校验中：已处理 {n} 行', 'Reading and checking: {n} rows'], phase_writing: ['写入数据库：{n} 行', 'Writing {n} rows'],
  phase_done: ['完成：共 {n} 行', 'Done: {n} rows'], phase_failed: ['失败：未载入任何数据', 'Failed: nothing was loaded'],
} as const;
export type PayTextKey = keyof typeof TEXT;

export function usePayText() {
  const { locale } = useI18n();
  const i = locale === 'en' ? 1 : 0;
  return (k: PayTextKey, vars?: Record<string, string | number>) => {
    let s: string = TEXT[k][i];
    for (const [n, v] of Object.entries(vars ?? {})) s = s.replaceAll(`{${n}}`, String(v));
    return s;
  };
}

/** 600000 fen → "6,000.00". */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

const KINDS: Record<string, [string, string]> = {
  booking: ['订房', 'Booking'], card: ['办卡', 'Card sale'], sale: ['销售', 'Sale'], deposit: ['存款', 'Deposit'], loan: ['贷款', 'Loan'],
  leave: ['请假', 'Leave'], deduction: ['扣款', 'Deduction'], target: ['订房基数', 'Booking target'], base: ['底薪', 'Base'],
};

/** A fact kind in the user's language. */
export function useKindLabel() {
  const { locale } = useI18n();
  return (kind: string) => KINDS[kind]?.[locale === 'en' ? 1 : 0] ?? kind;
}

const INPUTS: Record<string, [string, string]> = {
  measure: ['计量', 'Measure'], band: ['档位', 'Band'], items: ['事实条数', 'Facts'], counted: ['计入数量', 'Counted'], quantity: ['数量', 'Quantity'],
  amount: ['金额', 'Amount'], source: ['来源', 'Source'],
};

/**
 * A slip line's input name in the user's language. A multiplier the engine names in both
 * ("× 订房完成率 / Booking completion rate") shows the user's half; other names it writes itself
 * (the multiplier's expression) stay as they are.
 */
export function inputLabel(key: string, locale: string): string {
  const known = INPUTS[key];
  if (known) return known[locale === 'en' ? 1 : 0];
  const both = /^× (.+?) \/ (.+)$/.exec(key);
  return both ? `× ${locale === 'en' ? both[2] : both[1]}` : key;
}

/**
 * Exact ratios the engine carries (0.49367088607594936709: nine or more decimals) cut to four for reading,
 * marked "…" as cut; callers keep the exact text in a tooltip.
 */
export function shortDecimals(text: string): string {
  return text.replace(/(\d\.\d{4})\d{5,}/g, '$1…');
}
