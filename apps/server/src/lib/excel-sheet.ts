import ExcelJS from 'exceljs';
import type { ImportRowError } from '@kehu/contracts';

/** A column of an import sheet: matched by its Chinese or English header, or its field name. */
export interface SheetColumn { field: string; zh: string; en: string; importIgnored?: boolean }

const msg = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The text of a cell: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result);
    return '';
  }
  return String(v).trim();
}

/**
 * Opens the first sheet of an uploaded workbook and maps its header row to `columns`. Problems
 * with the file or a missing column come back as import errors (row 0 = the file, row 1 = headers).
 */
export async function openImportSheet<C extends SheetColumn>(buffer: Buffer, columns: readonly C[]): Promise<{ sheet: ExcelJS.Worksheet | null; colOf: Map<number, C>; errors: ImportRowError[] }> {
  const wb = new ExcelJS.Workbook();
  const colOf = new Map<number, C>();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    return { sheet: null, colOf, errors: [{ row: 0, column: '', message: msg('文件不是有效的 Excel (.xlsx) 文件', 'The file is not a valid Excel (.xlsx) workbook') }] };
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { sheet: null, colOf, errors: [{ row: 0, column: '', message: msg('工作簿中没有工作表', 'The workbook has no sheet') }] };
  sheet.getRow(1).eachCell((cell, col) => {
    const h = cellText(cell.value).toLowerCase();
    const c = columns.find((x) => x.zh === h || x.en.toLowerCase() === h || x.field.toLowerCase() === h);
    if (c) colOf.set(col, c);
  });
  const errors: ImportRowError[] = [];
  for (const c of columns) {
    if (!c.importIgnored && ![...colOf.values()].includes(c)) errors.push({ row: 1, column: c.zh, message: msg(`缺少列“${c.zh}”`, `Missing column "${c.en}"`) });
  }
  return { sheet: errors.length ? null : sheet, colOf, errors };
}
