// Starts Kehu: opens (and on first start creates, migrates and seeds) the database, then listens.
// With KEHU_WORKERS > 1 (PostgreSQL only) the primary prepares the database and forks the workers.
import cluster from 'node:cluster';
import { loadConfig } from './config/env.ts';
import { runPrimary } from './cluster.ts';
import { startServer } from './start.ts';

const config = loadConfig();
if (config.workers > 1 && cluster.isPrimary) {
  await runPrimary(config);
} else {
  const started = await startServer(config, { quiet: !cluster.isPrimary && cluster.worker?.id !== 1 });
  const shutdown = async (signal: string) => {
    started.app.log.info(`${signal}: closing`);
    await started.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
