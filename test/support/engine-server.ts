import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { seedDemoOrganisation } from '../../apps/engine/src/bootstrap/demo-organisation.js';
import { deployProcessFolder } from '../../apps/engine/src/bootstrap/process-folder.js';
import { CalendarService } from '../../apps/engine/src/persistence/calendar/calendar-service.js';
import { installDossiers } from '../../apps/engine/src/dossiers/index.js';
import type { Clock } from '../../apps/engine/src/commands/command.js';
import { createApp, defaultWebRoot } from '../../apps/engine/src/create-app.js';
import { Engine } from '../../apps/engine/src/engine.js';
import { AccessTokens } from '../../apps/engine/src/identity/access-token.js';
import { Organisation } from '../../apps/engine/src/persistence/identity/organisation.js';
import type { SingleSignOnConfig } from '../../apps/engine/src/identity/single-sign-on.js';
import { createDataSource } from '../../apps/engine/src/persistence/data-source.js';
import { Database } from '../../apps/engine/src/persistence/database.js';
import { createTestDatabase, type DatabaseTemplate, type TestDatabase } from './database.js';
import { TcpProxy } from './tcp-proxy.js';

export interface TestEngine {
  baseUrl: string;
  app: NestFastifyApplication;
  engine: Engine;
  organisation: Organisation;
  calendar: CalendarService;
  db: TestDatabase;
  /** supertest agent on the app. */
  http: ReturnType<typeof request>;
  /** With `proxy: true`: the TCP hop between this engine and its database, to cut and restore. */
  proxy?: TcpProxy;
  /** Logs a user in and returns the `Authorization` header value. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestEngineOptions {
  /** Seed processes/organisation.json (passwords `demo`). Default true. */
  organisation?: boolean;
  /** Deploy processes/*.bpmn. Default false. */
  processes?: boolean;
  /** Start the job executor. Default false (specs poll by hand). */
  jobs?: boolean;
  clock?: Clock;
  /** Reach the database through a TcpProxy the spec can cut (database outages). */
  proxy?: boolean;
  /** A second engine node on the database of this one (nothing seeded; closing it leaves the database). */
  sameDatabaseAs?: TestEngine;
  /** Listen on this port (default: any free one). */
  port?: number;
  /** Officers sign in through this identity provider too. */
  singleSignOn?: SingleSignOnConfig;
}

/** A port nobody listens on right now, to give a server before it starts. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

const ADMIN = { username: 'admin', password: 'demo', fullName: 'Quản trị', departmentCode: null, roles: ['admin', 'designer', 'manager'] };

/**
 * The demo organisation and the admin, hashed passwords and all (seeding them is most of an
 * engine's start: a password hash per user), fingerprinted by what writes them so a server kept
 * between runs (TEST_DATABASE_URL) never hands out an old one.
 */
const demoOrganisation: DatabaseTemplate = {
  name: `demo_org_${fingerprint(['processes/organisation.json', 'apps/engine/src/bootstrap/demo-organisation.ts', 'apps/engine/src/identity', 'apps/engine/src/persistence/migrations', 'test/support/engine-server.ts'])}`,
  async prepare(dataSource) {
    const organisation = new Organisation(new Database(dataSource));
    await seedDemoOrganisation(organisation, path.join(root, 'processes', 'organisation.json'));
    await organisation.upsertUser(ADMIN);
  },
};

function fingerprint(paths: string[]): string {
  const hash = createHash('sha1');
  const add = (file: string) => {
    if (statSync(file).isDirectory()) for (const entry of readdirSync(file).sort()) add(path.join(file, entry));
    else hash.update(file).update(readFileSync(file));
  };
  for (const p of paths) add(path.join(root, p));
  return hash.digest('hex').slice(0, 12);
}

/**
 * The whole engine as `npm start` builds it — real PostgreSQL, migrations, organisation, HTTP app
 * serving dist/web — on a private database and a free port.
 */
export async function startTestEngine(options: TestEngineOptions = {}): Promise<TestEngine> {
  const other = options.sameDatabaseAs;
  const seeded = options.organisation !== false;
  const db = other ? other.db : await createTestDatabase({ template: seeded ? demoOrganisation : undefined });
  const proxy = options.proxy ? await TcpProxy.to(db.url) : undefined;
  let dataSource = other ? await db.connectAnother() : db.dataSource;
  if (proxy) {
    dataSource = createDataSource(proxy.url(db.url), { poolSize: 10, applicationName: 'onedoor-test', connectTimeoutMs: 1_000 });
    await dataSource.initialize();
  }
  let calendar: CalendarService | undefined;
  const engine = new Engine({ dataSource, clock: options.clock, calendar: () => calendar!.current(), nodeId: other ? 'test-http-2' : 'test-http', jobPollIntervalMs: 100 });
  calendar = new CalendarService(engine.db);
  await calendar.reload();
  installDossiers(engine);
  const organisation = new Organisation(engine.db);
  if (!other) {
    // (with the organisation, the admin comes in the template)
    if (!seeded) await organisation.upsertUser(ADMIN);
    if (options.processes) await deployProcessFolder(engine, path.join(root, 'processes'));
  }
  const tokens = new AccessTokens(await organisation.signingKey());
  const app = await createApp({ engine, organisation, tokens, calendar, singleSignOn: options.singleSignOn }, { webRoot: defaultWebRoot(root), logger: false });
  await app.listen(options.port ?? 0, '127.0.0.1');
  if (options.jobs) engine.jobs.start();
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const http = request(app.getHttpServer());
  return {
    baseUrl,
    app,
    engine,
    organisation,
    calendar,
    db,
    http,
    proxy,
    async login(username, password = 'demo') {
      const res = await request(app.getHttpServer()).post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return `Bearer ${res.body.accessToken}`;
    },
    async close() {
      await engine.jobs.stop();
      await app.close();
      if (proxy) {
        await proxy.restore().catch(() => undefined);
        await dataSource.destroy();
        await proxy.close();
      }
      if (other) {
        if (dataSource.isInitialized) await dataSource.destroy();
      } else {
        await db.close();
      }
    },
  };
}
