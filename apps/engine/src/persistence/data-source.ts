import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

/**
 * The one TypeORM data source definition, used by the app, the tests and the migration CLI.
 * Schema changes go through migrations only: `synchronize` stays off.
 */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string; connectTimeoutMs?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    entities: [],
    poolSize: options.poolSize ?? 20,
    applicationName: options.applicationName ?? 'onedoor-engine',
    // Errors reach the caller as exceptions (and the HTTP filter logs real bugs): no double logging.
    logging: false,
    // An idle pooled connection that breaks (the server restarted) is dropped by the pool and
    // replaced on demand; the outage itself shows in /health and in 503 answers, so there is
    // nothing to log per connection.
    poolErrorHandler: () => undefined,
    extra: {
      // While the server is unreachable, a request waits this long for a connection, then gets 503.
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      // A peer that vanished without closing the socket (a failover, a dropped route) is noticed
      // by TCP keepalive instead of hanging a connection forever.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    },
  });
}

/** For `typeorm migration:run -d dist/apps/engine/src/persistence/data-source.js`. */
export default createDataSource(process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/onedoor');
