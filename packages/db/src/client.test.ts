import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from './testing.ts';
import { backupDb, restoreDb, NOT_BACKED_UP, TABLE_ORDER } from './backup.ts';
import { insertFacts } from './pay-facts.ts';
import { tenants, orgUnits, staff, auditLog, payPeriods } from './schema/index.ts';

describe.each(testDatabaseKinds())('database on %s', (kind) => {
  let database: TestDatabase;
  let restored: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'kehu-backup-'));
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    restored = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.dispose();
    await restored?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates and enforces tenant-scoped keys', async () => {
    const { db } = database;
    const [t1] = await db.insert(tenants).values({ code: 'a', name: '甲银行', kind: 'bank' }).returning();
    const [t2] = await db.insert(tenants).values({ code: 'b', name: '乙水疗', kind: 'spa' }).returning();
    const [root] = await db.insert(orgUnits).values({ tenantId: t1!.id, code: 'HQ', name: '总行', kind: 'head_office', path: '/' }).returning();
    await db.update(orgUnits).set({ path: `/${root!.id}/` }).where(eq(orgUnits.id, root!.id));
    // A unit of tenant 2 cannot hang under tenant 1's unit: the foreign key includes tenant_id.
    await expect(db.insert(orgUnits).values({ tenantId: t2!.id, parentId: root!.id, code: 'X', name: '错', kind: 'store', path: '/x/' })).rejects.toThrow();
    // The same unit code may exist once per tenant.
    await db.insert(orgUnits).values({ tenantId: t2!.id, code: 'HQ', name: '总部', kind: 'head_office', path: '/9/' });
    await expect(db.insert(orgUnits).values({ tenantId: t1!.id, code: 'HQ', name: '重复', kind: 'branch', path: '/8/' })).rejects.toThrow();
    await db.insert(staff).values({
      tenantId: t1!.id, orgUnitId: root!.id, name: '张伟', gender: 'male', birthDate: '1990-03-07', idCardNo: '11010519900307123X',
      phone: '13812345678', education: 'bachelor', hireDate: '2015-07-01', hireType: 'staff', position: 'customer_manager', category: 'market', status: 'active',
    });
    await db.insert(auditLog).values({ tenantId: t1!.id, actorName: '系统', action: 'create', entity: 'staff', entityId: '1', after: { name: '张伟', nested: { a: [1, 2] } } });
  });

  it('keeps pay facts in one partition per period, each fact numbered by its file', async () => {
    const [t] = await database.query<{ id: number }>(`select id from tenants where code = 'a'`);
    const [s] = await database.query<{ id: number }>(`select id from staff where tenant_id = $1`, [t!.id]);
    const periods = await database.db.insert(payPeriods).values([{ tenantId: t!.id, period: '2026-09' }, { tenantId: t!.id, period: '2026-10' }]).returning();
    const files: number[] = [];
    for (const [i, p] of periods.entries()) {
      files.push(await database.rawTransaction((q) => insertFacts(q, t!.id, p.id, [
        { staffId: s!.id, kind: 'card', factDate: `${p.period}-03`, amountFen: 100000 + i, sourceRef: `R-${i}` },
        { staffId: s!.id, kind: 'booking', factDate: `${p.period}-04`, faceValueFen: 50000, spentFen: 30000, note: 'with "quotes", commas\tand tabs' },
      ], { fileName: `f${i}.csv`, sha256: `sha-${i}` })));
    }
    const parts = await database.query<{ name: string }>(`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'pay_facts'::regclass order by 1`);
    expect(parts.map((x) => x.name)).toEqual(periods.map((p) => `pay_facts_p${p.id}`).sort());
    const ids = await database.query<{ id: number; file: number }>(`select id, file_id as file from pay_facts order by id`);
    expect(ids.map((x) => x.id)).toEqual(files.flatMap((f) => [f * 2 ** 32 + 1, f * 2 ** 32 + 2]));
    const reg = await database.query<{ n: number; m: number }>(`select row_count as n, max_fact_id as m from pay_fact_files order by id`);
    expect(reg).toEqual(files.map((f) => ({ n: 2, m: f * 2 ** 32 + 2 })));
    // A ref already loaded in the period is skipped; the same ref in another period is not.
    await database.rawTransaction((q) => insertFacts(q, t!.id, periods[0]!.id, [{ staffId: s!.id, kind: 'card', factDate: '2026-09-05', amountFen: 1, sourceRef: 'R-0' }], { fileName: 'again.csv', sha256: 'sha-again' }));
    const [again] = await database.query<{ n: number; m: number | null }>(`select row_count as n, max_fact_id as m from pay_fact_files where sha256 = 'sha-again'`);
    expect(again).toEqual({ n: 0, m: null });
  });

  it('backs up every table of the schema, parents before children', async () => {
    const order: readonly string[] = TABLE_ORDER;
    // A partition (one per pay period of pay_facts) is backed up through its parent, not as a table of its own.
    const tables = await database.query<{ name: string }>(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition`);
    const missing = tables.map((t) => t.name).filter((t) => !order.includes(t) && !(NOT_BACKED_UP as readonly string[]).includes(t));
    expect(missing, 'tables neither in TABLE_ORDER nor in NOT_BACKED_UP').toEqual([]);
    const keys = await database.query<{ child: string; parent: string }>(
      `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
         from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = 'public' and c.conrelid <> c.confrelid`);
    const late = keys.filter((k) => order.includes(k.child) && order.indexOf(k.parent) > order.indexOf(k.child));
    expect(late, 'foreign keys pointing at a table restored later').toEqual([]);
  });

  it('backs up and restores into an empty database with identical rows', async () => {
    const file = join(dir, `b-${kind}.ndjson.gz`);
    const written = await backupDb(database, file);
    expect(written.staff).toBe(1);
    const loaded = await restoreDb(restored, file);
    for (const table of TABLE_ORDER) {
      const a = await database.query(`select to_jsonb(x) as r from ${table} x order by 1`);
      const b = await restored.query(`select to_jsonb(x) as r from ${table} x order by 1`);
      expect(b, table).toEqual(a);
      expect(loaded[table] ?? 0).toBe(a.length);
    }
    // Facts of both periods come back into partitions of their own.
    const parts = await restored.query<{ n: number }>(`select count(*)::int as n from pg_inherits where inhparent = 'pay_facts'::regclass`);
    expect(parts[0]!.n).toBe(2);
    // Identity sequences continue after the restored ids.
    const [t] = await restored.db.insert(tenants).values({ code: 'c', name: '丙', kind: 'bank' }).returning();
    expect(t!.id).toBeGreaterThan(2);
    // Restoring twice is refused rather than doubling rows.
    await expect(restoreDb(restored, file)).rejects.toThrow(/empty/);
  });

  it('restores the whole backup however long the transaction takes to begin', async () => {
    const file = join(dir, `b-${kind}.ndjson.gz`);
    const slow = await openTestDatabase(kind);
    try {
      // The restore's BEGIN waits a moment (a busy server): time enough to read a small backup whole.
      const late: typeof slow = { ...slow, rawTransaction: async (fn) => { await new Promise((r) => setTimeout(r, 300)); return slow.rawTransaction(fn); } };
      const loaded = await restoreDb(late, file);
      expect(loaded.tenants).toBe(2);
      expect(loaded.staff).toBe(1);
      const names = await slow.query<{ name: string }>('select name from tenants order by id');
      expect(names.map((x) => x.name)).toEqual(['甲银行', '乙水疗']);
    } finally {
      await slow.dispose();
    }
  });
});
