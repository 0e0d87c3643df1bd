// @kehu/server — for the CLI and tests: build or start the HTTP app.
export { buildApp, type RouteInfo } from './app.ts';
export { startServer, openDatabase } from './start.ts';
export { loadConfig, testConfig, type AppConfig } from './config/env.ts';
export { seedDemo, isEmpty } from './seed/seed.ts';
export { DEMO_PASSWORD, DEMO_TENANTS } from './seed/demo-data.ts';
export { cliActor, cliExport, cliImport, cliPeriod, cliSettle } from './modules/settlement/settlement.cli.ts';
export { cliImportCredit } from './modules/credit/credit.cli.ts';
