/**
 * A realistic spa-chain tenant for settlement benchmarks: stores of 50 managers each, a spa-pay
 * plan for customer managers, the October 2026 period, and a facts CSV in the import format.
 * Sizes: S 50 managers / 20,000 facts, M 1,000 / 500,000, L 10,000 / 5,000,000.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Database } from '@kehu/db';

export const SIZES = { S: { managers: 50, facts: 20_000 }, M: { managers: 1_000, facts: 500_000 }, L: { managers: 10_000, facts: 5_000_000 } } as const;
export type Size = keyof typeof SIZES;

/** Deterministic pseudo-random numbers (mulberry32), so every run loads the same data. */
export function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Creates tenant, stores, managers (set-based), the plan and its assignment, and the period. */
export async function generateTenant(database: Database, managers: number, planDocument: string): Promise<{ tenantId: number; periodId: number; staffIds: number[] }> {
  const code = `BENCH${managers}`;
  const [t] = await database.query<{ id: number }>(`insert into tenants (code, name, kind) values ($1, '基准测试足浴连锁', 'spa_chain') returning id`, [code]);
  const tenantId = t!.id;
  const [hq] = await database.query<{ id: number }>(`insert into org_units (tenant_id, code, name, kind, path) values ($1, 'HQ', '总部', 'head_office', '/') returning id`, [tenantId]);
  await database.query(`update org_units set path = '/' || id || '/' where tenant_id = $1 and id = $2`, [tenantId, hq!.id]);
  const stores = Math.max(1, Math.ceil(managers / 50));
  await database.query(`insert into org_units (tenant_id, parent_id, code, name, kind, path) select $1, $2, 'S' || g, '门店' || g, 'store', '/' from generate_series(1, $3) g`, [tenantId, hq!.id, stores]);
  await database.query(`update org_units set path = '/' || $2 || '/' || id || '/' where tenant_id = $1 and parent_id = $2`, [tenantId, hq!.id]);
  await database.query(`insert into staff (tenant_id, org_unit_id, name, gender, birth_date, id_card_no, phone, education, hire_date, hire_type, position, category, status)
    select $1, u.id, '经理' || g, case when g % 2 = 0 then 'female' else 'male' end, '1990-01-01', 'B' || lpad(g::text, 17, '0'), '139' || lpad(g::text, 8, '0'), 'college',
      case when g % 97 = 0 then '2026-10-01'::date else '2019-04-01'::date end, case when g % 97 = 0 then 'external' else 'staff' end, 'customer_manager', 'service', 'active'
    from generate_series(1, $2) g join org_units u on u.tenant_id = $1 and u.code = 'S' || ((g - 1) / 50 + 1)`, [tenantId, managers]);
  const [plan] = await database.query<{ id: number }>(`insert into pay_plans (tenant_id, code, title, preset_id, version, document) values ($1, 'spa-pay', 'spa pay', 'spa-pay', '1', $2) returning id`, [tenantId, planDocument]);
  await database.query(`insert into pay_plan_assignments (tenant_id, plan_id, position, valid_from) values ($1, $2, 'customer_manager', '2026-01-01')`, [tenantId, plan!.id]);
  const [period] = await database.query<{ id: number }>(`insert into pay_periods (tenant_id, period) values ($1, '2026-10') returning id`, [tenantId]);
  const staffIds = (await database.query<{ id: number }>('select id from staff where tenant_id = $1 order by id', [tenantId])).map((r) => r.id);
  return { tenantId, periodId: period!.id, staffIds };
}

const CARD_AMOUNTS = ['500', '800', '1000', '1500', '2000', '3000', '5000', '10000'];

/** A customer two managers share (60% and 40%, as DOMAIN.md's shared assignments): card sales of it are split. */
export interface SharedCustomer { customerId: number; staffIds: [number, number] }

/**
 * Customers of neighbouring managers, shared 60/40 from the start of the year: one per pair of
 * managers, set-based. Their card sales are credited by share in the settlement.
 */
