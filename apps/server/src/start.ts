import { createDb, migrateDb, type Database } from '@kehu/db';
import { ROLE_LABELS } from '@kehu/domain';
import type { AppConfig } from './config/env.ts';
import { buildApp } from './app.ts';
import { startDailyJob } from './modules/notifications/alert-schedule.ts';
import { creditAlertsService } from './modules/credit/credit-alerts.service.ts';
import { isEmpty, seedDemo } from './seed/seed.ts';
import { DEMO_PASSWORD, DEMO_TENANTS } from './seed/demo-data.ts';

/** Opens the configured database and applies pending migrations; seeds demo data into an empty one when asked. */
export async function openDatabase(config: AppConfig, log: (m: string) => void = console.log): Promise<{ database: Database; seeded: boolean }> {
  const t0 = performance.now();
  const database = await createDb(config.databaseUrl);
  await migrateDb(database);
  log(`database ${database.kind} at ${database.location} ready in ${Math.round(performance.now() - t0)} ms`);
  let seeded = false;
  if (config.seedDemo && (await isEmpty(database))) {
    await seedDemo(database);
    seeded = true;
    log('demo data loaded / 已载入演示数据');
  }
  return { database, seeded };
}

export async function startServer(config: AppConfig, opts: { quiet?: boolean } = {}) {
  const { database } = await openDatabase(config, opts.quiet ? () => undefined : console.log);
  const app = await buildApp(config, database);
  await app.listen({ port: config.port, host: config.host });
  // Deadline alerts and risk warnings into each recipient's notifications: now, then at each new business day.
  const stopAlerts = startDailyJob((today) => creditAlertsService.generateAll(database.db, today), (e) => app.log.error(e, 'alert run failed'));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  const lines = [`\nKehu 客户经理管理系统 is running at ${url}`, `API docs / 接口文档: ${url}/api/docs`];
  if (config.seedDemo) {
    lines.push(`Demo logins / 演示账号 (password / 密码: ${DEMO_PASSWORD}):`);
    for (const t of DEMO_TENANTS) for (const u of t.users) lines.push(`  ${u.login.padEnd(16)} ${ROLE_LABELS[u.role].zh} / ${ROLE_LABELS[u.role].en} — ${t.name}`);
  }
  if (!opts.quiet) console.log(lines.join('\n') + '\n');
  return {
    app, database, url, port,
    close: async () => { stopAlerts(); await app.close(); await database.close(); },
  };
}
