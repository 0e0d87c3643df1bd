import fp from 'fastify-plugin';
import type { Database, Db } from '@kehu/db';
import type { AppConfig } from '../config/env.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    db: Db;
    config: AppConfig;
  }
}

/** Makes the opened database and the config available to every module. The caller owns closing it. */
export const databasePlugin = fp<{ database: Database; config: AppConfig }>(async (app, opts) => {
  app.decorate('database', opts.database);
  app.decorate('db', opts.database.db);
  app.decorate('config', opts.config);
}, { name: 'kehu-database' });
