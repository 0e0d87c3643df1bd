// One loan row of an import file or a manual entry: columns, aliases and the checks that name the column and reason.
import { fenOfYuan, isCalendarDate, LOAN_CLASSES, type LoanClass } from '@kehu/domain';
import type { ImportRowError, LocalizedText } from '@kehu/contracts';
import type { SheetColumn } from '../../lib/excel-sheet.ts';

export const LOAN_COLUMNS = [
  { field: 'loanNo', zh: '借据号', en: 'Loan no.' },
  { field: 'customerNo', zh: '客户号', en: 'Customer no.', importIgnored: true },
  { field: 'idNo', zh: '证件号码', en: 'ID number', importIgnored: true },
  { field: 'product', zh: '贷款品种', en: 'Product' },
  { field: 'amount', zh: '金额', en: 'Amount' },
  { field: 'balance', zh: '余额', en: 'Balance', importIgnored: true },
  { field: 'annualRate', zh: '年利率', en: 'Annual rate' },
  { field: 'startDate', zh: '发放日', en: 'Start date' },
  { field: 'maturityDate', zh: '到期日', en: 'Maturity date' },
  { field: 'guaranteeType', zh: '担保方式', en: 'Guarantee type' },
  { field: 'collateral', zh: '抵押物', en: 'Collateral', importIgnored: true },
  { field: 'loanClass', zh: '五级分类', en: 'Class', importIgnored: true },
  { field: 'managerStaffId', zh: '管户经理编号', en: 'Manager staff no.' },
  { field: 'recommenderStaffId', zh: '推荐人编号', en: 'Recommender staff no.', importIgnored: true },
  { field: 'village', zh: '村', en: 'Village', importIgnored: true },
] as const satisfies readonly SheetColumn[];
export type LoanField = (typeof LOAN_COLUMNS)[number]['field'];
export type LoanRecord = Partial<Record<LoanField, string>>;

const PRODUCTS: Record<string, string> = {
  micro: 'micro', 小额信用贷款: 'micro', 小额贷款: 'micro', 小额: 'micro',
  joint_guarantee: 'joint_guarantee', 联保贷款: 'joint_guarantee', 联保: 'joint_guarantee',
  corporate: 'corporate', 公司贷款: 'corporate', 企业贷款: 'corporate',
  mortgage: 'mortgage', 抵押贷款: 'mortgage',
};
const GUARANTEES: Record<string, string> = { credit: 'credit', 信用: 'credit', guarantee: 'guarantee', 保证: 'guarantee', mortgage: 'mortgage', 抵押: 'mortgage', pledge: 'pledge', 质押: 'pledge' };
const CLASSES: Record<string, LoanClass> = {
  ...Object.fromEntries(LOAN_CLASSES.map((c) => [c, c])), 正常: 'normal', 关注: 'special_mention', 次级: 'substandard', 可疑: 'doubtful', 损失: 'loss',
};

/** A loan ready to insert: money in fen, the borrower and staff still named as given (resolved later against the database). */
export interface LoanDraft {
  row: number; loanNo: string; customerNo: string; idNo: string; product: string; amountFen: number; balanceFen: number; annualRate: string; startDate: string; maturityDate: string;
  guaranteeType: string; collateral: string; loanClass: LoanClass; managerStaffId: number; recommenderStaffId: number; village: string;
}

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const colName = (f: LoanField): string => LOAN_COLUMNS.find((c) => c.field === f)!.zh;

export function loanRowError(row: number, field: LoanField, reason: LocalizedText): ImportRowError {
  return { row, column: colName(field), message: reason };
}


/** Rate as a decimal string: "0.0585", or "5.85%" → "0.0585". Exact: only digit shifts, no floating point. */
function rateOf(s: string): string | null {
  const pct = /^(\d{1,2})(?:\.(\d{1,4}))?%$/.exec(s);
  if (pct) {
    const digits = `${pct[1]!.padStart(2, '0')}${pct[2] ?? ''}`;
    return `0.${digits}`.replace(/0+$/, '').replace(/\.$/, '.0');
  }
  return /^0\.\d{1,6}$/.test(s) ? s : null;
}

/**
 * Checks one record; returns the draft or every error of the row (row numbers as in the sheet,
 * header = row 1). The borrower is named by customer number or ID number; staff by number.
 */
