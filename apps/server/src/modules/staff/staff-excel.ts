import ExcelJS from 'exceljs';
import { cellText, openImportSheet } from '../../lib/excel-sheet.ts';
import { LABELS, keyFromLabel } from '@kehu/domain';
import type { ImportRowError } from '@kehu/contracts';

/**
 * The staff sheet: one column per field, Chinese headers (English accepted on import),
 * enum values written as their Chinese labels. Export and import use the same columns,
 * so an exported sheet imports back unchanged.
 */
export interface StaffSheetRow {
  name: string; gender: string; birthDate: string; idCardNo: string; phone: string; education: string; hireDate: string;
  hireType: string; position: string; category: string; orgUnitCode: string; orgUnitName: string; status: string;
}

type Field = keyof StaffSheetRow;
const ENUM_LABELS: Partial<Record<Field, Record<string, { zh: string; en: string }>>> = {
  gender: LABELS.gender, education: LABELS.education, hireType: LABELS.hireType, position: LABELS.position, category: LABELS.category, status: LABELS.status,
};

export const STAFF_COLUMNS: { field: Field; zh: string; en: string; width: number; importIgnored?: boolean }[] = [
  { field: 'name', zh: '姓名', en: 'Name', width: 12 },
  { field: 'gender', zh: '性别', en: 'Gender', width: 6 },
  { field: 'birthDate', zh: '出生日期', en: 'Birth date', width: 12 },
  { field: 'idCardNo', zh: '身份证号', en: 'ID number', width: 22 },
  { field: 'phone', zh: '手机号', en: 'Phone', width: 14 },
  { field: 'education', zh: '学历', en: 'Education', width: 8 },
  { field: 'hireDate', zh: '入职日期', en: 'Hire date', width: 12 },
  { field: 'hireType', zh: '用工类型', en: 'Hire type', width: 10 },
  { field: 'position', zh: '岗位', en: 'Position', width: 14 },
  { field: 'category', zh: '类别', en: 'Category', width: 14 },
  { field: 'orgUnitCode', zh: '机构代码', en: 'Unit code', width: 12 },
  { field: 'orgUnitName', zh: '机构名称', en: 'Unit name', width: 16, importIgnored: true },
  { field: 'status', zh: '状态', en: 'Status', width: 8 },
];

export async function writeStaffWorkbook(rows: StaffSheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kehu';
  const ws = wb.addWorksheet('员工 Staff');
  ws.columns = STAFF_COLUMNS.map((c) => ({ header: c.zh, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    ws.addRow(Object.fromEntries(STAFF_COLUMNS.map((c) => {
      const v = r[c.field];
      const labels = ENUM_LABELS[c.field];
      return [c.field, labels?.[v]?.zh ?? v];
    })));
  }
  // ID numbers and phones are text, never numbers (Excel would round an 18-digit number).
  for (const key of ['idCardNo', 'phone', 'birthDate', 'hireDate']) ws.getColumn(key).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}


export interface ParsedRow { row: number; values: Partial<Record<Field, string>>; }

const msg = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** Reads the first sheet; maps headers (Chinese or English) to fields and enum labels to keys. */
export async function readStaffWorkbook(buffer: Buffer): Promise<{ rows: ParsedRow[]; errors: ImportRowError[] }> {
  const { sheet: ws, colOf, errors } = await openImportSheet(buffer, STAFF_COLUMNS);
  if (!ws) return { rows: [], errors };
  const rows: ParsedRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const values: Partial<Record<Field, string>> = {};
    for (const [col, c] of colOf) {
      if (c.importIgnored) continue;
      const text = cellText(row.getCell(col).value);
      const labels = ENUM_LABELS[c.field];
      if (labels && text) {
        const key = keyFromLabel(labels, text);
        if (!key) {
          errors.push({ row: n, column: c.zh, message: msg(`“${text}”不是有效的${c.zh}，可选：${Object.values(labels).map((l) => l.zh).join('、')}`, `"${text}" is not a valid ${c.en}; allowed: ${Object.values(labels).map((l) => l.en).join(', ')}`) });
          continue;
        }
        values[c.field] = key;
      } else values[c.field] = text;
    }
    if (Object.values(values).some((v) => v)) rows.push({ row: n, values });
  });
  return { rows, errors };
}

export const columnHeader = (field: string): string => STAFF_COLUMNS.find((c) => c.field === field)?.zh ?? (field === 'orgUnitId' ? '机构代码' : field);
