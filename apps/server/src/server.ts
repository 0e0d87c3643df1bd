// Starts Kehu: opens (and on first start creates, migrates and seeds) the database, then listens.
import { loadConfig } from './config/env.ts';
import { startServer } from './start.ts';

const config = loadConfig();
const started = await startServer(config);
const shutdown = async (signal: string) => {
  started.app.log.info(`${signal}: closing`);
  await started.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
