import { sql } from 'drizzle-orm';
import { tenants, type Database } from '@kehu/db';
import { hashPassword } from '../lib/passwords.ts';
import { DEMO_PASSWORD, DEMO_TENANTS, demoIdCard } from './demo-data.ts';
import { seedPortfolio } from './portfolio-seed.ts';
import { seedPay } from './pay-seed.ts';
import { seedCredit } from './credit-seed.ts';
import { seedEvaluation } from './evaluation-seed.ts';

/** True when the database holds no tenant yet (a first start). */
export async function isEmpty(database: Database): Promise<boolean> {
  const [r] = await database.db.select({ n: sql<number>`count(*)::int` }).from(tenants);
  return (r?.n ?? 0) === 0;
}

/**
 * Loads the demo tenants, their org trees, staff and one login per role, in one transaction.
 * Every row also gets its audit entry ("created by seed").
 */
export async function seedDemo(database: Database): Promise<{ logins: { login: string; role: string; tenant: string }[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins: { login: string; role: string; tenant: string }[] = [];
  await database.rawTransaction(async (q) => {
    for (const t of DEMO_TENANTS) {
      const [tenant] = await q<{ id: number }>('insert into tenants (code, name, kind) values ($1, $2, $3) returning id', [t.code, t.name, t.kind]);
      const tenantId = tenant!.id;
      const unitIds = new Map<string, { id: number; path: string }>();
      for (const u of t.units) {
        const parent = u.parent ? unitIds.get(u.parent)! : null;
        const [row] = await q<{ id: number }>('insert into org_units (tenant_id, parent_id, code, name, kind, path) values ($1, $2, $3, $4, $5, $6) returning id',
          [tenantId, parent?.id ?? null, u.code, u.name, u.kind, '/']);
        const path = `${parent?.path ?? '/'}${row!.id}/`;
        await q('update org_units set path = $1 where tenant_id = $2 and id = $3', [path, tenantId, row!.id]);
        unitIds.set(u.code, { id: row!.id, path });
      }
      const staffIds = new Map<string, number>();
      let seq = 10;
      for (const p of t.staff) {
        const id = demoIdCard(t.region, p.birth, seq++, p.gender);
        const [row] = await q<{ id: number }>(
          `insert into staff (tenant_id, org_unit_id, name, gender, birth_date, id_card_no, phone, education, hire_date, hire_type, position, category, status)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
          [tenantId, unitIds.get(p.unit)!.id, p.name, p.gender, p.birth, id, p.phone, p.education, p.hireDate, p.hireType, p.position, p.category, p.status]);
        staffIds.set(p.name, row!.id);
        await q(`insert into audit_log (tenant_id, actor_name, action, entity, entity_id, after) values ($1, '演示数据 / seed', 'create', 'staff', $2, $3::jsonb)`,
          [tenantId, String(row!.id), JSON.stringify({ name: p.name, orgUnitId: unitIds.get(p.unit)!.id, position: p.position, status: p.status })]);
      }
      for (const u of t.users) {
        await q('insert into users (tenant_id, login, password_hash, display_name, role, org_unit_id, staff_id) values ($1, $2, $3, $4, $5, $6, $7)',
          [tenantId, u.login, passwordHash, u.displayName, u.role, unitIds.get(u.unit)!.id, u.staff ? staffIds.get(u.staff)! : null]);
        logins.push({ login: u.login, role: u.role, tenant: t.name });
      }
      await seedPortfolio(q, { id: tenantId, code: t.code, region: t.region }, unitIds, staffIds);
      await seedPay(q, { id: tenantId, code: t.code }, staffIds);
      await seedCredit(q, { id: tenantId, code: t.code }, unitIds, staffIds);
      await seedEvaluation(q, { id: tenantId, code: t.code }, staffIds);
    }
  });
  return { logins };
}
