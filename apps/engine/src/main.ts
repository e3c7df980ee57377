import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { WorkingCalendar } from '@onedoor/working-calendar';
import { readConfig, type EngineConfig } from './bootstrap/config.js';
import { generateDemoHistory } from './bootstrap/demo-history.js';
import { seedDemoOrganisation } from './bootstrap/demo-organisation.js';
import { deployProcessFolder } from './bootstrap/process-folder.js';
import { CalendarService } from './persistence/calendar/calendar-service.js';
import { installDossiers } from './dossiers/index.js';
import { PortalOutboxDelivery } from './portal-sync/outbox-delivery.js';
import { ApplicantNoticeDelivery } from './applicant-notices/notice-delivery.js';
import { applicantNoticeConfig } from './applicant-notices/notice-config.js';
import { portalSyncConfig } from './portal-sync/portal-sync-config.js';
import { createApp } from './create-app.js';
import { InFlightRequests } from './api/in-flight-requests.js';
import { Engine } from './engine.js';
import { AccessTokens } from './identity/access-token.js';
import { Organisation } from './persistence/identity/organisation.js';
import { createDataSource } from './persistence/data-source.js';
import { startEmbeddedDatabase } from './persistence/embedded-database.js';
import { migrate } from './persistence/migrate.js';
import { isDatabaseOutage } from './persistence/database-outage.js';
import { isStartupProblem, httpListenProblem } from './bootstrap/startup-problem.js';
import { readyMessage, type DemoUser } from './bootstrap/ready-message.js';
import { hasDossiers } from './persistence/schema-state.js';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data, API + browser app on one port. */
async function main(parts: RunningParts): Promise<void> {
  const config = readConfig();
  // From the first moment: a signal during start-up stops whatever has been started so far.
  installShutdown(parts, config.shutdownTimeoutMs);
  let url = config.databaseUrl;
  if (!url) {
    const pgDir = path.join(config.dataDir, 'pg');
    console.log(`OneDoor: no DATABASE_URL, starting embedded PostgreSQL — data in ${pgDir} (port ${config.embeddedPort})`);
    const embedded = await startEmbeddedDatabase({ dataDir: pgDir, port: config.embeddedPort, notice: (line) => console.log(`OneDoor: ${line}`) });
    url = embedded.url;
    parts.stopEmbedded = embedded.stop;
  }
  if (parts.stopping) return;
  const dataSource = createDataSource(url);
  parts.dataSource = dataSource;
  const where = redact(url);
  await untilDatabaseAnswers(where, () => connect(dataSource), parts);
  if (parts.stopping) return;

  let calendar: CalendarService | undefined;
  const engine = new Engine({
    dataSource,
    calendar: () => calendar!.current(),
    jobPollIntervalMs: config.jobPollIntervalMs,
    jobLockMs: config.jobLockMs,
    jobConcurrency: config.jobConcurrency,
    instanceCacheSize: config.instanceCacheSize,
    log: (m) => console.warn(m),
  });
  parts.engine = engine;
  calendar = new CalendarService(engine.db);
  installDossiers(engine);
  const organisation = new Organisation(engine.db);
  // Every step here may run again if the database goes away half-way: each one is idempotent.
  const tokens = await untilDatabaseAnswers(where, async () => {
    await migrate(dataSource);
    await calendar!.reload();
    if (config.demo) {
      const users = await seedDemoOrganisation(organisation, path.join(config.processesDir, 'organisation.json'));
      console.log(`OneDoor: demo organisation seeded (${users} users, password "demo")`);
    }
    if (config.adminPassword) {
      await organisation.upsertUser({ username: 'admin', password: config.adminPassword, fullName: 'Quản trị hệ thống', departmentCode: null, roles: ['admin', 'designer', 'manager'] });
      console.log('OneDoor: user admin set from ONEDOOR_ADMIN_PASSWORD');
    }
    if (config.demo) {
      const deployed = await deployProcessFolder(engine, config.processesDir);
      const definitions = deployed.flatMap((d) => d.processDefinitions);
      console.log(`OneDoor: ${definitions.length} procedure versions from processes/ (${definitions.filter((d) => d.isNew).length} new)`);
    }
    return new AccessTokens(await organisation.signingKey());
  }, parts);
  if (parts.stopping) return;
  const sessions = { accessTokenSeconds: config.accessTokenMinutes * 60, refreshTokenSeconds: config.sessionHours * 3600 };
  const inFlight = new InFlightRequests();
  const app = await createApp({ engine, organisation, tokens, calendar, sessions, singleSignOn: config.singleSignOn }, { webRoot: config.webRoot, corsOrigins: config.corsOrigins, inFlight });
  parts.app = app;
  parts.http = { inFlight, cutConnections: () => app.getHttpServer().closeAllConnections() };
  if (parts.stopping) return;
  engine.jobs.start();
  // National-portal sync: delivery runs when ONEDOOR_PORTAL_URL is set; records queue meanwhile.
  const portal = new PortalOutboxDelivery(engine.db, { ...portalSyncConfig(), nodeId: engine.nodeId, log: (m: string) => console.warn(m) });
  parts.portal = portal;
  portal.start();
  // Applicant notices (e-mail, SMS, Zalo): each configured channel delivers; the others queue.
  const noticeConfig = applicantNoticeConfig();
  const notices = new ApplicantNoticeDelivery(engine.db, { ...noticeConfig, nodeId: engine.nodeId, log: (m: string) => console.warn(m) });
  parts.notices = notices;
  notices.start();
  if (parts.stopping) return;
  // Tried first on a bare socket: a taken port then reads as our one sentence, not Nest's error log too.
  await tryListen(config.port, config.host);
  await app.listen(config.port, config.host).catch((error: unknown) => {
    throw httpListenProblem(error, config.port, config.host) ?? error;
  });
  const demoUsers = config.demo ? await readDemoUsers(path.join(config.processesDir, 'organisation.json')) : undefined;
  console.log(readyMessage({ port: config.port, host: config.host, demoUsers }));
  if (config.demo) void seedDemoHistoryOnce(dataSource, config, () => calendar!.current());
}

