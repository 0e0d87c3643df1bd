import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { browserRequired, chromiumAvailable, chromiumPath } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    browserAvailable: boolean;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}; see test-results/e2e-server.log`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms; see test-results/e2e-server.log`);
}

function loudNotice(lines: string[]): void {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n${lines.map((l) => `!!  ${l}`).join('\n')}\n${bar}\n`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!chromiumAvailable()) {
    const lines = [
      `BROWSER TESTS SKIPPED: no Chromium at ${chromiumPath()}.`,
      'Install it with `apt-get install -y chromium fonts-noto-cjk` or set CHROMIUM_PATH.',
    ];
    if (browserRequired()) {
      loudNotice([...lines, 'KEHU_REQUIRE_BROWSER=1, so this run FAILS.']);
      throw new Error(`Chromium not found at ${chromiumPath()} and KEHU_REQUIRE_BROWSER=1`);
    }
    loudNotice(lines);
    project.provide('browserAvailable', false);
    project.provide('baseUrl', '');
    return () => Promise.resolve();
  }

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kehu-e2e-data-'));
  // The server serves a private copy of the built app, so a rebuild of apps/web/dist during the
  // run (another terminal, `npm start`) cannot pull the files from under the open pages.
  const dist = join(ROOT, 'apps/web/dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('apps/web/dist is missing: run `node scripts/ensure-web-build.mjs` (npm run test:e2e does)');
  const webDir = join(dataDir, 'web');
  cpSync(dist, webDir, { recursive: true });
  mkdirSync(join(ROOT, 'test-results/screenshots'), { recursive: true });
  const log = createWriteStream(join(ROOT, 'test-results/e2e-server.log'));
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['apps/server/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KEHU_DATA_DIR: join(dataDir, 'db'), KEHU_WEB_DIST: webDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      // The server runs under tsx in its own process group; stop that group only.
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const started = Date.now();
    await waitForHealth(baseUrl, child, 90_000);
    console.log(`e2e: server ready at ${baseUrl} in ${Date.now() - started} ms`);
  } catch (err) {
    await stop();
    throw err;
  }
  project.provide('browserAvailable', true);
  project.provide('baseUrl', baseUrl);
  return stop;
}
