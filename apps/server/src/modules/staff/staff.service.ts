import { can, maskIdCard, maskPhone, type DataScope } from '@kehu/domain';
import {
  localizeIssue, staffConsistency, staffCreate, type ImportReport, type ImportRowError, type HistoryEntry, type Staff, type StaffCreate,
  type StaffPage, type StaffQuery, type StaffUpdate,
} from '@kehu/contracts';
import type { Db, Executor } from '@kehu/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { authorize, type Actor } from '../../lib/actor.ts';
import { withDbErrors } from '../../lib/db-errors.ts';
import { auditService } from '../audit/audit.service.ts';
import { orgUnitsService } from '../org-units/org-units.service.ts';
import { staffRepository, type StaffInsert, type StaffRow, type StaffScope } from './staff.repository.ts';
import { columnHeader, readStaffWorkbook, writeStaffWorkbook, type StaffSheetRow } from './staff-excel.ts';

function toScope(actor: Actor, scope: DataScope): StaffScope {
  switch (scope) {
    case 'tenant': return { kind: 'tenant' };
    case 'subtree': return { kind: 'subtree', path: actor.orgPath ?? '/none/' };
    case 'own': return { kind: 'own', staffId: actor.staffId };
  }
}

function inScope(actor: Actor, scope: DataScope, row: { staff: StaffRow; orgPath: string }): boolean {
  if (scope === 'tenant') return true;
  if (scope === 'subtree') return !!actor.orgPath && row.orgPath.startsWith(actor.orgPath);
  return actor.staffId === row.staff.id;
}

/** ID numbers are whole only for HR; phones are masked in lists. */
function toDto(actor: Actor, r: { staff: StaffRow; orgUnitName: string }, view: 'list' | 'detail' | 'export'): Staff {
  const s = r.staff;
  return {
    id: s.id, name: s.name, gender: s.gender as Staff['gender'], birthDate: s.birthDate,
    idCardNo: can(actor.role, 'staff.readIdCard') ? s.idCardNo : maskIdCard(s.idCardNo),
    phone: view === 'detail' || (view === 'export' && can(actor.role, 'staff.readIdCard')) ? s.phone : maskPhone(s.phone),
    education: s.education as Staff['education'], hireDate: s.hireDate, hireType: s.hireType as Staff['hireType'],
    position: s.position as Staff['position'], category: s.category as Staff['category'], orgUnitId: s.orgUnitId, orgUnitName: r.orgUnitName,
    status: s.status as Staff['status'], version: s.version, updatedAt: new Date(s.updatedAt).toISOString(),
  };
}

const auditView = (s: StaffRow) => {
  const { tenantId: _t, createdAt: _c, ...rest } = s;
  return rest;
};

async function unitInScope(db: Executor, actor: Actor, scope: DataScope, orgUnitId: number) {
  const unit = await orgUnitsService.findInScope(db, actor, orgUnitId, scope);
  if (!unit) throw new AppError('validation_failed', { fields: [{ path: 'orgUnitId', code: 'not_found', message: { 'zh-CN': '所属机构不存在或不在您的管理范围内', en: 'The unit does not exist or is outside your scope' } }] });
  return unit;
}

