import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testDatabaseKinds } from '@kehu/db/testing';
import { demoIdCard } from '../../seed/demo-data.ts';
import { call, createHarness, signIn, type Harness, type Session } from '../../testing/test-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['姓名', '性别', '出生日期', '身份证号', '手机号', '学历', '入职日期', '用工类型', '岗位', '类别', '机构代码', '状态'];

async function sheet(rows: (string | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('员工');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const person = (name: string, seq: number, over: Partial<Record<number, string | Date>> = {}): (string | Date)[] => {
  const base: (string | Date)[] = [name, '女', '1992-03-04', demoIdCard('430103', '1992-03-04', seq, 'female'), '13600001111', '本科', new Date(Date.UTC(2016, 6, 1)), '正式员工', '客户经理', '市场经理', 'CQ01', '在岗'];
  for (const [i, v] of Object.entries(over)) base[Number(i)] = v!;
  return base;
};

describe.each(testDatabaseKinds())('staff Excel import and export on %s', (kind) => {
  let h: Harness;
  let hr: Session;
  const total = async () => (await call(h.app, hr, 'GET', '/api/v1/staff?pageSize=1')).json<{ total: number }>().total;
  const upload = (file: Buffer) => call(h.app, hr, 'POST', '/api/v1/staff/import', file, { 'content-type': XLSX });
  beforeAll(async () => { h = await createHarness(kind); hr = await signIn(h.app, 'bank.hr'); });
  afterAll(() => h?.close());

  it('imports new rows once: the same file twice adds nothing', async () => {
    const before = await total();
    const file = await sheet([person('唐小玲', 1), person('欧阳明', 2, { 1: '男', 3: demoIdCard('430103', '1992-03-04', 2, 'male') })]);
    const first = await upload(file);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ imported: 2, updated: 0, unchanged: 0, errors: [] });
    const second = await upload(file);
    expect(second.json()).toEqual({ imported: 0, updated: 0, unchanged: 2, errors: [] });
    expect(await total()).toBe(before + 2);
  });

  it('stops at any bad row, names row, column and reason, and imports nothing', async () => {
    const before = await total();
    const file = await sheet([
      person('好人', 10),
      person('坏身份证', 11, { 3: '430103199203040000' }),
      person('坏学历', 12, { 5: '大学' }),
      person('坏机构', 13, { 10: 'NOPE' }),
      person('重复', 10),
    ]);
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    const body = res.json<{ code: string; details: { report: { errors: { row: number; column: string; message: { 'zh-CN': string; en: string } }[] } } }>();
    expect(body.code).toBe('import_failed');
    const errs = body.details.report.errors.map((e) => [e.row, e.column]);
    expect(errs).toEqual(expect.arrayContaining([[3, '身份证号'], [4, '学历'], [5, '机构代码'], [6, '身份证号']]));
    expect(body.details.report.errors.find((e) => e.row === 4)!.message['zh-CN']).toContain('大学');
    expect(await total()).toBe(before);
  });

  it('exports what HR sees and the export imports back unchanged', async () => {
    const res = await call(h.app, hr, 'GET', '/api/v1/staff/export.xlsx?pageSize=20');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('姓名');
    expect(ws.rowCount - 1).toBe(await total());
    const names = ws.getColumn(1).values.slice(2);
    expect(names).toContain('李娜');
    const back = await upload(Buffer.from(res.rawPayload));
    expect(back.json()).toMatchObject({ imported: 0, updated: 0, errors: [] });
    expect(back.json<{ unchanged: number }>().unchanged).toBe(await total());
  });

  it('applies a changed row as an update with an audit entry', async () => {
    const file = await sheet([person('唐小玲', 1, { 11: '休假' })]);
    expect((await upload(file)).json()).toEqual({ imported: 0, updated: 1, unchanged: 0, errors: [] });
    const found = (await call(h.app, hr, 'GET', `/api/v1/staff?q=${encodeURIComponent('唐小玲')}`)).json<{ items: { id: number; status: string }[] }>().items[0]!;
    expect(found.status).toBe('on_leave');
    const history = (await call(h.app, hr, 'GET', `/api/v1/staff/${found.id}/history`)).json<{ items: { action: string }[] }>().items;
    expect(history.map((x) => x.action)).toEqual(['import_update', 'import_create']);
  });

  it('reports a missing column and a file that is not a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['姓名', '性别']);
    const missing = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(missing.statusCode).toBe(422);
    expect(missing.json<{ details: { report: { errors: { column: string }[] } } }>().details.report.errors.map((e) => e.column)).toContain('身份证号');
    const junk = await upload(Buffer.from('hello'));
    expect(junk.statusCode).toBe(422);
  });
});