async function tryListen(port: number, host: string): Promise<void> {
  const probe = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, host, resolve);
    });
  } catch (error) {
    throw httpListenProblem(error, port, host) ?? error;
  } finally {
    await new Promise((resolve) => probe.close(resolve));
  }
}

async function readDemoUsers(file: string): Promise<DemoUser[]> {
  const data = JSON.parse(await readFile(file, 'utf8')) as { users?: DemoUser[] };
  return data.users ?? [];
}

/** What main has started so far, for the shutdown to stop in reverse order. */
interface RunningParts {
  /** Set by the first SIGTERM/SIGINT: start-up goes no further, and its failures are the shutdown's doing. */
  stopping?: boolean;
  engine?: Engine;
  app?: { close(): Promise<void> };
  /** The requests being served, and a way to cut the connections of those a shutdown can't wait for. */
  http?: { inFlight: InFlightRequests; cutConnections(): void };
  portal?: PortalOutboxDelivery;
  notices?: ApplicantNoticeDelivery;
  dataSource?: DataSource;
  stopEmbedded?: () => Promise<void>;
}

/**
 * SIGTERM / SIGINT: stop taking work, finish what is in hand, give back what others can do, exit 0.
 * The node reports itself draining (/health 503) at once; the HTTP server stops accepting and
 * lets the requests in flight finish (a command commits or not, whole); the job executor lets
 * the jobs in hand finish and releases the locks of those it had not started, so another node
 * runs them now instead of after the lock expires; then the pools close. Past the bound the
 * process exits anyway (1): open transactions roll back with their connections.
 */
function installShutdown(parts: RunningParts, timeoutMs: number): void {
  const shutdown = async (signal: string) => {
    if (parts.stopping) return;
    parts.stopping = true;
    const began = Date.now();
    console.log(`OneDoor: ${signal} — draining (in-flight requests and jobs finish, at most ${Math.round(timeoutMs / 1000)} s)`);
    if (parts.engine) parts.engine.draining = true;
    setTimeout(() => {
      console.error(`OneDoor: still stopping after ${Math.round(timeoutMs / 1000)} s; exiting now (open transactions roll back)`);
      process.exit(1);
    }, timeoutMs).unref();
    const step = async (what: string, action: () => Promise<unknown>, detail?: () => string) => {
      // A step that takes long is named, so an operator whose node hit the bound knows what held it.
      const slow = setTimeout(() => console.warn(`OneDoor: while stopping, still waiting for the ${what}…${detail?.() ?? ''}`), 2_000);
      await action().catch((error: Error) => console.warn(`OneDoor: while stopping, ${what}: ${error.message}`));
      clearTimeout(slow);
    };
    if (parts.app) await step('HTTP server', () => closeHttp(parts, timeoutMs / 2), () => openRequests(parts));
    if (parts.engine) await step('job executor', () => parts.engine!.jobs.stop());
    if (parts.portal) await step('portal sync', () => parts.portal!.stop());
    if (parts.notices) await step('applicant notices', () => parts.notices!.stop());
    if (parts.dataSource?.isInitialized) await step('database pool', () => parts.dataSource!.destroy());
    if (parts.stopEmbedded) await step('embedded PostgreSQL', parts.stopEmbedded);
    console.log(`OneDoor: stopped cleanly in ${Date.now() - began} ms`);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * Closes the HTTP server: no new connections, idle ones closed, requests in flight finish. Once
 * no request is being served, connections still open carry nothing to wait for (a keep-alive
 * socket that turned idle after the close began, a client that never finished its headers):
 * they are cut at once. A request still unfinished after `graceMs` (a client that stopped
 * sending half-way through its body, a stalled upload) does not get to hold the node until the
 * hard bound either: its connection is cut, named in the log, and the rest of the shutdown
 * (jobs, pools) still runs in time. A command it started commits or rolls back whole either
 * way; only the answer is lost.
 */
async function closeHttp(parts: RunningParts, graceMs: number): Promise<void> {
  let closed = false;
  const closing = parts.app!.close().finally(() => (closed = true));
  const began = Date.now();
  while (!closed && parts.http) {
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 100))]).catch(() => undefined);
    if (closed) break;
    if (parts.http.inFlight.count === 0) {
      parts.http.cutConnections();
      break;
    }
    if (Date.now() - began >= graceMs) {
      console.warn(`OneDoor: while stopping, cutting the connections of requests still open after ${Math.round(graceMs / 1000)} s${openRequests(parts)}`);
      parts.http.cutConnections();
      break;
    }
  }
  await closing;
}

