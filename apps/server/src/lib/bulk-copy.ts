import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, RawQuery } from '@kehu/db';

/** Accepts CSV text (whole lines) for one `COPY … FROM` and finishes it. */
export interface CopyWriter { write(csv: string): Promise<void>; end(): Promise<void> }

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
      let parts: string[] = [];
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

/** A CSV field for COPY: quoted when it holds a delimiter, quote or line break; empty → NULL. */
export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  if (v === '') return '""';
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}
