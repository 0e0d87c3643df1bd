#!/usr/bin/env node
// Builds the web app (vite) when apps/web/dist/index.html is missing or older than any source
// it is built from, so `npm start` and the browser tests always serve the current UI.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'apps/web/dist/index.html');
const sources = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'packages/contracts/src',
  'packages/domain/src',
].map((p) => join(root, p));

/** Newest modification time under a file or directory (0 when absent). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const sourceAt = Math.max(...sources.map(newest));
if (builtAt && builtAt >= sourceAt) {
  console.log('web: apps/web/dist is up to date');
  process.exit(0);
}

console.log(builtAt ? 'web: sources changed, rebuilding apps/web/dist…' : 'web: apps/web/dist missing, building…');
const vite = join(root, 'node_modules/.bin/vite');
const result = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: join(root, 'apps/web'), stdio: 'inherit' });
if (result.status !== 0) {
  console.error('web: vite build failed');
  process.exit(result.status ?? 1);
}
console.log('web: built apps/web/dist');