export async function addSharedCustomers(database: Database, tenantId: number, staffIds: number[]): Promise<SharedCustomer[]> {
  const pairs = Math.floor(staffIds.length / 2);
  const [unit] = await database.query<{ id: number }>(`select id from org_units where tenant_id = $1 and kind = 'store' order by id limit 1`, [tenantId]);
  const customers = await database.query<{ id: number; g: number }>(`insert into customers (tenant_id, org_unit_id, customer_no, name, kind, segment, id_no)
    select $1, $2, 'SC' || g, '共管客户' || g, 'individual', 'retail', 'S' || lpad(g::text, 17, '0') from generate_series(1, $3) g returning id, substr(customer_no, 3)::int as g`, [tenantId, unit!.id, pairs]);
  const out = customers.map((c) => ({ customerId: c.id, staffIds: [staffIds[2 * (c.g - 1)]!, staffIds[2 * (c.g - 1) + 1]!] as [number, number] }));
  await database.query(`insert into customer_assignments (tenant_id, customer_id, staff_id, role, share, valid_from)
    select $1, x.c, x.s, 'manage', x.share, '2026-01-01' from jsonb_to_recordset($2::jsonb) as x(c int, s int, share numeric)`,
  [tenantId, JSON.stringify(out.flatMap((c) => [{ c: c.customerId, s: c.staffIds[0], share: 60 }, { c: c.customerId, s: c.staffIds[1], share: 40 }]))]);
  return out;
}

/**
 * Writes `facts` rows for the given managers in the import format: per manager one target row,
 * about 70% bookings (some not qualifying), 25% card sales (some with gifted drinks), the rest
 * deductions and leave days. Streams to disk, so any size fits in memory.
 */
export async function writeFactsCsv(file: string, staffIds: number[], facts: number, seed = 2026, shared: { customers: SharedCustomer[]; fraction: number } | null = null): Promise<void> {
  const out = createWriteStream(file);
  const r = rng(seed);
  const write = async (s: string) => { if (!out.write(s)) await once(out, 'drain'); };
  // With shared customers, a `fraction` of card sales are of such a customer, sold by one of its two managers.
  const byStaff = new Map<number, number>();
  for (const c of shared?.customers ?? []) for (const id of c.staffIds) byStaff.set(id, c.customerId);
  const tail = shared ? ',' : '';
  await write(`staffId,kind,date,quantity,amount,faceValue,spent,gifted,subKind${shared ? ',customerId' : ''}\n`);
  let n = 0;
  for (const id of staffIds) { await write(`${id},target,2026-10-01,${60 + Math.floor(r() * 60)},,,,,${tail}\n`); n++; }
  let buf = '';
  while (n < facts) {
    const id = staffIds[Math.floor(r() * staffIds.length)]!;
    const day = `2026-10-${String(1 + Math.floor(r() * 31)).padStart(2, '0')}`;
    const x = r();
    if (x < 0.7) buf += `${id},booking,${day},1,,${r() < 0.9 ? 1000 : 300},${200 + Math.floor(r() * 300)},,${tail}\n`;
    else if (x < 0.95) {
      const customer = shared && r() < shared.fraction ? byStaff.get(id) : undefined;
      buf += `${id},card,${day},1,${CARD_AMOUNTS[Math.floor(r() * CARD_AMOUNTS.length)]},,,${r() < 0.1 ? '是' : '否'},${shared ? `,${customer ?? ''}` : ''}\n`;
    } else if (x < 0.98) buf += `${id},deduction,${day},1,${10 + Math.floor(r() * 50)},,,,${r() < 0.5 ? '差勤' : '电话卡'}${tail}\n`;
    else buf += `${id},leave,2026-11-${String(1 + Math.floor(r() * 15)).padStart(2, '0')},1,,,,,${tail}\n`;
    n++;
    if (buf.length > 1 << 16) { await write(buf); buf = ''; }
  }
  await write(buf);
  out.end();
  await once(out, 'finish');
}