export function checkLoanRecord(row: number, rec: LoanRecord): { draft: LoanDraft } | { errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const err = (f: LoanField, zh: string, en: string) => errors.push(loanRowError(row, f, t(zh, en)));
  const v = (f: LoanField) => (rec[f] ?? '').trim();
  const loanNo = v('loanNo');
  if (!loanNo) err('loanNo', '必填', 'required');
  else if (loanNo.length > 64) err('loanNo', '借据号过长（最多64字）', 'loan number too long (64 at most)');
  const customerNo = v('customerNo');
  const idNo = v('idNo').toUpperCase();
  if (!customerNo && !idNo) err('customerNo', '客户号与证件号码至少填一项', 'give the customer number or the ID number');
  const product = PRODUCTS[v('product')] ?? PRODUCTS[v('product').toLowerCase()];
  if (!product) err('product', `未知贷款品种“${v('product')}”，应为 小额信用贷款/联保贷款/公司贷款/抵押贷款`, `Unknown product "${v('product')}"; use micro, joint_guarantee, corporate or mortgage`);
  const money = (f: LoanField, required: boolean): number | null => {
    const s = v(f).replaceAll(',', '');
    if (!s) {
      if (required) err(f, '必填', 'required');
      return null;
    }
    if (!/^\d+(\.\d{1,2})?$/.test(s)) { err(f, `“${s}”不是金额（元，非负，最多两位小数）`, `"${s}" is not an amount in yuan (not negative, two decimals at most)`); return null; }
    const fen = fenOfYuan(s);
    if (fen > 1e13) { err(f, '金额过大', 'amount too large'); return null; }
    return fen;
  };
  const amountFen = money('amount', true);
  if (amountFen === 0) err('amount', '金额须大于0', 'the amount must be above 0');
  const balanceFen = money('balance', false) ?? amountFen;
  if (amountFen !== null && balanceFen !== null && balanceFen > amountFen) err('balance', '余额不能大于贷款金额', 'the balance cannot exceed the amount');
  const annualRate = rateOf(v('annualRate'));
  if (annualRate === null) err('annualRate', `“${v('annualRate')}”不是年利率（如 0.0585 或 5.85%）`, `"${v('annualRate')}" is not an annual rate (e.g. 0.0585 or 5.85%)`);
  const startDate = v('startDate');
  const maturityDate = v('maturityDate');
  if (!isCalendarDate(startDate)) err('startDate', startDate ? `“${startDate}”不是有效日期（YYYY-MM-DD）` : '必填', startDate ? `"${startDate}" is not a valid date (YYYY-MM-DD)` : 'required');
  if (!isCalendarDate(maturityDate)) err('maturityDate', maturityDate ? `“${maturityDate}”不是有效日期（YYYY-MM-DD）` : '必填', maturityDate ? `"${maturityDate}" is not a valid date (YYYY-MM-DD)` : 'required');
  else if (isCalendarDate(startDate) && maturityDate <= startDate) err('maturityDate', '到期日须晚于发放日', 'the maturity date must come after the start date');
  const guaranteeType = GUARANTEES[v('guaranteeType')] ?? GUARANTEES[v('guaranteeType').toLowerCase()];
  if (!guaranteeType) err('guaranteeType', `未知担保方式“${v('guaranteeType')}”，应为 信用/保证/抵押/质押`, `Unknown guarantee type "${v('guaranteeType')}"; use credit, guarantee, mortgage or pledge`);
  const loanClass = v('loanClass') ? CLASSES[v('loanClass')] ?? CLASSES[v('loanClass').toLowerCase()] : 'normal';
  if (!loanClass) err('loanClass', `未知五级分类“${v('loanClass')}”，应为 正常/关注/次级/可疑/损失`, `Unknown class "${v('loanClass')}"; use normal, special_mention, substandard, doubtful or loss`);
  const staffNo = (f: LoanField, required: boolean): number | null => {
    const s = v(f);
    if (!s) { if (required) err(f, '必填', 'required'); return null; }
    if (!/^\d{1,9}$/.test(s)) { err(f, `“${s}”不是员工编号`, `"${s}" is not a staff number`); return null; }
    return Number(s);
  };
  const managerStaffId = staffNo('managerStaffId', true);
  const recommenderStaffId = staffNo('recommenderStaffId', false) ?? managerStaffId;
  if (v('collateral').length > 500) err('collateral', '抵押物说明过长（最多500字）', 'collateral text too long (500 at most)');
  if (v('village').length > 100) err('village', '村名过长（最多100字）', 'village name too long (100 at most)');
  if (errors.length) return { errors };
  return {
    draft: {
      row, loanNo, customerNo, idNo, product: product!, amountFen: amountFen!, balanceFen: balanceFen!, annualRate: annualRate!, startDate, maturityDate, guaranteeType: guaranteeType!,
      collateral: v('collateral'), loanClass: loanClass!, managerStaffId: managerStaffId!, recommenderStaffId: recommenderStaffId!, village: v('village'),
    },
  };
}
