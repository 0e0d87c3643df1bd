import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

export type RawQuery = <T = Record<string, unknown>>(sqlText: string, params?: unknown[]) => Promise<T[]>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where it lives: a directory, `memory://`, or the URL without its password. */
  location: string;
  /** Runs plain SQL (several statements allowed) outside Drizzle. */
  exec(sqlText: string): Promise<void>;
  /** Runs one parameterised query and returns its rows. */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction on one connection, with a raw query function. */
  rawTransaction<T>(fn: (query: RawQuery) => Promise<T>): Promise<T>;
  /** The underlying pg Pool, for COPY streams; null on PGlite. */
  pool: pg.Pool | null;
  /** The underlying PGlite instance; null on PostgreSQL. */
  pglite: PGlite | null;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Opens the database named by `url`: `postgres://…` → a PostgreSQL server; `memory://` →
 * a throw-away embedded database; anything else → a PGlite data directory (created if missing).
 * `opts.loadDataDir` starts an embedded database from a dump (PGlite's dumpDataDir).
 */
export async function createDb(url: string, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection the server closes (restart, failover, a dropped test database) is
    // discarded by the pool and replaced on the next query; without a listener it would crash
    // the process.
    pool.on('error', () => undefined);
    // BIGINT counts come back as strings by default; ids and counts here fit in a JS number.
    pg.types.setTypeParser(20, (v) => Number(v));
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db, kind: 'postgres', pool, pglite: null,
      location: url.replace(/:[^:@/]*@/, ':***@'),
      exec: async (s) => { await pool.query(s); },
      query: async <T>(s: string, p?: unknown[]) => (await pool.query(s, p)).rows as T[],
      rawTransaction: async (fn) => {
        const c = await pool.connect();
        try {
          await c.query('begin');
          const out = await fn(async <T>(s: string, p?: unknown[]) => (await c.query(s, p)).rows as T[]);
          await c.query('commit');
          return out;
        } catch (e) {
          await c.query('rollback');
          throw e;
        } finally {
          c.release();
        }
      },
      close: () => pool.end(),
    };
  }
  if (url !== 'memory://' && !url.includes('://')) mkdirSync(url, { recursive: true });
  // loadDataDir (PGlite only): start from a dumped data directory instead of running initdb.
  const client = url === 'memory://' ? new PGlite(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) : new PGlite(url, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  await client.waitReady;
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db, kind: 'pglite', pool: null, pglite: client, location: url,
    exec: async (s) => { await client.exec(s); },
    query: async <T>(s: string, p?: unknown[]) => (await client.query<T>(s, p)).rows,
    rawTransaction: (fn) => client.transaction((tx) => fn(async <T>(s: string, p?: unknown[]) => (await tx.query<T>(s, p)).rows)),
    close: () => client.close(),
  };
}

/** Applies every migration not yet applied. Safe to call on each start. */
export async function migrateDb(database: Database): Promise<void> {
  if (database.kind === 'postgres') await migratePg(database.db as never, { migrationsFolder });
  else await migratePglite(database.db as never, { migrationsFolder });
}
