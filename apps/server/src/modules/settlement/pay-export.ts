import ExcelJS from 'exceljs';
import type { PayRun } from '@kehu/contracts';

interface SlipRow { staffId: number; staffName: string; orgUnitName: string; totalFen: number; payday: string; components: Record<string, number> }

/** One row per person, one column per component (yuan, two decimals), a total column and a totals row. */
export async function writePeriodWorkbook(run: PayRun, labels: { key: string; zh: string; en: string }[], slips: SlipRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${run.period} 薪资`);
  const money = '#,##0.00';
  ws.columns = [
    { header: '员工编号 (Staff no.)', key: 'staffId', width: 12 },
    { header: '姓名 (Name)', key: 'name', width: 12 },
    { header: '机构 (Unit)', key: 'unit', width: 16 },
    ...labels.map((l) => ({ header: `${l.zh} (${l.en})`, key: `c_${l.key}`, width: 18, style: { numFmt: money } })),
    { header: '合计 (Total)', key: 'total', width: 16, style: { numFmt: money } },
    { header: '发薪日 (Payday)', key: 'payday', width: 14 },
  ];
  ws.getRow(1).font = { bold: true };
  const sums: Record<string, number> = {};
  let total = 0;
  for (const s of slips) {
    const row: Record<string, string | number> = { staffId: s.staffId, name: s.staffName, unit: s.orgUnitName, total: s.totalFen / 100, payday: s.payday };
    for (const l of labels) {
      const v = s.components[l.key] ?? 0;
      row[`c_${l.key}`] = v / 100;
      sums[l.key] = (sums[l.key] ?? 0) + v;
    }
    total += s.totalFen;
    ws.addRow(row);
  }
  const totals: Record<string, string | number> = { name: '合计 (Total)', total: total / 100 };
  for (const l of labels) totals[`c_${l.key}`] = (sums[l.key] ?? 0) / 100;
  ws.addRow(totals).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
