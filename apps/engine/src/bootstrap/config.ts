import path from 'node:path';
import type { SingleSignOnConfig } from '../identity/single-sign-on.js';

/** Configuration from the environment (README, "Configuration"), read once at start. */
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
  /**
   * Jobs of different instances this node runs at once. More lanes help jobs that wait on other
   * systems; jobs that only touch the database contend once PostgreSQL's cores are busy (on the
   * 2-core bench machine, 4 lanes per node fired timers with a third of the lateness of 16).
   */
  jobConcurrency: number;
  /** SIGTERM: the bound on draining before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** Other sites allowed to call the API from a browser (ONEDOOR_CORS_ORIGINS, comma-separated); none by default. */
  corsOrigins: string[];
  /** Lifetime of an access token (the browser renews it with its refresh token). */
  accessTokenMinutes: number;
  /** How long a session lives without being renewed. */
  sessionHours: number;
  /** Sign-in through the agency's identity provider (ONEDOOR_OIDC_ISSUER and the rest); undefined: local accounts only. */
  singleSignOn?: SingleSignOnConfig;
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
    jobConcurrency: Math.max(1, count(env.ONEDOOR_JOB_CONCURRENCY, 8)),
    shutdownTimeoutMs: count(env.ONEDOOR_SHUTDOWN_TIMEOUT_MS, 25_000),
    corsOrigins: (env.ONEDOOR_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    accessTokenMinutes: Math.max(1, count(env.ONEDOOR_ACCESS_TOKEN_MINUTES, 15)),
    sessionHours: Math.max(1, count(env.ONEDOOR_SESSION_HOURS, 12)),
    singleSignOn: singleSignOn(env),
  };
}

/**
 * ONEDOOR_OIDC_ISSUER, _CLIENT_ID and _REDIRECT_URI (or ONEDOOR_PUBLIC_URL) turn single sign-on
 * on; the claim settings default to what Keycloak puts in an ID token with a mapper for the
 * department (`department`) and the roles (`roles`).
 */
function singleSignOn(env: NodeJS.ProcessEnv): SingleSignOnConfig | undefined {
  const issuer = env.ONEDOOR_OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const clientId = env.ONEDOOR_OIDC_CLIENT_ID?.trim();
  const publicUrl = env.ONEDOOR_PUBLIC_URL?.trim().replace(/\/+$/, '');
  const redirectUri = env.ONEDOOR_OIDC_REDIRECT_URI?.trim() || (publicUrl ? `${publicUrl}/api/auth/oidc/callback` : undefined);
  if (!clientId || !redirectUri) throw new Error('ONEDOOR_OIDC_ISSUER is set: set ONEDOOR_OIDC_CLIENT_ID and ONEDOOR_OIDC_REDIRECT_URI (or ONEDOOR_PUBLIC_URL) too');
  const local = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/.test(issuer);
  return {
    issuer,
    clientId,
    clientSecret: env.ONEDOOR_OIDC_CLIENT_SECRET || undefined,
    redirectUri,
    label: env.ONEDOOR_OIDC_LABEL?.trim() || 'Đăng nhập bằng tài khoản của cơ quan',
    scopes: env.ONEDOOR_OIDC_SCOPES?.trim() || 'openid profile email',
    usernameClaim: env.ONEDOOR_OIDC_USERNAME_CLAIM?.trim() || 'preferred_username',
    nameClaim: env.ONEDOOR_OIDC_NAME_CLAIM?.trim() || 'name',
    departmentClaim: env.ONEDOOR_OIDC_DEPARTMENT_CLAIM?.trim() || 'department',
    rolesClaim: env.ONEDOOR_OIDC_ROLES_CLAIM?.trim() || 'roles',
    allowHttp: local || env.ONEDOOR_OIDC_ALLOW_HTTP === '1',
  };
}

/** A non-negative whole number from the environment; anything else falls back to the default. */
function count(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
}
