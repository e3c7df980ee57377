import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

/**
 * The one TypeORM data source definition, used by the app, the tests and the migration CLI.
 * Schema changes go through migrations only: `synchronize` stays off.
 */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    ...connectionOptions(url),
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    entities: [],
    poolSize: options.poolSize ?? 20,
    applicationName: options.applicationName ?? 'onedoor-engine',
    // Errors reach the caller as exceptions (and the HTTP filter logs real bugs): no double logging.
    logging: false,
  });
}

/**
 * TypeORM reads host, port, user and database from the URL itself but not libpq's `?host=` for a
 * Unix-domain socket folder (`postgres://u:p@localhost:5432/db?host=/tmp`), so that form is
 * spelled out field by field. The embedded server is reached through its socket: on one machine
 * it costs the engine and PostgreSQL far less kernel time per statement than loopback TCP.
 */
function connectionOptions(url: string): { url: string } | { host: string; port: number; username: string; password: string; database: string } {
  const parsed = new URL(url);
  const socketFolder = parsed.searchParams.get('host');
  if (!socketFolder) return { url };
  return {
    host: socketFolder,
    port: Number(parsed.port || 5432),
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
}

/** For `typeorm migration:run -d dist/apps/engine/src/persistence/data-source.js`. */
export default createDataSource(process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/onedoor');
