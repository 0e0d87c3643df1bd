import { customerCreate, localizeIssue, type CustomerCreate, type CustomerQuery, type ImportReport, type ImportRowError } from '@kehu/contracts';
import type { Db } from '@kehu/db';
import { AppError } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { withDbErrors } from '../../lib/db-errors.ts';
import { auditService } from '../audit/audit.service.ts';
import { orgUnitsService } from '../org-units/org-units.service.ts';
import { customersRepository as repo } from './customers.repository.ts';
import { customersService } from './customers.service.ts';
import { customerColumnHeader, fenToYuan, readCustomerWorkbook, writeCustomerWorkbook, yuanToFen, type CustomerSheetRow } from './customers-excel.ts';

const EXPORT_LIMIT = 50_000;

export const customersExcelService = {
  /** The customers in scope as a sheet, masked exactly as the list shows them. */
  async exportXlsx(db: Db, actor: Actor, q: CustomerQuery): Promise<Buffer> {
    authorize(actor, 'customers.read');
    const units = await orgUnitsService.byCode(db, actor, 'tenant');
    const codeOf = new Map([...units].map(([code, u]) => [u.id, code]));
    const rows: CustomerSheetRow[] = [];
    for (let page = 1; rows.length < EXPORT_LIMIT; page++) {
      const p = await customersService.list(db, actor, { ...q, page, pageSize: 200 });
      for (const c of p.items) {
        rows.push({
          customerNo: c.customerNo, name: c.name, kind: c.kind, segment: c.segment, idNo: c.idNo, phone: c.phone, address: c.address,
          orgUnitCode: codeOf.get(c.orgUnitId) ?? '', loanYuan: fenToYuan(c.loanBalanceFen), depositYuan: fenToYuan(c.depositBalanceFen),
          creditRating: c.creditRating, classification: c.classification,
        });
      }
      if (page * 200 >= p.total) break;
    }
    return writeCustomerWorkbook(rows);
  },

  template(actor: Actor): Promise<Buffer> {
    authorize(actor, 'customers.create');
    return writeCustomerWorkbook([]);
  },

  /**
   * Imports a customer sheet, all rows or none: a new customer number is created, a known one
   * updated (masked ID numbers and phones are left as stored). Any bad row stops the import and
   * the report names its row, column and reason. New rows go in as one multi-row insert.
   */
  async importXlsx(db: Db, actor: Actor, file: Buffer): Promise<ImportReport> {
    const scope = authorize(actor, 'customers.create');
    const parsed = await readCustomerWorkbook(file);
    const errors: ImportRowError[] = [...parsed.errors];
    const units = await orgUnitsService.byCode(db, actor, scope === 'own' ? 'subtree' : scope);
    const valid: { row: number; value: CustomerCreate }[] = [];
    const seen = new Map<string, number>();
    const err = (row: number, field: string, zh: string, en: string) => errors.push({ row, column: customerColumnHeader(field), message: { 'zh-CN': zh, en } });
    for (const { row, values } of parsed.rows) {
      const unit = values.orgUnitCode ? units.get(values.orgUnitCode) : undefined;
      if (!unit) err(row, 'orgUnitCode', `机构代码“${values.orgUnitCode ?? ''}”不存在或不在您的范围内`, `No unit "${values.orgUnitCode ?? ''}" in your scope`);
      const loan = yuanToFen(values.loanYuan ?? '');
      const deposit = yuanToFen(values.depositYuan ?? '');
      if (loan === null) err(row, 'loanYuan', '金额格式不正确', 'Not an amount');
      if (deposit === null) err(row, 'depositYuan', '金额格式不正确', 'Not an amount');
      const result = customerCreate.safeParse({
        orgUnitId: unit?.id ?? 0, customerNo: values.customerNo, name: values.name, kind: values.kind, segment: values.segment, idNo: values.idNo,
        phone: values.phone ?? '', address: values.address ?? '', loanBalanceFen: loan ?? 0, depositBalanceFen: deposit ?? 0,
        creditRating: values.creditRating || 'unrated', classification: values.classification ?? '',
      });
      if (!result.success) {
        for (const issue of result.error.issues) {
          const f = localizeIssue({ code: issue.code, path: issue.path as (string | number)[], message: issue.message, params: issue as unknown as Record<string, unknown> });
          if (f.path !== 'orgUnitId') errors.push({ row, column: customerColumnHeader(f.path), message: f.message });
        }
        continue;
      }
      const dup = seen.get(result.data.customerNo);
      if (dup) { err(row, 'customerNo', `与第 ${dup} 行客户号重复`, `Same customer number as row ${dup}`); continue; }
      seen.set(result.data.customerNo, row);
      if (unit && loan !== null && deposit !== null) valid.push({ row, value: result.data });
    }
    if (parsed.rows.length === 0 && errors.length === 0) errors.push({ row: 2, column: '', message: { 'zh-CN': '表中没有数据行', en: 'The sheet has no data rows' } });
    if (errors.length) throw new AppError('import_failed', { details: { report: { imported: 0, updated: 0, unchanged: 0, errors } } });
    const report: ImportReport = { imported: 0, updated: 0, unchanged: 0, errors: [] };
    await db.transaction(async (tx) => {
      const existing = new Map((await repo.byNumbers(tx, actor.tenantId, valid.map((v) => v.value.customerNo))).map((c) => [c.customerNo, c]));
      const inserts: CustomerCreate[] = [];
      for (const { value } of valid) {
        const cur = existing.get(value.customerNo);
        if (!cur) { inserts.push(value); continue; }
        // Masked cells (from a supervisor's export) never overwrite the stored numbers.
        const v = { ...value, idNo: value.idNo.includes('*') ? cur.idNo : value.idNo, phone: value.phone.includes('*') ? cur.phone : value.phone };
        const keys = ['name', 'kind', 'segment', 'idNo', 'phone', 'address', 'orgUnitId', 'loanBalanceFen', 'depositBalanceFen', 'creditRating', 'classification'] as const;
        const changed = keys.filter((k) => String(cur[k]) !== String(v[k]));
        if (changed.length === 0) { report.unchanged++; continue; }
        const after = await withDbErrors(() => repo.update(tx, actor.tenantId, cur.id, cur.version, Object.fromEntries(changed.map((k) => [k, v[k]]))));
        await auditService.record(tx, actor, { action: 'import_update', entity: 'customer', entityId: cur.id, before: Object.fromEntries(changed.map((k) => [k, cur[k]])), after: Object.fromEntries(changed.map((k) => [k, after?.[k]])) });
        report.updated++;
      }
      const created = await withDbErrors(() => repo.insertMany(tx, actor.tenantId, inserts));
      await auditService.record(tx, actor, { action: 'import_create', entity: 'customer', entityId: null, after: { count: created.length, ids: created.map((c) => c.id) } });
      report.imported = created.length;
    });
    return report;
  },
};