export const staffService = {
  async list(db: Db, actor: Actor, q: StaffQuery, view: 'list' | 'export' = 'list'): Promise<StaffPage> {
    const scope = authorize(actor, 'staff.read');
    let unitPath: string | undefined;
    if (q.orgUnitId) {
      const unit = await orgUnitsService.findInScope(db, actor, q.orgUnitId, scope === 'own' ? 'subtree' : scope);
      unitPath = unit?.path ?? '/none/';
    }
    const { items, total } = await staffRepository.page(db, actor.tenantId, toScope(actor, scope), { ...q, unitPath });
    return { items: items.map((r) => toDto(actor, r, view)), total, page: q.page, pageSize: q.pageSize };
  },

  /** Another unit's or tenant's record answers 404, exactly as a missing one does. */
  async get(db: Executor, actor: Actor, id: number): Promise<Staff> {
    const scope = authorize(actor, 'staff.read');
    const row = await staffRepository.get(db, actor.tenantId, id);
    if (!row || !inScope(actor, scope, row)) throw notFound();
    return toDto(actor, row, 'detail');
  },

  async history(db: Db, actor: Actor, id: number): Promise<HistoryEntry[]> {
    await this.get(db, actor, id);
    return auditService.history(db, actor, 'staff', id);
  },

  async create(db: Db, actor: Actor, input: StaffCreate): Promise<Staff> {
    const scope = authorize(actor, 'staff.write');
    return db.transaction(async (tx) => {
      const unit = await unitInScope(tx, actor, scope, input.orgUnitId);
      const row = await withDbErrors(() => staffRepository.insert(tx, actor.tenantId, input));
      await auditService.record(tx, actor, { action: 'create', entity: 'staff', entityId: row.id, after: auditView(row) });
      return toDto(actor, { staff: row, orgUnitName: unit.name }, 'detail');
    });
  },

  async update(db: Db, actor: Actor, id: number, input: StaffUpdate): Promise<Staff> {
    const scope = authorize(actor, 'staff.write');
    return db.transaction(async (tx) => {
      const before = await staffRepository.get(tx, actor.tenantId, id);
      if (!before || !inScope(actor, scope, before)) throw notFound();
      const { version, ...changes } = input;
      const check = staffConsistency.safeParse({ ...before.staff, ...changes });
      if (!check.success) throw new AppError('validation_failed', { fields: check.error.issues.map((i) => localizeIssue({ code: i.code, path: i.path as (string | number)[], message: i.message })) });
      const unit = changes.orgUnitId !== undefined ? await unitInScope(tx, actor, scope, changes.orgUnitId) : { name: before.orgUnitName };
      const row = await withDbErrors(() => staffRepository.update(tx, actor.tenantId, id, version, changes));
      if (!row) throw new AppError('stale_version', { details: { currentVersion: before.staff.version } });
      await auditService.record(tx, actor, { action: 'update', entity: 'staff', entityId: id, before: auditView(before.staff), after: auditView(row) });
      return toDto(actor, { staff: row, orgUnitName: unit.name }, 'detail');
    });
  },

  async exportXlsx(db: Db, actor: Actor, q: StaffQuery): Promise<Buffer> {
    authorize(actor, 'staff.export');
    const rows: StaffSheetRow[] = [];
    const units = await orgUnitsService.byCode(db, actor, 'tenant');
    const codeOf = new Map([...units].map(([code, u]) => [u.id, code]));
    for (let page = 1; ; page++) {
      const p = await this.list(db, actor, { ...q, page, pageSize: 200 }, 'export');
      for (const s of p.items) rows.push({ ...s, orgUnitCode: codeOf.get(s.orgUnitId) ?? '', orgUnitName: s.orgUnitName });
      if (page * 200 >= p.total) break;
    }
    return writeStaffWorkbook(rows);
  },

  importTemplate(actor: Actor): Promise<Buffer> {
    authorize(actor, 'staff.import');
    return writeStaffWorkbook([]);
  },

  /**
   * Imports a staff sheet: all rows or none. A row whose ID number exists is an update
   * (or unchanged, so the same file twice changes nothing); any bad row stops the import
   * and the report names its row, column and reason.
   */
  async importXlsx(db: Db, actor: Actor, file: Buffer): Promise<ImportReport> {
    const scope = authorize(actor, 'staff.import');
    const parsed = await readStaffWorkbook(file);
    const errors: ImportRowError[] = [...parsed.errors];
    const units = await orgUnitsService.byCode(db, actor, scope);
    const valid: { row: number; value: StaffCreate }[] = [];
    const seen = new Map<string, number>();
    for (const { row, values } of parsed.rows) {
      const unit = values.orgUnitCode ? units.get(values.orgUnitCode) : undefined;
      if (values.orgUnitCode && !unit) errors.push({ row, column: columnHeader('orgUnitCode'), message: { 'zh-CN': `机构代码“${values.orgUnitCode}”不存在`, en: `No unit with code "${values.orgUnitCode}"` } });
      const { orgUnitCode: _c, orgUnitName: _n, ...fields } = values;
      const result = staffCreate.safeParse({ ...fields, orgUnitId: unit?.id ?? (values.orgUnitCode ? 0 : undefined) });
      if (!result.success) {
        for (const issue of result.error.issues) {
          const f = localizeIssue({ code: issue.code, path: issue.path as (string | number)[], message: issue.message, params: issue as unknown as Record<string, unknown> });
          if (f.path === 'orgUnitId' && values.orgUnitCode) continue;
          errors.push({ row, column: columnHeader(f.path), message: f.message });
        }
        continue;
      }
      const dup = seen.get(result.data.idCardNo);
      if (dup) { errors.push({ row, column: columnHeader('idCardNo'), message: { 'zh-CN': `与第 ${dup} 行身份证号重复`, en: `Same ID number as row ${dup}` } }); continue; }
      seen.set(result.data.idCardNo, row);
      if (unit) valid.push({ row, value: result.data });
    }
    if (parsed.rows.length === 0 && errors.length === 0) errors.push({ row: 2, column: '', message: { 'zh-CN': '表中没有数据行', en: 'The sheet has no data rows' } });
    const report: ImportReport = { imported: 0, updated: 0, unchanged: 0, errors };
    if (errors.length) throw new AppError('import_failed', { details: { report } });
    await db.transaction(async (tx) => {
      const existing = new Map((await staffRepository.byIdCards(tx, actor.tenantId, valid.map((v) => v.value.idCardNo))).map((s) => [s.idCardNo, s]));
      const inserts: StaffInsert[] = [];
      for (const { value } of valid) {
        const cur = existing.get(value.idCardNo);
        if (!cur) { inserts.push(value); continue; }
        const changed = (Object.keys(value) as (keyof StaffCreate)[]).filter((k) => String(cur[k]) !== String(value[k]));
        if (changed.length === 0) { report.unchanged++; continue; }
        const row = await staffRepository.update(tx, actor.tenantId, cur.id, cur.version, value);
        await auditService.record(tx, actor, { action: 'import_update', entity: 'staff', entityId: cur.id, before: auditView(cur), after: auditView(row!) });
        report.updated++;
      }
      const created = await withDbErrors(() => staffRepository.insertMany(tx, actor.tenantId, inserts));
      for (const row of created) await auditService.record(tx, actor, { action: 'import_create', entity: 'staff', entityId: row.id, after: auditView(row) });
      report.imported = created.length;
    });
    return report;
  },
};
