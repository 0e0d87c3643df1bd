import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/** The only place that reads process.env. Parsed once at start; a bad value stops the start with its name. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  KEHU_DATA_DIR: z.string().default('./data'),
  KEHU_SEED_DEMO: z.enum(['0', '1']).default('1'),
  KEHU_WEB_DIST: z.string().default('apps/web/dist'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  KEHU_WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default(1),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** `postgres://…`, a PGlite directory, or `memory://`. */
  databaseUrl: string;
  seedDemo: boolean;
  webDist: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  cookieSecure: boolean;
  logLevel: string;
  trustProxy: boolean;
  /** HTTP worker processes (node:cluster) on PostgreSQL; `auto` = one per core. PGlite is one process. */
  workers: number;
}

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment / 环境变量有误:\n${lines}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? (e.KEHU_DATA_DIR === 'memory://' ? 'memory://' : resolve(e.KEHU_DATA_DIR)),
    seedDemo: e.KEHU_SEED_DEMO === '1',
    webDist: resolve(e.KEHU_WEB_DIST),
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
    cookieSecure: e.COOKIE_SECURE === '1',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === '1',
    workers: e.KEHU_WORKERS === 'auto' ? availableParallelism() : e.KEHU_WORKERS,
  };
}

/** A config for tests: in-memory database unless one is given, quiet logs. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', KEHU_DATA_DIR: 'memory://' }), ...overrides };
}
