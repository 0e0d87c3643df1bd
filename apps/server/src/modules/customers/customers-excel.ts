import ExcelJS from 'exceljs';
import { cellText, openImportSheet } from '../../lib/excel-sheet.ts';
import type { ImportRowError } from '@kehu/contracts';

/**
 * The customer sheet: Chinese headers (English accepted on import), kinds and segments as
 * Chinese labels, money in yuan with two decimals. Export and import share the columns, so an
 * exported sheet (from an owner, whose ID numbers are whole) imports back unchanged.
 */
export interface CustomerSheetRow {
  customerNo: string; name: string; kind: string; segment: string; idNo: string; phone: string; address: string;
  orgUnitCode: string; loanYuan: string; depositYuan: string; creditRating: string; classification: string;
}
type Field = keyof CustomerSheetRow;

const KIND = { farming_household: '农户', resident: '城镇居民', individual_business: '个体工商户', enterprise: '企业', big_customer: '大客户' } as const;
const SEGMENT = { retail: '零售', corporate: '对公' } as const;
const ENUMS: Partial<Record<Field, Record<string, string>>> = { kind: KIND, segment: SEGMENT };

export const CUSTOMER_COLUMNS: { field: Field; zh: string; en: string; width: number }[] = [
  { field: 'customerNo', zh: '客户号', en: 'Customer no', width: 12 },
  { field: 'name', zh: '客户名称', en: 'Name', width: 22 },
  { field: 'kind', zh: '客户类型', en: 'Kind', width: 12 },
  { field: 'segment', zh: '条线', en: 'Segment', width: 8 },
  { field: 'idNo', zh: '证件号', en: 'ID number', width: 22 },
  { field: 'phone', zh: '电话', en: 'Phone', width: 14 },
  { field: 'address', zh: '地址', en: 'Address', width: 24 },
  { field: 'orgUnitCode', zh: '机构代码', en: 'Unit code', width: 10 },
  { field: 'loanYuan', zh: '贷款余额（元）', en: 'Loans (yuan)', width: 14 },
  { field: 'depositYuan', zh: '存款余额（元）', en: 'Deposits (yuan)', width: 14 },
  { field: 'creditRating', zh: '信用评级', en: 'Credit rating', width: 10 },
  { field: 'classification', zh: '分类', en: 'Classification', width: 10 },
];

export async function writeCustomerWorkbook(rows: CustomerSheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kehu';
  const ws = wb.addWorksheet('客户 Customers');
  ws.columns = CUSTOMER_COLUMNS.map((c) => ({ header: c.zh, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(Object.fromEntries(CUSTOMER_COLUMNS.map((c) => [c.field, ENUMS[c.field]?.[r[c.field]] ?? r[c.field]])));
  for (const key of ['customerNo', 'idNo', 'phone', 'loanYuan', 'depositYuan']) ws.getColumn(key).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}


const msg = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export async function readCustomerWorkbook(buffer: Buffer): Promise<{ rows: { row: number; values: Partial<CustomerSheetRow> }[]; errors: ImportRowError[] }> {
  const { sheet: ws, colOf, errors } = await openImportSheet(buffer, CUSTOMER_COLUMNS);
  if (!ws) return { rows: [], errors };
  const rows: { row: number; values: Partial<CustomerSheetRow> }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const values: Partial<CustomerSheetRow> = {};
    for (const [col, c] of colOf) {
      const text = cellText(row.getCell(col).value);
      const labels = ENUMS[c.field];
      if (labels && text) {
        const key = Object.entries(labels).find(([k, zh]) => zh === text || k === text)?.[0];
        if (!key) { errors.push({ row: n, column: c.zh, message: msg(`“${text}”不是有效的${c.zh}，可选：${Object.values(labels).join('、')}`, `"${text}" is not a valid ${c.en}`) }); continue; }
        values[c.field] = key;
      } else values[c.field] = text;
    }
    if (Object.values(values).some((v) => v)) rows.push({ row: n, values });
  });
  return { rows, errors };
}

export const customerColumnHeader = (field: string): string => CUSTOMER_COLUMNS.find((c) => c.field === field)?.zh ?? (field === 'orgUnitId' ? '机构代码' : field);

/** "1,234.50" or "1234.5" yuan → 123450 fen; null when it is not an amount with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const t = text.replace(/,/g, '').trim();
  if (t === '') return 0;
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

export const fenToYuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
