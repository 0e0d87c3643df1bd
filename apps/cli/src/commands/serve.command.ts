import type { Command } from 'commander';
import { loadConfig, startServer } from '@kehu/server';

export function registerServeCommand(program: Command): void {
  program.command('serve').description('Start the server (same as npm start) / 启动服务')
    .option('-p, --port <port>', 'port (default: PORT or 3000)')
    .action(async (opts: { port?: string }) => {
      const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}) });
      const s = await startServer(config);
      const stop = () => void s.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
