import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Executor, RawQuery } from '@kehu/db';

/** Accepts CSV (whole lines, as text or UTF-8 bytes) for one `COPY … FROM` and finishes it. */
export interface CopyWriter { write(csv: string | Buffer): Promise<void>; end(): Promise<void> }

/**
 * One transaction in which rows can be bulk-loaded with COPY: a pg-copy-streams stream on
 * PostgreSQL; on PGlite `COPY … FROM '/dev/blob'` with the text in bounded chunks, so memory
 * stays flat on both whatever the size of the input.
 */
export async function copyTransaction<T>(database: Database, fn: (query: RawQuery, copy: (copySql: string) => CopyWriter) => Promise<T>): Promise<T> {
  if (database.pool) {
    const client = await database.pool.connect();
    const open = new Set<Writable>();
    try {
      await client.query('begin');
      const query: RawQuery = async <R>(s: string, p?: unknown[]) => (await client.query(s, p)).rows as R[];
      const copy = (copySql: string): CopyWriter => {
        const stream: Writable = client.query(copyFrom(`${copySql} FROM STDIN WITH (FORMAT csv)`));
        open.add(stream);
        let failed: unknown = null;
        stream.on('error', (e) => { failed = e; });
        return {
          async write(csv) {
            if (failed) throw failed as Error;
            if (!stream.write(csv)) {
              await new Promise<void>((resolve, reject) => {
                const onError = (e: Error) => { stream.off('drain', onDrain); reject(e); };
                const onDrain = () => { stream.off('error', onError); resolve(); };
                stream.once('drain', onDrain);
                stream.once('error', onError);
              });
            }
          },
          async end() {
            if (failed) throw failed as Error;
            const done = Promise.race([once(stream, 'finish'), once(stream, 'error').then(([e]) => { throw e; })]);
            stream.end();
            await done;
            open.delete(stream);
          },
        };
      };
      const out = await fn(query, copy);
      await client.query('commit');
      return out;
    } catch (e) {
      // A COPY still open holds the connection: abort it (CopyFail) before rolling back.
      for (const stream of open) {
        const closed = Promise.race([once(stream, 'close'), once(stream, 'error')]).catch(() => undefined);
        stream.destroy(new Error('import aborted'));
        await closed;
      }
      await client.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
  const pglite = database.pglite!;
  return pglite.transaction(async (tx) => {
    const query: RawQuery = async <R>(s: string, p?: unknown[]) => (await tx.query<R>(s, p)).rows;
    const copy = (copySql: string): CopyWriter => {
      let parts: (string | Buffer)[] = [];
      let size = 0;
      const flush = async () => {
        if (!size) return;
        const blob = new Blob(parts);
        parts = [];
        size = 0;
        await tx.query(`${copySql} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
      };
      return {
        async write(csv) {
          parts.push(csv);
          size += csv.length;
          if (size >= 4_000_000) await flush();
        },
        end: flush,
      };
    };
    return fn(query, copy);
  });
}

/** What a Drizzle transaction runs on: a pg pool client (PostgreSQL) or a PGlite transaction. */
type TxClient = pg.PoolClient | { query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown> };

/** One `COPY … FROM` in an open transaction, fed text (whole lines) synchronously as it is produced. */
export interface TxCopy {
  /** Queues text; it goes out whenever the event loop turns (PostgreSQL reads it meanwhile). */
  write(text: string): void;
  /** Resolves once the queued text is down to the stream's buffer size (for producers that can wait). */
  drained(): Promise<void>;
  /** Sends what is left and waits until the server has taken every row. */
  end(): Promise<void>;
  /** Gives up the COPY (CopyFail), so the transaction can roll back. */
  abort(reason: unknown): Promise<void>;
}

/**
 * `COPY … FROM` in PostgreSQL's text format inside an open Drizzle transaction (`tx`): a
 * pg-copy-streams stream on the transaction's own connection on PostgreSQL, which the server
 * ingests while the caller goes on computing; on PGlite `COPY … FROM '/dev/blob'` in chunks of a
 * few MB. No other query may run on the transaction until end() or abort() has returned.
 */
export function openCopy(tx: Executor, copySql: string): TxCopy {
  const client = (tx as unknown as { session: { client: TxClient } }).session.client;
  if ('release' in client) {
    const stream: Writable = client.query(copyFrom(`${copySql} FROM STDIN`));
    let failed: Error | null = null;
    const done = new Promise<void>((resolve, reject) => {
      stream.once('finish', resolve);
      stream.once('error', (e: Error) => { failed = e; reject(e); });
    });
    done.catch(() => undefined);
    return {
      write(text) { if (!failed) stream.write(text); },
      async drained() {
        if (failed || !stream.writableNeedDrain) return;
        await new Promise<void>((resolve) => {
          const go = () => { stream.off('drain', go); stream.off('error', go); resolve(); };
          stream.on('drain', go);
          stream.on('error', go);
        });
      },
      async end() {
        if (!failed) stream.end();
        await done;
      },
      async abort(reason) {
        if (!failed && !stream.destroyed) stream.destroy(reason instanceof Error ? reason : new Error(String(reason)));
        await done.catch(() => undefined);
      },
    };
  }
  let parts: string[] = [];
  let size = 0;
  let sent = Promise.resolve();
  const flush = () => {
    if (!size) return;
    const blob = new Blob(parts);
    parts = [];
    size = 0;
    sent = sent.then(async () => { await client.query(`${copySql} FROM '/dev/blob'`, [], { blob }); });
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
      if (size >= 4_000_000) flush();
    },
    drained: () => sent,
    async end() { flush(); await sent; },
    async abort() { parts = []; size = 0; await sent.catch(() => undefined); },
  };
}

/** `openCopy` fed from `chunks` to the end. */
export async function copyInTransaction(tx: Executor, copySql: string, chunks: Iterable<string>): Promise<void> {
  const copy = openCopy(tx, copySql);
  try {
    for (const c of chunks) {
      copy.write(c);
      await copy.drained();
    }
  } catch (e) {
    await copy.abort(e);
    throw e;
  }
  await copy.end();
}

/**
 * A field of COPY's text format: backslash, tab and line breaks escaped; null → \N. JSON text
 * (which has no raw tabs or line breaks) usually goes through untouched.
 */
export function copyText(v: string | null): string {
  if (v === null) return '\\N';
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : v;
}

/** A CSV field for COPY: quoted when it holds a delimiter, quote or line break; empty → NULL. */
export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  if (v === '') return '""';
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}
