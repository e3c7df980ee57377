import path from 'node:path';

/** Configuration from the environment (API.md "Configuration"), read once at start. */
export interface EngineConfig {
  port: number;
  /** Address the HTTP server binds: every interface unless told otherwise (Fastify's own default is loopback only). */
  host: string;
  databaseUrl?: string;
  /** Demo mode: seed the demo organisation and procedures. On by default with the embedded database. */
  demo: boolean;
  adminPassword?: string;
  dataDir: string;
  embeddedPort: number;
  processesDir: string;
  webRoot: string;
  jobPollIntervalMs: number;
  /** Active instances a node keeps between commands (0: every command reads under lock). */
  instanceCacheSize: number;
  /** How long a job acquired by this node stays locked to it (a killed node's jobs wait this long). */
  jobLockMs: number;
  /** SIGTERM: the bound on draining before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** Other sites allowed to call the API from a browser (ONEDOOR_CORS_ORIGINS, comma-separated); none by default. */
  corsOrigins: string[];
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): EngineConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    demo: env.ONEDOOR_DEMO === '1' || (!databaseUrl && env.ONEDOOR_DEMO !== '0'),
    adminPassword: env.ONEDOOR_ADMIN_PASSWORD || undefined,
    dataDir: path.resolve(root, env.ONEDOOR_DATA_DIR ?? '.onedoor'),
    embeddedPort: Number(env.ONEDOOR_PG_PORT ?? 54329),
    processesDir: path.resolve(root, env.ONEDOOR_PROCESSES_DIR ?? 'processes'),
    webRoot: path.resolve(root, env.ONEDOOR_WEB_ROOT ?? 'dist/web'),
    jobPollIntervalMs: Number(env.ONEDOOR_JOB_POLL_MS ?? 500),
    instanceCacheSize: count(env.ONEDOOR_INSTANCE_CACHE, 10_000),
    jobLockMs: count(env.ONEDOOR_JOB_LOCK_MS, 60_000),
    shutdownTimeoutMs: count(env.ONEDOOR_SHUTDOWN_TIMEOUT_MS, 25_000),
    corsOrigins: (env.ONEDOOR_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
  };
}

/** A non-negative whole number from the environment; anything else falls back to the default. */
function count(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
}
