import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { openTestDatabase, type TestDatabase } from '@kehu/db/testing';
import { buildApp } from '../app.ts';
import { testConfig, type AppConfig } from '../config/env.ts';
import { seedDemo } from '../seed/seed.ts';
import { DEMO_PASSWORD, demoIdCard } from '../seed/demo-data.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface Harness {
  app: TestApp;
  database: TestDatabase;
  close(): Promise<void>;
}

/** A real app on a fresh, migrated and seeded database of the given kind. */
export async function createHarness(kind: 'pglite' | 'postgres', config: Partial<AppConfig> = {}): Promise<Harness> {
  const database = await openTestDatabase(kind);
  await seedDemo(database);
  const app = await buildApp(testConfig({ webDist: '/nonexistent', ...config }), database);
  return { app, database, close: async () => { await app.close(); await database.dispose(); } };
}

export interface Session { cookie: string; csrf: string; me: { userId: number; tenantId: number; orgUnitId: number | null; staffId: number | null } }

let addressSeq = 0;
/** Each sign-in comes from its own address so that per-address limits do not leak between tests. */
export function nextAddress(): string {
  addressSeq++;
  return `10.0.${Math.floor(addressSeq / 250)}.${addressSeq % 250 + 1}`;
}

export async function signIn(app: TestApp, login: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { login, password }, remoteAddress: nextAddress() });
  if (res.statusCode !== 200) throw new Error(`sign-in ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'kehu_sid');
  const me = res.json<Session['me'] & { csrfToken: string }>();
  return { cookie: `kehu_sid=${cookie!.value}`, csrf: me.csrfToken, me };
}

/** Calls the API as a signed-in user, with the CSRF header on writes. */
export function call(app: TestApp, s: Session | null, method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method, url,
    headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...headers },
    ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
  });
}

/** A valid new staff member for a unit; `seq` makes the ID number unique. */
export function newStaff(orgUnitId: number, seq = 1) {
  const idCardNo = demoIdCard('430102', '1990-05-06', 400 + seq, 'male');
  return {
    name: '测试员工', gender: 'male', birthDate: '1990-05-06', idCardNo, phone: '13900001111', education: 'bachelor', hireDate: '2015-07-01',
    hireType: 'staff', position: 'customer_manager', category: 'market', orgUnitId, status: 'active',
  };
}