/** ": GET /api/… (3.1 s), …" for the requests still open, or nothing. */
function openRequests(parts: RunningParts): string {
  const open = parts.http?.inFlight.describe() ?? [];
  return open.length === 0 ? '' : `: ${open.slice(0, 10).join(', ')}${open.length > 10 ? `, and ${open.length - 10} more` : ''}`;
}

/**
 * At start the database may not be up yet (a fresh container, a failover in progress) or may go
 * away half-way: wait for it with back-off instead of exiting, saying once what we wait for.
 * Anything else (a wrong password, a database that does not exist) stops the start at once.
 */
async function untilDatabaseAnswers<T>(where: string, step: () => Promise<T>, parts: RunningParts): Promise<T> {
  let delay = 500;
  let told = false;
  for (;;) {
    try {
      const result = await step();
      if (told) console.log('OneDoor: database reachable');
      return result;
    } catch (error) {
      // TypeORM reports a connection lost during its own start-up queries this way.
      if (parts.stopping) throw error; // the shutdown closed the pool under us; it ends the process
      if (!isDatabaseOutage(error) && (error as Error)?.name !== 'QueryRunnerAlreadyReleasedError') throw error;
      if (!told) console.warn(`OneDoor: waiting for the database at ${where} (${(error as Error).message}); retrying…`);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 5_000);
    }
  }
}

/** After a failed start: whatever did start (the embedded server above all) must not outlive us. */
async function stopStarted(parts: RunningParts): Promise<void> {
  await parts.engine?.jobs.stop().catch(() => undefined);
  if (parts.dataSource?.isInitialized) await parts.dataSource.destroy().catch(() => undefined);
  await parts.stopEmbedded?.().catch(() => undefined);
}

/** Opens the data source; a failed attempt closes the pool it made, so the next one starts clean. */
async function connect(dataSource: DataSource): Promise<void> {
  try {
    await dataSource.initialize();
  } catch (error) {
    await (dataSource.driver as { disconnect?: () => Promise<void> }).disconnect?.().catch(() => undefined);
    throw error;
  }
}

/** The database URL without its password, for the log. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/** First start in demo mode: measured history for the comparisons and reports, in the background. */
async function seedDemoHistoryOnce(dataSource: DataSource, config: EngineConfig, calendar: () => WorkingCalendar): Promise<void> {
  if (await hasDossiers(dataSource)) return;
  console.log('OneDoor: generating demo history (dossiers through old and simplified procedures)…');
  const result = await generateDemoHistory(dataSource, {
    seed: 2026,
    perVersion: 30,
    startAt: new Date('2026-03-02T00:30:00Z'),
    organisationFile: path.join(config.processesDir, 'organisation.json'),
    calendar,
  });
  console.log(`OneDoor: demo history ready — ${result.dossiers} dossiers, ${result.finished} finished, ${result.late} late`);
}

// A promise nobody awaited that fails is a bug to log, not a reason to take the node down.
process.on('unhandledRejection', (reason) => console.error('OneDoor: unhandled rejection:', reason));
// A database connection that breaks where no one listens (a library's own short-lived client at
// start-up) must not end the node: that connection is gone, the pools replace it, the node
// carries on. Any other uncaught exception still ends the process, as it should.
process.on('uncaughtException', (error) => {
  if (isDatabaseOutage(error)) {
    console.warn(`OneDoor: a database connection broke outside any request (${error.message}); carrying on`);
    return;
  }
  console.error(error);
  process.exit(1);
});

const starting: RunningParts = {};
main(starting).catch((error) => {
  // A start-up step failing because a signal closed what it used: the shutdown decides the exit code.
  if (starting.stopping) return;
  // Something the operator can fix: the sentence alone, then stop what was started.
  if (isStartupProblem(error)) console.error(`OneDoor cannot start: ${error.message}`);
  else console.error(error);
  void stopStarted(starting).finally(() => process.exit(1));
});
