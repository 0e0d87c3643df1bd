// @kehu/db — the schema, its migrations, and createDb(url) for PGlite or PostgreSQL.
export * from './client.ts';
export * as schema from './schema/index.ts';
export * from './schema/index.ts';
export { backupDb, restoreDb, TABLE_ORDER, NOT_BACKED_UP } from './backup.ts';
export * from './pay-facts.ts';
