import path from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { readConfig, type EngineConfig } from '../bootstrap/config.js';
import { CalendarService } from '../persistence/calendar/calendar-service.js';
import type { Actor } from '../commands/command.js';
import { installDossiers } from '../dossiers/index.js';
import { Engine } from '../engine.js';
import { Organisation } from '../persistence/identity/organisation.js';
import { createDataSource } from '../persistence/data-source.js';
import { startEmbeddedDatabase } from '../persistence/embedded-database.js';

/** What a CLI command works with: the same engine, organisation and calendar the API uses. */
export interface CliContext {
  dataSource: DataSource;
  engine: Engine;
  organisation: Organisation;
  calendar: CalendarService;
  /** Who the audit log names: the operator's login on this machine. */
  actor: Actor;
  close(): Promise<void>;
}

export function cliActor(): Actor {
  return { username: `cli:${userInfo().username}`, roles: ['admin', 'designer'] };
}

/** Builds the services over an initialised data source (the specs pass their own database). */
export async function contextOn(dataSource: DataSource, close: () => Promise<void> = async () => undefined): Promise<CliContext> {
  let calendar: CalendarService | undefined;
  const engine = new Engine({ dataSource, calendar: () => calendar!.current(), nodeId: `cli:${process.pid}` });
  calendar = new CalendarService(engine.db);
  installDossiers(engine);
  return { dataSource, engine, organisation: new Organisation(engine.db), calendar, actor: cliActor(), close };
}

/**
 * The database `npm start` uses: DATABASE_URL, else the embedded one — the running server when a
 * OneDoor is up (its port answers), else started here for the command and stopped after it.
 */
export async function openConfiguredDatabase(config: EngineConfig = readConfig()): Promise<{ url: string; stop?: () => Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const url = `postgres://postgres:postgres@127.0.0.1:${config.embeddedPort}/onedoor`;
  if (await answers(url)) return { url };
  const embedded = await startEmbeddedDatabase({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPort });
  return { url: embedded.url, stop: embedded.stop };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openCliContext(): Promise<CliContext> {
  const database = await openConfiguredDatabase();
  const dataSource = createDataSource(database.url, { poolSize: 2, applicationName: 'onedoor-cli' });
  await dataSource.initialize();
  return contextOn(dataSource, async () => {
    await dataSource.destroy();
    await database.stop?.();
  });
}
