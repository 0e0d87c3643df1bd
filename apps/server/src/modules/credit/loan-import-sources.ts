// Reading the records of a loan import: a CSV stream (parsed as it arrives) or the sheets of a workbook (贷款 / 保证人 / 还款计划).
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { ImportRowError } from '@kehu/contracts';
import { cellText, type SheetColumn } from '../../lib/excel-sheet.ts';
import { EXTRA_COLUMNS, EXTRA_SHEETS, type ExtraKind } from './loan-extra-rows.ts';
import { LOAN_COLUMNS } from './loan-rows.ts';

export type ImportKind = 'loans' | ExtraKind;
export type SourceItem = { sheet: string; row: number; rec: Record<string, string> } | { error: ImportRowError };
export const KIND_COLUMNS: Record<ImportKind, readonly SheetColumn[]> = { loans: LOAN_COLUMNS, ...EXTRA_COLUMNS };
const LOAN_SHEETS = ['贷款', 'loans'];

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** Maps a header cell (Chinese, English or field name; "金额（元）" and "金额 (amount)" too) to a field of `columns`. */
export function headerField(columns: readonly SheetColumn[], h: string): string | null {
  const k = h.trim().replace(/^\uFEFF/, '').replace(/\s*[（(].*[)）]$/, '').toLowerCase();
  return columns.find((c) => c.zh === k || c.en.toLowerCase() === k || c.field.toLowerCase() === k)?.field ?? null;
}

/** Header problems (unknown or missing columns) as row-1 errors; the field of each column position. */
function mapHeader(sheet: string, columns: readonly SheetColumn[], cells: string[]): { cols: (string | null)[]; errors: ImportRowError[] } {
  const cols = cells.map((h) => (h.trim() ? headerField(columns, h) : null));
  const errors: ImportRowError[] = [];
  cells.forEach((h, i) => { if (h.trim() && cols[i] === null) errors.push({ sheet, row: 1, column: h, message: t(`未知列“${h}”`, `Unknown column "${h}"`) }); });
  for (const c of columns) if (!c.importIgnored && !cols.includes(c.field)) errors.push({ sheet, row: 1, column: c.zh, message: t(`缺少列“${c.zh}”`, `Missing column "${c.en}"`) });
  return { cols, errors };
}

/** Records of a CSV stream, parsed as they arrive (header = row 1); `sheet` names the file in errors. */
export async function* csvItems(input: Readable, sheet: string, kind: ImportKind): AsyncGenerator<SourceItem> {
  const parser = input.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }));
  let cols: (string | null)[] | null = null;
  let row = 0;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      row += 1;
      if (!cols) {
        const h = mapHeader(sheet, KIND_COLUMNS[kind], fields);
        if (h.errors.length) { for (const error of h.errors) yield { error }; parser.destroy(); return; }
        cols = h.cols;
        continue;
      }
      const rec: Record<string, string> = {};
      cols.forEach((c, i) => { if (c) rec[c] = fields[i] ?? ''; });
      yield { sheet, row, rec };
    }
  } catch (e) {
    parser.destroy();
    yield { error: { sheet, row: row + 1, column: '', message: t(`CSV 格式错误：${(e as Error).message}`, `Malformed CSV: ${(e as Error).message}`) } };
  }
}

function* sheetItems(ws: ExcelJS.Worksheet, kind: ImportKind): Generator<SourceItem> {
  const header: string[] = [];
  ws.getRow(1).eachCell((cell, col) => { header[col - 1] = cellText(cell.value); });
  const h = mapHeader(ws.name, KIND_COLUMNS[kind], Array.from(header, (x) => x ?? ''));
  if (h.errors.length) { for (const error of h.errors) yield { error }; return; }
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    const rec: Record<string, string> = {};
    h.cols.forEach((c, i) => { if (c) rec[c] = cellText(row.getCell(i + 1).value); });
    yield { sheet: ws.name, row: r, rec };
  }
}

/**
 * The sheets of a workbook by kind. With `kind` loans: the loans are the sheet named 贷款 (else the
 * first sheet), guarantors and instalments the sheets named 保证人 and 还款计划 if present. With
 * another kind the first sheet holds that kind only.
 */
export async function workbookItems(file: Buffer, kind: ImportKind): Promise<Record<ImportKind, Iterable<SourceItem>>> {
  const none: Record<ImportKind, Iterable<SourceItem>> = { loans: [], guarantors: [], instalments: [] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    return { ...none, [kind]: [{ error: { row: 0, column: '', message: t('文件不是有效的 Excel (.xlsx) 文件', 'The file is not a valid Excel (.xlsx) workbook') } }] };
  }
  const named = (names: readonly string[]) => wb.worksheets.find((w) => names.includes(w.name.trim().toLowerCase()));
  const first = wb.worksheets[0];
  if (!first) return { ...none, [kind]: [{ error: { row: 0, column: '', message: t('工作簿中没有工作表', 'The workbook has no sheet') } }] };
  if (kind !== 'loans') return { ...none, [kind]: sheetItems(first, kind) };
  const extra = (k: ExtraKind) => { const ws = named(EXTRA_SHEETS[k]); return ws ? sheetItems(ws, k) : []; };
  return { loans: sheetItems(named(LOAN_SHEETS) ?? first, 'loans'), guarantors: extra('guarantors'), instalments: extra('instalments') };
}
