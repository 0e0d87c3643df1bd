import cluster from 'node:cluster';
import type { AppConfig } from './config/env.ts';
import { openDatabase } from './start.ts';

/**
 * One HTTP process per core on PostgreSQL: the primary migrates and seeds once, then forks
 * `workers` processes that share the listening port (node:cluster hands connections out
 * round-robin). A worker that dies is replaced. Sessions live in the database, so any worker
 * answers any user; in-process counters (the public survey rate limits) are per worker.
 */
export async function runPrimary(config: AppConfig): Promise<void> {
  if (!config.databaseUrl.startsWith('postgres')) throw new Error('KEHU_WORKERS > 1 needs DATABASE_URL=postgres://… (an embedded PGlite database is opened by one process only)');
  const { database } = await openDatabase(config);
  await database.close();
  let stopping = false;
  const fork = () => cluster.fork({ KEHU_CLUSTER_WORKER: '1' });
  for (let i = 0; i < config.workers; i++) fork();
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    console.error(`worker ${w.process.pid} ended (${signal ?? code}); starting another`);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    let left = Object.keys(cluster.workers ?? {}).length;
    if (left === 0) process.exit(0);
    cluster.on('exit', () => { if (--left === 0) process.exit(0); });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  console.log(`Kehu: ${config.workers} worker processes on port ${config.port}`);
}
