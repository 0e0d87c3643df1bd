// Guarantor and instalment rows of a loan import (sheets 保证人 / 还款计划, or a CSV of either kind): columns and checks.
import { fenOfYuan, isCalendarDate } from '@kehu/domain';
import type { ImportRowError, LocalizedText } from '@kehu/contracts';
import type { SheetColumn } from '../../lib/excel-sheet.ts';

export const GUARANTOR_COLUMNS = [
  { field: 'loanNo', zh: '借据号', en: 'Loan no.' },
  { field: 'name', zh: '保证人', en: 'Guarantor' },
  { field: 'idNo', zh: '证件号码', en: 'ID number' },
  { field: 'guaranteeKind', zh: '保证方式', en: 'Guarantee kind' },
  { field: 'agreedEnd', zh: '约定保证期间至', en: 'Agreed period end', importIgnored: true },
  { field: 'related', zh: '关联方', en: 'Related party', importIgnored: true },
  { field: 'problem', zh: '问题', en: 'Problem', importIgnored: true },
] as const satisfies readonly SheetColumn[];

export const INSTALMENT_COLUMNS = [
  { field: 'loanNo', zh: '借据号', en: 'Loan no.' },
  { field: 'seq', zh: '期次', en: 'Instalment no.' },
  { field: 'dueDate', zh: '应还日', en: 'Due date' },
  { field: 'principal', zh: '应还本金', en: 'Principal' },
  { field: 'interest', zh: '应还利息', en: 'Interest', importIgnored: true },
] as const satisfies readonly SheetColumn[];

export type ExtraKind = 'guarantors' | 'instalments';
export const EXTRA_COLUMNS = { guarantors: GUARANTOR_COLUMNS, instalments: INSTALMENT_COLUMNS } as const;
/** Sheet names a workbook may use for each kind (Chinese first). */
export const EXTRA_SHEETS: Record<ExtraKind, readonly string[]> = { guarantors: ['保证人', 'guarantors'], instalments: ['还款计划', 'instalments', 'installments'] };

export interface GuarantorDraft { sheet: string; row: number; loanNo: string; name: string; idNo: string; guaranteeKind: string; agreedEnd: string | null; agreedUnclear: boolean; related: boolean; problem: string | null }
export interface InstalmentDraft { sheet: string; row: number; loanNo: string; seq: number; dueDate: string; principalFen: number; interestFen: number }

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const KINDS: Record<string, string> = { general: 'general', 一般: 'general', 一般保证: 'general', joint: 'joint', 连带: 'joint', 连带责任: 'joint', 连带责任保证: 'joint', unclear: 'unclear', 约定不明: 'unclear' };
const YES: Record<string, boolean> = { '': false, 否: false, no: false, n: false, false: false, '0': false, 是: true, yes: true, y: true, true: true, '1': true };


function checker(sheet: string, row: number, columns: readonly SheetColumn[], rec: Record<string, string>) {
  const errors: ImportRowError[] = [];
  const err = (f: string, zh: string, en: string) => errors.push({ sheet, row, column: columns.find((c) => c.field === f)!.zh, message: t(zh, en) });
  const v = (f: string) => (rec[f] ?? '').trim();
  const loanNo = v('loanNo');
  if (!loanNo) err('loanNo', '必填', 'required');
  const money = (f: string, required: boolean): number | null => {
    const s = v(f).replaceAll(',', '');
    if (!s) { if (required) err(f, '必填', 'required'); return required ? null : 0; }
    if (!/^\d+(\.\d{1,2})?$/.test(s) || s.length > 16) { err(f, `“${s}”不是金额（元，非负，最多两位小数）`, `"${s}" is not an amount in yuan (not negative, two decimals at most)`); return null; }
    return fenOfYuan(s);
  };
  return { errors, err, v, loanNo, money };
}

export function checkGuarantor(sheet: string, row: number, rec: Record<string, string>): { draft: GuarantorDraft } | { errors: ImportRowError[] } {
  const { errors, err, v, loanNo } = checker(sheet, row, GUARANTOR_COLUMNS, rec);
  const name = v('name');
  if (!name) err('name', '必填', 'required');
  else if (name.length > 100) err('name', '姓名过长（最多100字）', 'name too long (100 at most)');
  const idNo = v('idNo').toUpperCase();
  if (!idNo) err('idNo', '必填', 'required');
  else if (!/^[0-9A-Z-]{6,32}$/.test(idNo)) err('idNo', `“${idNo}”不是证件号码`, `"${idNo}" is not an ID number`);
  const kind = KINDS[v('guaranteeKind')] ?? KINDS[v('guaranteeKind').toLowerCase()];
  if (!kind) err('guaranteeKind', `未知保证方式“${v('guaranteeKind')}”，应为 一般/连带/约定不明`, `Unknown guarantee kind "${v('guaranteeKind')}"; use general, joint or unclear`);
  const end = v('agreedEnd');
  const unclear = end === '约定不明' || end.toLowerCase() === 'unclear';
  if (end && !unclear && !isCalendarDate(end)) err('agreedEnd', `“${end}”不是有效日期（YYYY-MM-DD）或“约定不明”`, `"${end}" is not a valid date (YYYY-MM-DD) or "unclear"`);
  const related = YES[v('related').toLowerCase()];
  if (related === undefined) err('related', `“${v('related')}”应为 是/否`, `"${v('related')}" must be yes or no`);
  if (v('problem').length > 200) err('problem', '问题说明过长（最多200字）', 'problem text too long (200 at most)');
  if (errors.length) return { errors };
  return { draft: { sheet, row, loanNo, name, idNo, guaranteeKind: kind!, agreedEnd: end && !unclear ? end : null, agreedUnclear: unclear, related: related!, problem: v('problem') || null } };
}

export function checkInstalment(sheet: string, row: number, rec: Record<string, string>): { draft: InstalmentDraft } | { errors: ImportRowError[] } {
  const { errors, err, v, loanNo, money } = checker(sheet, row, INSTALMENT_COLUMNS, rec);
  const seq = v('seq');
  if (!/^\d{1,4}$/.test(seq) || Number(seq) < 1) err('seq', seq ? `“${seq}”不是期次（正整数）` : '必填', seq ? `"${seq}" is not an instalment number (a positive whole number)` : 'required');
  const dueDate = v('dueDate');
  if (!isCalendarDate(dueDate)) err('dueDate', dueDate ? `“${dueDate}”不是有效日期（YYYY-MM-DD）` : '必填', dueDate ? `"${dueDate}" is not a valid date (YYYY-MM-DD)` : 'required');
  const principalFen = money('principal', true);
  const interestFen = money('interest', false);
  if (errors.length) return { errors };
  return { draft: { sheet, row, loanNo, seq: Number(seq), dueDate, principalFen: principalFen!, interestFen: interestFen! } };
}

/** Row error helper for checks made after the row itself (duplicates, unknown loans). */
export function extraRowError(kind: ExtraKind, sheet: string, row: number, field: string, reason: LocalizedText): ImportRowError {
  return { sheet, row, column: EXTRA_COLUMNS[kind].find((c) => c.field === field)!.zh, message: reason };
}
